import { ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { YoungPerson } from './young-person';

/** What every dated record on a young person's file has: its own id and the young person it is about. */
export abstract class YoungPersonRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => YoungPerson)
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
