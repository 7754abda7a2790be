import { Entity, ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Nominal } from './nominal';

/** What every dated police record has: its own id and the nominal (the person on police systems) it is about. */
@Entity({ abstract: true })
// Not a GraphQL type of its own (nothing returns it): registered so subclasses inherit its fields.
@ObjectType()
export abstract class NominalRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  // Every loader selects by it.
  @ManyToOne(() => Nominal, { index: true })
  nominal!: Nominal;
}
