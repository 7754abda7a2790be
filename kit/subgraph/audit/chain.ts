import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuditRecord } from './audit-record';
import { mac, type AuditKey } from './audit-key';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditContent = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'keyId' | 'mac'>;

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

/**
 * An agency's audit chain, as its service appends to it: every record hashed onto the one before and
 * signed with the agency's current audit key, which only the service holds.
 */
export class AuditChain {
  constructor(private readonly key: AuditKey) {}

  /** Appends records inside the caller's transaction, in order: they commit (or not) with it. */
  async appendIn(tx: EntityManager, contents: AuditContent[]): Promise<void> {
    const [last] = await tx.find(AuditRecord, {}, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq', 'hash'] });
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    for (const content of contents) {
      seq += 1;
      const hash = hashRecord(seq, content, prevHash);
      tx.create(AuditRecord, { ...content, seq, prevHash, hash, keyId: this.key.id, mac: mac(this.key, 'record', hash) });
      prevHash = hash;
    }
    await tx.flush();
  }

  /** Signs other evidence written beside the chain (a frozen pack part) with the same key. */
  seal(purpose: 'snapshot', message: string): { keyId: string; mac: string } {
    return { keyId: this.key.id, mac: mac(this.key, purpose, message) };
  }

  /** Appends records in one transaction of their own, in order; returns when they are durable. */
  append(em: EntityManager, contents: AuditContent[]): Promise<void> {
    if (contents.length === 0) return Promise.resolve();
    return serially(() => withChainRetry(em, (tx) => this.appendIn(tx, contents)));
  }
}
