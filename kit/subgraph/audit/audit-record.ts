import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One line of an agency's own audit log: a read of personal data about one young person in one
 * request, or a refusal. Append-only (a trigger refuses UPDATE and DELETE) and hash-chained: each
 * record's hash covers its content and the previous record's hash, so any change, deletion or
 * insertion breaks the chain at that point; and each hash is signed with a key the database does not
 * hold, so a chain rewritten and re-hashed by someone with the database alone does not verify.
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

  /**
   * READ (data returned, perhaps with some withheld), REFUSED (no legitimate relationship, or nothing by
   * that id: nothing returned, and the two alike), WRITE, or AGGREGATE (figures about a cohort: the
   * subject is the cohort, the fields its measures).
   */
  @Property({ type: 'string' })
  action!: 'READ' | 'REFUSED' | 'WRITE' | 'AGGREGATE';

  @Property({ type: 'string', nullable: true })
  purposeKind!: string | null;

  /** The meeting the purpose names: its id in social care; elsewhere social care's reference for it, made for this agency. */
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

  /** The audit key that signed this record (its id); null only for records written before records were signed. */
  @Property({ type: 'string', length: 16, nullable: true })
  keyId!: string | null;

  /** HMAC-SHA256 of the hash under that key: without the key, a changed or re-hashed record cannot be re-signed. */
  @Property({ type: 'string', length: 64, nullable: true })
  mac!: string | null;
}
