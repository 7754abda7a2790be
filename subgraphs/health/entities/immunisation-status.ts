import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({
  description:
    "Whether the child's immunisations were up to date for their age (the UK routine immunisation schedule), as recorded at a check (SSDA903 OC2 IMMUNISATIONS).",
})
export class ImmunisationStatus extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the immunisation status was checked and recorded.' })
  recordedOn!: string;

  @Property()
  @Field({ description: "True: the child's immunisations were up to date on that date; false: they were not." })
  upToDate!: boolean;
}
