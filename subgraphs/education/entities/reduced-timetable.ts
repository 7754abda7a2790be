import { Entity, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import type { AgencyCode } from '../../../kit/shared/roles';
import { DatedEpisode } from './dated-episode';

@Entity({ tableName: 'reduced_timetable' })
@ObjectType({
  description:
    'A reduced (part-time) timetable: fewer than 25 hours of education a week, which the virtual school oversees child by child (000:426, 000:500). Meant to be temporary.',
})
export class ReducedTimetable extends DatedEpisode {
  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Hours of education a week on the reduced timetable (under 25).' })
  hoursPerWeek!: number;

  /** The young person's wishes: agencies they asked not to be told about this timetable (not a GraphQL field). */
  @Property({ type: 'json', nullable: true })
  notSharedWith?: AgencyCode[] | null;
}
