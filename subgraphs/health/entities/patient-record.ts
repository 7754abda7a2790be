import { Entity, ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Patient } from './patient';

/** What every dated health record has: its own id and the patient it is about. */
@Entity({ abstract: true })
// Not a GraphQL type of its own (nothing returns it): registered so subclasses inherit its fields.
@ObjectType()
export abstract class PatientRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  // Every loader selects by it.
  @ManyToOne(() => Patient, { index: true })
  patient!: Patient;
}
