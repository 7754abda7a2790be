import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { RequestAccess } from '../access/request-access';
import { PackSnapshot, PackSnapshotView } from './pack-snapshot';

/** The value at a response path ([ '_entities', 0, 'health' ]), or undefined. */
function at(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

const startsWith = (path: (string | number)[] | undefined, prefix: (string | number)[]) =>
  !!path && prefix.every((step, i) => path[i] === step);

/**
 * Keeps, in the agency's own store and in the same transaction as the request's audit records, every
 * part of the response the request asked to freeze: the data as shown and the notices inside it. A
 * pack is frozen once; a later showing never replaces what was known when the plan was made.
 */
export async function freezeShown(tx: EntityManager, access: RequestAccess, data: unknown, at_: Date): Promise<void> {
  for (const freeze of access.freezes) {
    if (await tx.findOne(PackSnapshot, { reference: freeze.reference })) continue;
    const shown = at(data, freeze.path);
    if (shown === undefined || shown === null) continue;
    const content = JSON.stringify(shown, (key, value: unknown) => (freeze.omit.includes(key) ? undefined : value));
    const notices = JSON.stringify(
      access.notices
        .filter((n) => startsWith(n.path, freeze.path))
        .map((n) => ({ path: n.path.slice(freeze.path.length), agency: n.agency, rule: n.rule })),
    );
    tx.create(PackSnapshot, {
      reference: freeze.reference,
      subject: freeze.subject,
      viewerId: access.viewer.id,
      frozenAt: at_,
      content,
      notices,
      contentHash: createHash('sha256')
        .update(JSON.stringify([content, notices]))
        .digest('hex'),
    });
  }
  await tx.flush();
}

/** A frozen pack part, to read back (one query; null when none was frozen). */
export async function frozenPack(em: EntityManager, reference: string): Promise<PackSnapshotView | null> {
  const snapshot = await em.findOne(PackSnapshot, { reference });
  return snapshot && Object.assign(new PackSnapshotView(), snapshot);
}
