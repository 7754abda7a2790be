import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { DevelopmentReviewStage } from '../enums';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({
  description:
    "A development check of a child under 5: a Healthy Child Programme review, recording whether the child's health surveillance and health promotion checks were up to date (SSDA903 OC2 HEALTH_CHECK, reported for children under 5).",
})
export class DevelopmentCheck extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the review took place.' })
  reviewedOn!: string;

  @Enum(() => DevelopmentReviewStage)
  @Field(() => DevelopmentReviewStage, { description: 'Which Healthy Child Programme review it was.' })
  stage!: DevelopmentReviewStage;

  @Property()
  @Field({ description: "True: the child's health surveillance or health promotion checks were up to date (OC2 HEALTH_CHECK = 1)." })
  developmentChecksUpToDate!: boolean;
}
