import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { EetGroup, PostSixteenActivity, RiskOfNeet } from '../enums';
import { eetGroupOf, meetsParticipationDuty } from '../rules/post-sixteen';
import { PupilRecord } from './pupil-record';

@Entity({ tableName: 'post_sixteen_status' })
@ObjectType({
  description:
    "A dated post-16 record: in Years 10 and 11 the Risk of NEET Indicator and transition plan; from Year 12 the young person's education, employment or training activity.",
})
export class PostSixteenStatus extends PupilRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Date recorded; the newest record is the current position.' })
  recordedOn!: string;

  @Enum({ items: () => PostSixteenActivity, nullable: true })
  @Field(() => PostSixteenActivity, { nullable: true, description: 'Activity after Year 11; null while still in Year 10 or 11.' })
  activity!: PostSixteenActivity | null;

  @Enum({ items: () => RiskOfNeet, nullable: true })
  @Field(() => RiskOfNeet, { nullable: true, description: 'Risk of NEET Indicator when assessed (Years 10 and 11).' })
  riskOfNeet!: RiskOfNeet | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the post-16 transition plan was completed; null when there is none.' })
  transitionPlanDate!: string | null;

  @Field(() => EetGroup, { nullable: true, description: 'Computed from the activity: EET, NEET or not known; null without an activity.' })
  get eetGroup(): EetGroup | null {
    return this.activity ? eetGroupOf(this.activity) : null;
  }

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Computed: whether the activity meets the duty to participate in education or training to 18 (RPA); null without an activity.',
  })
  get meetsParticipationDuty(): boolean | null {
    return this.activity ? meetsParticipationDuty(this.activity) : null;
  }
}
