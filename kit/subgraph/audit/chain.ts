import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuditRecord } from './audit-record';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditContent = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>;

/**
 * The hash of a record: its content in a fixed order, and the hash before it. A write's change is
 * appended only when there is one, so records made before writes existed keep their hashes.
 */
export function hashRecord(seq: number, content: AuditContent, prevHash: string): string {
  const canonical = JSON.stringify([
    seq,
    content.at.toISOString(),
    content.requestId,
    content.userId,
    content.userName,
    content.userAgency,
    content.userRole,
    content.subject,
    content.action,
    content.purposeKind,
    content.meetingId,
    content.breakGlassReason,
    content.fieldsRead,
    content.withheld,
    prevHash,
    ...(content.change == null ? [] : [content.change]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Serialises chain appends (and the writes that append inside their own transaction) in this process. */
let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` after everything queued before it in this process; the primary key on seq guards against other processes. */
export function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Runs a transaction that appends to the chain, again if another process took the same sequence
 * numbers first (the primary key on seq refuses the second): the whole transaction is retried.
 */
export async function withChainRetry<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional(work);
    } catch (err) {
      if (!isChainClash(err) || attempt >= attempts) throw err;
    }
  }
}

function isChainClash(err: unknown): boolean {
  return err instanceof UniqueConstraintViolationException && /audit_record/.test(err.message);
}

/** Appends records to the chain inside the caller's transaction, in order: they commit (or not) with it. */
export async function appendAuditRecordsIn(tx: EntityManager, contents: AuditContent[]): Promise<void> {
  const [last] = await tx.find(AuditRecord, {}, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq', 'hash'] });
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  for (const content of contents) {
    seq += 1;
    const hash = hashRecord(seq, content, prevHash);
    tx.create(AuditRecord, { ...content, seq, prevHash, hash });
    prevHash = hash;
  }
  await tx.flush();
}

/** Appends records to the chain in one transaction of their own, in order; returns when they are durable. */
export function appendAuditRecords(em: EntityManager, contents: AuditContent[]): Promise<void> {
  if (contents.length === 0) return Promise.resolve();
  return serially(() => withChainRetry(em, (tx) => appendAuditRecordsIn(tx, contents)));
}

export interface ChainReport {
  records: number;
  ok: boolean;
  /** The first record whose link is broken, and why. */
  firstBroken?: { seq: number; reason: string };
}

/** Walks the whole chain in order, in batches; stops at the first broken link. */
export async function verifyAuditChain(em: EntityManager, batch = 1000): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let records = 0;
  for (;;) {
    const rows = await em.fork().find(AuditRecord, { seq: { $gte: expectedSeq } }, { orderBy: { seq: 'asc' }, limit: batch });
    if (rows.length === 0) return { records, ok: true };
    for (const row of rows) {
      const broken = (reason: string) => ({ records, ok: false, firstBroken: { seq: row.seq, reason } });
      if (row.seq !== expectedSeq)
        return { records, ok: false, firstBroken: { seq: expectedSeq, reason: `record ${expectedSeq} is missing (next is ${row.seq})` } };
      if (row.prevHash !== prevHash)
        return broken("prevHash does not match the previous record's hash (a record before it was changed, removed or inserted)");
      if (hashRecord(row.seq, row, row.prevHash) !== row.hash) return broken('content does not match its hash (this record was changed)');
      prevHash = row.hash;
      expectedSeq++;
      records++;
    }
  }
}
