import { Check, Entity, Enum, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import type { AgencyCode } from '../../../kit/shared/roles';
import { ArrestOutcome, OffenceCategory } from '../enums';
import { GRAVITY_MAX, GRAVITY_MIN } from '../rules/gravity';
import { NominalRecord } from './nominal-record';

@Entity()
@ObjectType({ description: 'An arrest of the young person, with the offence, its YJS gravity score and what followed.' })
export class Arrest extends NominalRecord {
  @Field(() => LocalDateScalar, { description: 'Date of the arrest.' })
  @Property({ type: 'date' })
  arrestedOn!: string;

  @Field(() => OffenceCategory, { description: 'Offence type category of the offence the young person was arrested for.' })
  @Enum({ items: () => OffenceCategory })
  offenceCategory!: OffenceCategory;

  // The database refuses a score outside the scale, whatever wrote it. Written as PostgreSQL stores it
  // (it rewrites BETWEEN), so MikroORM's schema diff finds the constraint it made unchanged.
  @Field(() => Int, {
    description: `Youth Justice Service gravity score of the offence, ${GRAVITY_MIN} (least serious, e.g. drunk and disorderly, breach of the peace) to ${GRAVITY_MAX} (most serious, e.g. murder, rape).`,
  })
  @Property()
  @Check({ expression: `gravity_score >= ${GRAVITY_MIN} and gravity_score <= ${GRAVITY_MAX}` })
  gravityScore!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The offence the young person was charged with, in charge wording; null when not charged, or when withheld by police policy (a WITHHELD error then says so).',
  })
  @Property({ type: 'string', nullable: true })
  charge!: string | null;

  @Field(() => ArrestOutcome, {
    nullable: true,
    description:
      'What followed the arrest (Home Office outcome, or the interim position). Null only when withheld by police policy (a WITHHELD error then says so).',
  })
  @Enum({ items: () => ArrestOutcome })
  outcome!: ArrestOutcome;

  @Field({ description: 'Whether the offence took place inside a No Wrong Door hub (a NWD outcome measure: offences in hubs).' })
  @Property()
  offenceInNwdHub!: boolean;

  /** Agencies the young person asked not to be told about this arrest (not a GraphQL field: the kit's guard applies it). */
  @Property({ type: 'json', nullable: true })
  notSharedWith?: AgencyCode[] | null;
}
