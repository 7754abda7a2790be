import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { PupilRecord } from './pupil-record';

/** An episode with a start and (once over) an end: the shape of every "period of" record here. */
@Entity({ abstract: true })
// Not a GraphQL type of its own (nothing returns it): registered so subclasses inherit its fields.
@ObjectType()
export abstract class DatedEpisode extends PupilRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day of the episode.' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the episode; null while it continues.' })
  endDate!: string | null;
}
