import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../kit/subgraph/graphql/scalars';
import type { AgencyCode } from '../../../kit/shared/roles';
import { MissingRiskGrading } from '../enums';
import { NominalRecord } from './nominal-record';

@Entity()
@ObjectType({
  description:
    'A missing person episode: anyone whose whereabouts cannot be established is considered missing until located and their well-being established (College of Policing APP). Return home interview timeliness is computed from the found time.',
})
export class MissingEpisode extends NominalRecord {
  @Field(() => DateTimeScalar, { description: 'When the young person was reported missing to the police.' })
  @Property({ type: 'datetime' })
  reportedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the young person was found or returned; null while still missing.' })
  @Property({ type: 'datetime', nullable: true })
  foundAt!: Date | null;

  @Field(() => MissingRiskGrading, { description: 'Risk grading when the report was taken, under the force scheme version below.' })
  @Enum({ items: () => MissingRiskGrading })
  riskGrading!: MissingRiskGrading;

  @Field({
    description:
      "The force's missing person risk assessment scheme and version the grading was made under (gradings are force-specific and change over time).",
  })
  @Property()
  riskGradingSchemeVersion!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the young person was found, as a generic description (never an address in this view).',
  })
  @Property({ type: 'string', nullable: true })
  locationFound!: string | null;

  /** Agencies the young person asked not to be told about this episode (not a GraphQL field: the kit's guard applies it). */
  @Property({ type: 'json', nullable: true })
  notSharedWith?: AgencyCode[] | null;
}
