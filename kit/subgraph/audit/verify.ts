import type { EntityManager } from '@mikro-orm/core';
import { AuditRecord } from './audit-record';
import { macMatches, type AuditKeyring } from './audit-key';
import { anchorMessage, type Anchor, type DamagedAnchor } from './anchors';
import { GENESIS_HASH, hashRecord } from './chain';

export interface ChainReport {
  /** Records that verified, from the first. */
  records: number;
  ok: boolean;
  /** The first record whose link, hash or signature is wrong, and why. */
  firstBroken?: { seq: number; reason: string };
  /** Records anchored outside the database that the chain no longer reaches. */
  truncated?: string;
  /** Anchors that are not what the service wrote (unreadable, unsigned, or signed by another key). */
  badAnchors: string[];
  /** Records at the start of the chain written before records were signed: linked, but not authenticated. */
  unsigned: number;
  /** The furthest anchor that checks, if any. */
  anchored?: { seq: number; at: string };
}

export interface VerifyOptions {
  /** The agency's anchors, read before the chain (every one names a record already written). */
  anchors?: { anchors: Anchor[]; damaged: DamagedAnchor[] };
  batch?: number;
}

/** Anchors whose signature checks, and a sentence for each that does not. */
function checkedAnchors(keyring: AuditKeyring, given: VerifyOptions['anchors']): { good: Anchor[]; bad: string[] } {
  const bad = (given?.damaged ?? []).map((d) => `${d.place} is not an anchor: damaged`);
  const good: Anchor[] = [];
  for (const a of given?.anchors ?? []) {
    const key = keyring.byId.get(a.keyId);
    if (!key)
      bad.push(`the anchor of record ${a.seq} at ${a.at} is signed with key ${a.keyId}, which is not one of this agency's audit keys`);
    else if (!macMatches(key, 'anchor', anchorMessage(a), a.mac))
      bad.push(`the anchor of record ${a.seq} at ${a.at} does not match its MAC: forged`);
    else good.push(a);
  }
  return { good, bad };
}

/** Why a record's signature is wrong, or null when it is right (or the record predates signing). */
function signatureProblem(keyring: AuditKeyring, row: AuditRecord, signedBefore: boolean): string | null {
  if (row.keyId === null || row.mac === null)
    return signedBefore ? `record ${row.seq} carries no MAC though the records before it do: changed after it was written` : null;
  const key = keyring.byId.get(row.keyId);
  if (!key)
    return `record ${row.seq} is signed with key ${row.keyId}, which is not one of this agency's audit keys: not written by its service`;
  return macMatches(key, 'record', row.hash, row.mac) ? null : `record ${row.seq} does not match its MAC: changed after it was written`;
}

/**
 * Walks the whole chain in order, in batches, and stops at the first broken record: each must follow
 * the one before (no gap, its prevHash that record's hash), match its own hash, carry a MAC made with
 * one of the agency's audit keys (a record changed or re-hashed without the key does not), and match
 * every anchor of it. The chain must reach the furthest anchor: if it ends before, records were
 * deleted from its end.
 */
export async function verifyAuditChain(em: EntityManager, keyring: AuditKeyring, options: VerifyOptions = {}): Promise<ChainReport> {
  const { good, bad } = checkedAnchors(keyring, options.anchors);
  const anchorsOf = new Map<number, Anchor[]>();
  for (const a of good) anchorsOf.set(a.seq, [...(anchorsOf.get(a.seq) ?? []), a]);
  const furthest = good.reduce<Anchor | undefined>((f, a) => (!f || a.seq > f.seq ? a : f), undefined);
  const [last] = await em.fork().find(AuditRecord, {}, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq'] });
  const lastSeq = last?.seq ?? 0;
  const report: ChainReport = {
    records: 0,
    ok: true,
    badAnchors: bad,
    unsigned: 0,
    ...(furthest && furthest.seq <= lastSeq && { anchored: { seq: furthest.seq, at: furthest.at } }),
    ...(furthest &&
      furthest.seq > lastSeq && {
        truncated: `truncated: the chain ends at record ${lastSeq} but record ${furthest.seq} was anchored at ${furthest.at}`,
      }),
  };
  report.firstBroken = await firstBrokenRecord(em, keyring, anchorsOf, report, options.batch ?? 1000);
  report.ok = !report.firstBroken && !report.truncated && bad.length === 0;
  if (!report.firstBroken) delete report.firstBroken;
  return report;
}

async function firstBrokenRecord(
  em: EntityManager,
  keyring: AuditKeyring,
  anchorsOf: Map<number, Anchor[]>,
  report: ChainReport,
  batch: number,
): Promise<ChainReport['firstBroken']> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await em.fork().find(AuditRecord, { seq: { $gte: expectedSeq } }, { orderBy: { seq: 'asc' }, limit: batch });
    if (rows.length === 0) return undefined;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: `record ${expectedSeq} is missing (next is ${row.seq})` };
      if (row.prevHash !== prevHash)
        return {
          seq: row.seq,
          reason: "prevHash does not match the previous record's hash (a record before it was changed, removed or inserted)",
        };
      if (hashRecord(row.seq, row, row.prevHash) !== row.hash)
        return { seq: row.seq, reason: 'content does not match its hash (this record was changed)' };
      const signature = signatureProblem(keyring, row, report.records > report.unsigned);
      if (signature) return { seq: row.seq, reason: signature };
      const unlike = anchorsOf.get(row.seq)?.find((a) => a.hash !== row.hash);
      if (unlike)
        return { seq: row.seq, reason: `record ${row.seq} does not match its anchor of ${unlike.at}: rewritten after it was anchored` };
      if (row.mac === null) report.unsigned++;
      prevHash = row.hash;
      expectedSeq++;
      report.records++;
    }
  }
}
