import { Entity, ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Pupil } from './pupil';

/** What every dated record the virtual school holds has: its own id and the pupil it is about. */
@Entity({ abstract: true })
// Not a GraphQL type of its own (nothing returns it): registered so subclasses inherit its fields.
@ObjectType()
export abstract class PupilRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  // Every loader selects by it.
  @ManyToOne(() => Pupil, { index: true })
  pupil!: Pupil;
}
