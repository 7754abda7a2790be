import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { HealthAssessorRole } from '../enums';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({
  description:
    "Review Health Assessment: the statutory review of a looked-after child's health, at least every 6 months before the child's fifth birthday and every 12 months after it.",
})
export class ReviewHealthAssessment extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the review was carried out.' })
  assessedOn!: string;

  @Enum(() => HealthAssessorRole)
  @Field(() => HealthAssessorRole, { description: 'Who carried it out.' })
  assessorRole!: HealthAssessorRole;

  @Property({ type: 'text' })
  @Field(() => String, {
    nullable: true,
    description: 'Summary of the outcome and the health plan agreed (clinical detail): health and the allocated social worker only.',
  })
  outcomeSummary!: string;
}
