import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { HealthAssessorRole } from '../enums';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({
  description:
    "Initial Health Assessment: the statutory assessment of a child's physical, emotional and mental health when they start to be looked after, carried out by a registered medical practitioner; its result informs the health plan within the care plan.",
})
export class InitialHealthAssessment extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the local authority asked health for the assessment.' })
  requestedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the assessment was carried out; null while it is still outstanding.' })
  completedOn: string | null = null;

  @Enum({ items: () => HealthAssessorRole, nullable: true })
  @Field(() => HealthAssessorRole, {
    nullable: true,
    description: 'Who carried it out (must be a registered medical practitioner); null while outstanding.',
  })
  assessorRole: HealthAssessorRole | null = null;
}
