import { constants } from 'node:fs';
import { access, appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '../../shared/logger';
import type { ObserveAnchor } from '../metrics';
import { AuditRecord } from './audit-record';
import { mac, type AuditKey } from './audit-key';

/**
 * A record of where an agency's audit chain ended at a moment, signed with its audit key and kept
 * outside its database: whoever deletes the last records from the database cannot delete what was
 * anchored, so `audit:verify` sees the chain end before a record that was anchored (truncation).
 */
export interface Anchor {
  agency: string;
  /** The last record's position in the chain, and its hash. */
  seq: number;
  hash: string;
  /** When it was anchored (real time, whatever clock the data is seen by). */
  at: string;
  keyId: string;
  mac: string;
}

/** What an anchor's MAC covers: all of it but the MAC. */
export const anchorMessage = (a: Omit<Anchor, 'keyId' | 'mac'>): string => JSON.stringify([a.agency, a.seq, a.hash, a.at]);

/**
 * Each host (a pod, a container) appends to its own file in the anchor folder, so replicas sharing a
 * volume never write one file from two machines; one line is one append.
 */
const anchorFile = (folder: string, agency: string) => join(folder, `${agency}.${hostname()}.jsonl`);

/**
 * Anchors one agency's chain head: at start, every `intervalMs` while it grew, and at stop. A failed
 * anchor is logged and tried again at the next interval: it never holds up an answer (the audit
 * record itself is written before the answer leaves, in the database).
 */
export class ChainAnchoring {
  private lastAnchoredSeq = -1;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly em: EntityManager,
    private readonly key: AuditKey,
    private readonly agency: string,
    private readonly folder: string,
    private readonly logger: Logger,
    private readonly observe: ObserveAnchor = () => undefined,
  ) {}

  /** Anchors the head as found, then keeps anchoring. A folder it cannot write to stops the start: better than anchors never written. */
  async start(intervalMs: number): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await access(this.folder, constants.W_OK);
    await this.anchorNow();
    this.timer = setInterval(() => void this.anchorNow().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  /** Anchors the head now, if it moved since the last anchor; one at a time. */
  anchorNow(): Promise<void> {
    this.running = this.running.then(() =>
      this.anchorHead().catch((err: unknown) => {
        this.observe('failed');
        this.logger.error({ err }, 'the audit chain head could not be anchored');
      }),
    );
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.anchorNow();
  }

  private async anchorHead(): Promise<void> {
    const [head] = await this.em.fork().find(AuditRecord, {}, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq', 'hash'] });
    if (!head || head.seq === this.lastAnchoredSeq) return;
    const unsigned = { agency: this.agency, seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    const anchor: Anchor = { ...unsigned, keyId: this.key.id, mac: mac(this.key, 'anchor', anchorMessage(unsigned)) };
    await appendFile(anchorFile(this.folder, this.agency), `${JSON.stringify(anchor)}\n`, { flag: 'a' });
    this.lastAnchoredSeq = head.seq;
    this.observe('written');
  }
}

/** One line of an anchor file that is not an anchor: where it is, for the report. */
export interface DamagedAnchor {
  place: string;
}

/** Every anchor of `agency` in the folder, from every process's file; a missing folder holds none. */
export async function readAnchors(folder: string, agency: string): Promise<{ anchors: Anchor[]; damaged: DamagedAnchor[] }> {
  const files = await readdir(folder).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const anchors: Anchor[] = [];
  const damaged: DamagedAnchor[] = [];
  for (const file of files.filter((f) => f.startsWith(`${agency}.`) && f.endsWith('.jsonl')).sort()) {
    const lines = (await readFile(join(folder, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const anchor = JSON.parse(line) as Anchor;
        if (anchor.agency !== agency || !Number.isInteger(anchor.seq) || typeof anchor.mac !== 'string') throw new Error('not an anchor');
        anchors.push(anchor);
      } catch {
        damaged.push({ place: `${file} line ${i + 1}` });
      }
    });
  }
  return { anchors, damaged };
}
