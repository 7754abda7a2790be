import { createHash } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars';

/**
 * What an agency showed the chair of a meeting in its part of the meeting pack, frozen in the agency's
 * own store once the meeting was recorded: the data exactly as shown, the notices of what was withheld,
 * and a hash of both, signed with the agency's audit key. "What was known when the plan was made" reads
 * the same after the records change; the table refuses UPDATE and DELETE, and a part rewritten by
 * someone who switched that off no longer matches its MAC (audit:verify).
 */
@Entity({ tableName: 'pack_snapshot' })
export class PackSnapshot {
  /** The pack's opaque reference (social care's meeting ids never reach other agencies). */
  @PrimaryKey({ type: 'string' })
  reference!: string;

  /** The young person, by this agency's own identifier. */
  @Property({ type: 'string' })
  subject!: string;

  @Property({ type: 'string' })
  viewerId!: string;

  @Property({ type: 'datetime' })
  frozenAt!: Date;

  /** JSON: the agency's part of the pack as it was in the response. */
  @Property({ type: 'text' })
  content!: string;

  /** JSON: the WITHHELD notices inside that part ({ path, agency, rule }). */
  @Property({ type: 'text' })
  notices!: string;

  /** SHA-256 of content and notices: a changed snapshot does not match it. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  /** The audit key that signed it; null only for parts frozen before parts were signed. */
  @Property({ type: 'string', length: 16, nullable: true })
  keyId!: string | null;

  /** HMAC-SHA256 under that key of what the part is: without the key, a rewritten part (and hash) cannot be re-signed. */
  @Property({ type: 'string', length: 64, nullable: true })
  mac!: string | null;
}

/** The hash of a frozen part's content and notices. */
export const snapshotHash = (content: string, notices: string): string =>
  createHash('sha256')
    .update(JSON.stringify([content, notices]))
    .digest('hex');

/** What a frozen part's MAC covers: which pack, whose, shown to whom, when, and its content's hash. */
export const snapshotMessage = (s: Pick<PackSnapshot, 'reference' | 'subject' | 'viewerId' | 'frozenAt' | 'contentHash'>): string =>
  JSON.stringify([s.reference, s.subject, s.viewerId, s.frozenAt.toISOString(), s.contentHash]);

@Directive('@shareable')
@ObjectType('PackSnapshot', {
  description:
    "An agency's part of a meeting pack as it was shown to the chair when the meeting was recorded, frozen in that agency's own store.",
})
export class PackSnapshotView {
  @Field(() => DateTimeScalar)
  frozenAt!: Date;

  @Field({ description: 'Who it was shown to (the chair).' })
  viewerId!: string;

  // Content, notices and hash are nullable: withheld from everyone but the chair and auditors (SNAPSHOT_FOR_ITS_CHAIR).
  @Field(() => String, { nullable: true, description: 'JSON: what the agency showed, as it was. The chair and auditors only.' })
  content!: string;

  @Field(() => String, {
    nullable: true,
    description: 'JSON: the notices of what was withheld from it, as they were. The chair and auditors only.',
  })
  notices!: string;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of content and notices, to check they are as frozen. The chair and auditors only (it would confirm a guess).',
  })
  contentHash!: string;
}
