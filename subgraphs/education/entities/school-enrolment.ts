import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { AgencyCode } from '../../../kit/shared/roles';
import { ReasonForLeaving, RollStatus } from '../enums';
import { DatedEpisode } from './dated-episode';
import { School } from './school';

@Entity({ tableName: 'school_enrolment' })
@ObjectType({
  description:
    "A period on a school's roll, from admission to deletion from the admission register: one per school, so changes of school show.",
})
export class SchoolEnrolment extends DatedEpisode {
  @ManyToOne(() => School, { index: true })
  @Field(() => School)
  school!: School;

  @Enum({ items: () => RollStatus })
  @Field(() => RollStatus)
  rollStatus!: RollStatus;

  @Enum({ items: () => ReasonForLeaving, nullable: true })
  @Field(() => ReasonForLeaving, { nullable: true, description: 'Why the pupil left; null while still on the roll.' })
  reasonForLeaving!: ReasonForLeaving | null;

  /**
   * When the pupil left because of a permanent exclusion the young person asked an agency not to be
   * told about, the same agencies (not a GraphQL field): the leaving reason would tell them otherwise.
   */
  @Property({ type: 'json', nullable: true })
  reasonForLeavingNotSharedWith?: AgencyCode[] | null;
}
