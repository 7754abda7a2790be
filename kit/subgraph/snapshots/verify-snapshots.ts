import type { EntityManager } from '@mikro-orm/core';
import { macMatches, type AuditKeyring } from '../audit/audit-key';
import { PackSnapshot, snapshotHash, snapshotMessage } from './pack-snapshot';

export interface SnapshotsReport {
  /** Frozen pack parts that verified. */
  parts: number;
  /** Parts frozen before parts were signed: their hash checks, but nothing proves who wrote it. */
  unsigned: string[];
  /** A sentence for each part that is not as frozen. */
  broken: string[];
}

/** Why a part is not as frozen, or null when it is (or was frozen before parts were signed). */
function problem(keyring: AuditKeyring, s: PackSnapshot): string | null {
  if (snapshotHash(s.content, s.notices) !== s.contentHash)
    return `frozen pack part ${s.reference}: its content does not match its hash (changed after it was frozen)`;
  if (s.keyId === null || s.mac === null) return null;
  const key = keyring.byId.get(s.keyId);
  if (!key) return `frozen pack part ${s.reference} is signed with key ${s.keyId}, which is not one of this agency's audit keys`;
  if (!macMatches(key, 'snapshot', snapshotMessage(s), s.mac))
    return `frozen pack part ${s.reference} does not match its MAC: changed after it was frozen`;
  return null;
}

/**
 * Checks every frozen meeting-pack part against its hash and its MAC, in batches. `signedFromTheStart`:
 * the agency's audit chain holds no record from before records were signed, so no part can predate
 * signing either, and a part without a MAC had it stripped.
 */
export async function verifyPackSnapshots(
  em: EntityManager,
  keyring: AuditKeyring,
  { signedFromTheStart = false, batch = 500 }: { signedFromTheStart?: boolean; batch?: number } = {},
): Promise<SnapshotsReport> {
  const report: SnapshotsReport = { parts: 0, unsigned: [], broken: [] };
  for (let offset = 0; ; offset += batch) {
    const parts = await em.fork().find(PackSnapshot, {}, { orderBy: { reference: 'asc' }, limit: batch, offset });
    if (parts.length === 0) return report;
    for (const part of parts) {
      const found =
        problem(keyring, part) ??
        (signedFromTheStart && part.mac === null
          ? `frozen pack part ${part.reference} carries no MAC, though every audit record of this agency is signed: stripped after it was frozen`
          : null);
      if (found) report.broken.push(found);
      else if (part.mac === null) report.unsigned.push(part.reference);
      else report.parts++;
    }
  }
}
