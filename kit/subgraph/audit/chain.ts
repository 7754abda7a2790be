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

/** The last record of a chain: what the next one is hashed onto. */
interface ChainHead {
  seq: number;
  hash: string;
}

/** The head a list of records (in chain order) leaves, or `before` when there are none. */
const headAfter = (records: readonly ChainHead[], before: ChainHead | null): ChainHead | null => {
  const last = records.length ? records[records.length - 1] : before;
  return last ? { seq: last.seq, hash: last.hash } : null;
};

/**
 * An agency's audit chain, as its service appends to it: every record hashed onto the one before and
 * signed with the agency's current audit key, which only the service holds.
 */
export class AuditChain {
  /**
   * The head this process last wrote: a guess that saves reading it back (and a transaction) on every
   * read, checked by the primary key on seq, since any record another process appended meanwhile
   * holds the next seq. Forgotten on any failure and whenever a caller's transaction appends.
   */
  private head: ChainHead | null = null;

  constructor(private readonly key: AuditKey) {}

  /** Appends records inside the caller's transaction, in order: they commit (or not) with it. */
  async appendIn(tx: EntityManager, contents: AuditContent[]): Promise<void> {
    // Whether the caller's transaction commits is not known here: the next append reads the head again.
    this.head = null;
    await this.appendOntoStored(tx, contents);
  }

  /** Reads the head inside `tx`, appends onto it and returns the new head (unchanged when there is nothing to append). */
  private async appendOntoStored(tx: EntityManager, contents: AuditContent[]): Promise<ChainHead | null> {
    const [last] = await tx.find(AuditRecord, {}, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq', 'hash'] });
    const records = this.link(last ?? null, contents);
    for (const record of records) tx.persist(record);
    await tx.flush();
    return headAfter(records, last ?? null);
  }

  /** The records for `contents`, numbered, hashed and signed in order onto `head` (null: the chain is empty). */
  private link(head: ChainHead | null, contents: AuditContent[]): AuditRecord[] {
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    return contents.map((content) => {
      seq += 1;
      const hash = hashRecord(seq, content, prevHash);
      const record = Object.assign(new AuditRecord(), {
        ...content,
        seq,
        prevHash,
        hash,
        keyId: this.key.id,
        mac: mac(this.key, 'record', hash),
      });
      prevHash = hash;
      return record;
    });
  }

  /** Signs other evidence written beside the chain (a frozen pack part) with the same key. */
  seal(purpose: 'snapshot', message: string): { keyId: string; mac: string } {
    return { keyId: this.key.id, mac: mac(this.key, purpose, message) };
  }

  /**
   * Appends records on their own, in order; returns when they are durable. Onto the head this process
   * last wrote, in one insert, when that is still the head; otherwise (or when they are too many for
   * one statement) in a transaction that reads it.
   */
  append(em: EntityManager, contents: AuditContent[]): Promise<void> {
    if (contents.length === 0) return Promise.resolve();
    return serially(async () => {
      const known = this.head;
      this.head = null;
      // One statement only: past MikroORM's batch size an insert is split, and only a transaction keeps it whole.
      if (known && contents.length <= em.config.get('batchSize')) {
        const records = this.link(known, contents);
        try {
          await em.fork().insertMany(records);
          this.head = headAfter(records, known);
          return;
        } catch (err) {
          // Another process appended since: read the head it left, as below.
          if (!isChainClash(err)) throw err;
        }
      }
      this.head = await withChainRetry(em, (tx) => this.appendOntoStored(tx, contents));
    });
  }
}
