import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A creating write that carried an idempotency key: a retry of the same request (same user, same key,
 * same operation and input) returns what the first one created instead of creating it again. Written
 * in the same transaction as the write, so it exists exactly when the write does.
 */
@Entity({ tableName: 'idempotency_record' })
@Unique({ properties: ['userId', 'key'] })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string' })
  userId!: string;

  @Property({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'string' })
  operation!: string;

  /** SHA-256 of the operation and its input: the same key with a different request is refused. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** What the first request created or changed (the meeting, the action), to answer the retry with. */
  @Property({ type: 'string' })
  resultId!: string;

  @Property({ type: 'datetime' })
  at!: Date;
}
