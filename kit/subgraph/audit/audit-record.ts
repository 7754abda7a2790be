import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One line of an agency's own audit log: a read of personal data about one young person in one
 * request, or a refusal. Append-only and hash-chained: each record's hash covers its content and the
 * previous record's hash, so any change, deletion or insertion breaks the chain at that point.
 * DPA 2018 s62 asks police to log who consulted or disclosed what, when and why; every agency does.
 */
@Entity({ tableName: 'audit_record' })
@Index({ properties: ['subject', 'at'] })
export class AuditRecord {
  /** Position in the chain, from 1; contiguous. A clash on insert means another writer won: retry. */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  seq!: number;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'string' })
  requestId!: string;

  @Property({ type: 'string' })
  userId!: string;

  @Property({ type: 'string' })
  userName!: string;

  @Property({ type: 'string' })
  userAgency!: string;

  @Property({ type: 'string' })
  userRole!: string;

  /** The young person, by this agency's own identifier. */
  @Property({ type: 'string' })
  subject!: string;

  /** READ (data returned, perhaps with some withheld), REFUSED (no legitimate relationship: nothing returned) or WRITE. */
  @Property({ type: 'string' })
  action!: 'READ' | 'REFUSED' | 'WRITE';

  @Property({ type: 'string', nullable: true })
  purposeKind!: string | null;

  @Property({ type: 'string', nullable: true })
  meetingId!: string | null;

  @Property({ type: 'text', nullable: true })
  breakGlassReason!: string | null;

  /** JSON array of "Type.field" read. */
  @Property({ type: 'text' })
  fieldsRead!: string;

  /** JSON array of { field, rule } withheld by this agency's policy. */
  @Property({ type: 'text' })
  withheld!: string;

  /** A write: the operation and, for each record it created or changed, what it was before and after (JSON). */
  @Property({ type: 'text', nullable: true })
  change?: string | null;

  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
