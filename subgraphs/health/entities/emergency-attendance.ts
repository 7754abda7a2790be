import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { EmergencyAttendanceReason } from '../enums';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({
  description:
    'An attendance at an accident and emergency (A&E) department (Emergency Care Data Set). Fewer A&E attendances is a No Wrong Door outcome.',
})
export class EmergencyAttendance extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Date of arrival at the emergency department.' })
  attendedOn!: string;

  @Enum(() => EmergencyAttendanceReason)
  @Field(() => EmergencyAttendanceReason, {
    nullable: true,
    description: 'Reason category for the attendance: health and social care only (it can say self-harm, drugs or a mental health crisis).',
  })
  reason!: EmergencyAttendanceReason;
}
