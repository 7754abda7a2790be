import { ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { YoungPerson } from './young-person';

/** What every dated record on a young person's file has: its own id and the young person it is about. */
export abstract class YoungPersonRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => YoungPerson)
  youngPerson!: YoungPerson;
}
