import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({ description: 'A dental check: the child had their teeth checked by a dentist (SSDA903 OC2 TEETH_CHECK).' })
export class DentalCheck extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When a dentist checked the teeth.' })
  checkedOn!: string;
}
