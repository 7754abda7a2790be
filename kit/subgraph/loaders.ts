import DataLoader from 'dataloader';

/**
 * Per-request batch loaders. The gateway sends entity representations in batches and does not
 * de-duplicate them, and nested lists fan out per parent: every lookup goes through one of these,
 * so a request costs one query per kind of thing, however many young people it asks about.
 */

/** One row (or null) per key, loaded with a single `IN (...)` query per batch. */
export function oneByKey<K extends string | number, T>(load: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await load([...new Set(keys)]);
    const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** All rows per key (a one-to-many relation), in the order the query returned them. */
export function manyByKey<K extends string | number, T>(load: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await load([...new Set(keys)]);
    const byKey = new Map<K, T[]>();
    for (const row of rows) {
      const k = keyOf(row);
      const list = byKey.get(k);
      if (list) list.push(row);
      else byKey.set(k, [row]);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}
