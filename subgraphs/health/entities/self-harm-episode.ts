import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { AgencyCode } from '../../../kit/shared/roles';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({
  description: 'An episode of self-harm known to health: intentional self-poisoning or self-injury, irrespective of motivation (NICE).',
})
export class SelfHarmEpisode extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the self-harm happened (or, if unknown, when health learned of it).' })
  occurredOn!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Clinical note. Clinical detail: health only.' })
  clinicalNote: string | null = null;

  /** Agencies the young person asked not to be told about this (young people's voice). Not a GraphQL field: the guard filters by it. */
  @Property({ type: 'json', nullable: true })
  notSharedWith?: AgencyCode[] | null;
}
