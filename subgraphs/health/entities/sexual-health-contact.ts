import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../kit/graphql/scalars';
import { PatientRecord } from './patient-record';

@Entity()
@ObjectType({ description: 'A contact with a sexual health service (advice, contraception, testing).' })
export class SexualHealthContact extends PatientRecord {
  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the contact took place.' })
  contactOn!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Clinical note of the contact. Clinical detail: kept apart so it can be withheld.' })
  clinicalNote!: string;
}
