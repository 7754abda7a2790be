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

/** Rows grouped by their owner's id, each group in the order the rows came. */
export function byOwner<Row, K extends number | string = number | string>(rows: readonly Row[], ownerOf: (row: Row) => K): Map<K, Row[]> {
  const map = new Map<K, Row[]>();
  for (const row of rows) {
    const key = ownerOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

/** All rows per key (a one-to-many relation), in the order the query returned them. */
export function manyByKey<K extends string | number, T>(
  load: (keys: K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
  cacheMap?: Map<K, Promise<T[]>>,
): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(
    async (keys) => {
      const byKey = byOwner(await load([...new Set(keys)]), keyOf);
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { cacheMap },
  );
}

/**
 * A one-to-many relation and a part of it, as two loaders: `all` rows per key, and `some`, the part
 * `cut` takes of a key's whole list (the last six months of a young person's history, say, or the
 * latest record). `loadSome` asks the database for just that part, which must be exactly what `cut`
 * takes; for a key whose whole list this request loads anyway, the part is cut from it instead, so
 * asking for both costs one query, not two.
 */
export function manyByKeyAndPart<K extends string | number, T>(
  loadAll: (keys: K[]) => Promise<T[]>,
  loadSome: (keys: K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
  cut: (rows: T[]) => T[],
): { all: DataLoader<K, T[]>; some: DataLoader<K, T[]> } {
  const whole = new Map<K, Promise<T[]>>();
  const all = manyByKey(loadAll, keyOf, whole);
  // Batches run after the fields that asked have all been resolved once: by then a list asked for
  // alongside (the view's episodes and its counts) is in `whole`.
  const some = new DataLoader<K, T[]>(async (keys) => {
    // Taken once: a whole list's failed batch clears its keys from `whole` meanwhile, and a key must
    // then fail too, never fall through to an empty part ("not missing", "no arrests").
    const fromWhole = new Map(keys.flatMap((k) => (whole.has(k) ? [[k, whole.get(k)!] as const] : [])));
    const rest = [...new Set(keys.filter((k) => !fromWhole.has(k)))];
    const byKey = byOwner(rest.length ? await loadSome(rest) : [], keyOf);
    // Each key fails alone: DataLoader rejects the keys whose value is an Error.
    return Promise.all(
      keys.map((k) => {
        const list = fromWhole.get(k);
        return list
          ? list.then(cut, (err: unknown) => (err instanceof Error ? err : new Error(String(err))))
          : Promise.resolve(byKey.get(k) ?? []);
      }),
    );
  });
  return { all, some };
}

/** What a batch loader gives for one key. */
export type LoadedBy<L> = L extends DataLoader<number, infer V> ? V : never;

/**
 * Every kind of record named, for one owner (a patient, pupil, nominal), each through its request's
 * batch loader, so it batches with every other field asking for the same kinds: { kind: rows }.
 */
export async function loadEach<L extends Record<string, unknown>, K extends keyof L & string>(
  loaders: L,
  kinds: readonly K[],
  ownerId: number,
): Promise<{ [P in K]: LoadedBy<L[P]> }> {
  const lists = await Promise.all(kinds.map((kind) => (loaders[kind] as DataLoader<number, unknown>).load(ownerId)));
  return Object.fromEntries(kinds.map((kind, i) => [kind, lists[i]])) as { [P in K]: LoadedBy<L[P]> };
}
