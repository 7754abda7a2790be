import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { YoungPerson } from './young-person';

/** What every dated record on a young person's file has: its own id and the young person it is about. */
@Entity({ abstract: true })
// Not a GraphQL type of its own (nothing returns it): registered so subclasses inherit its fields.
@ObjectType()
export abstract class YoungPersonRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID)
  id!: number;

  // Every loader selects by it.
  @ManyToOne(() => YoungPerson, { index: true })
  youngPerson!: YoungPerson;
}

/** A record that was true from one date to another; "current" is always derived from these. */
@ObjectType({ description: 'Shared shape of dated episodes (never emitted on its own).' })
export abstract class YoungPersonEpisode extends YoungPersonRecord {
  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Null while the episode is open; otherwise its last day.' })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;
}
