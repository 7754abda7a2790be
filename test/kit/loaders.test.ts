import { manyByKeyAndPart } from '../../kit/subgraph/loaders';

interface Row {
  owner: number;
  day: string;
}

/** Two owners' rows, newest first; the part is the rows from 2026-06-01 on. */
const ROWS: Row[] = [
  { owner: 1, day: '2026-09-01' },
  { owner: 1, day: '2026-01-01' },
  { owner: 2, day: '2026-07-01' },
];
const recent = (row: Row) => row.day >= '2026-06-01';

function loaders(loadAll: (keys: number[]) => Promise<Row[]>) {
  const calls = { all: [] as number[][], some: [] as number[][] };
  const pair = manyByKeyAndPart<number, Row>(
    (keys) => {
      calls.all.push(keys);
      return loadAll(keys);
    },
    (keys) => {
      calls.some.push(keys);
      return Promise.resolve(ROWS.filter((r) => keys.includes(r.owner) && recent(r)));
    },
    (row) => row.owner,
    (rows) => rows.filter(recent),
  );
  return { ...pair, calls };
}

const fromTable = (keys: number[]) => Promise.resolve(ROWS.filter((r) => keys.includes(r.owner)));

describe('a loader of a part of each list, beside the whole lists', () => {
  it('asks only for the part when nobody asks for the whole list', async () => {
    const { some, calls } = loaders(fromTable);
    expect(await some.loadMany([1, 2, 3])).toEqual([[ROWS[0]], [ROWS[2]], []]);
    expect(calls).toEqual({ all: [], some: [[1, 2, 3]] });
  });

  it('cuts the part from the whole list when the same request asks for both, one query in all', async () => {
    const { all, some, calls } = loaders(fromTable);
    const [whole, part] = await Promise.all([all.load(1), some.load(1)]);
    expect(whole).toEqual([ROWS[0], ROWS[1]]);
    expect(part).toEqual([ROWS[0]]);
    expect(calls).toEqual({ all: [[1]], some: [] });
  });

  it('fails a key whose whole list failed rather than answering an empty part, and only that key', async () => {
    const { all, some } = loaders(() => Promise.reject(new Error('connection lost')));
    const wholeFailed = all.load(1).catch((err: Error) => err.message);
    const parts = await some.loadMany([1, 2]);
    expect(await wholeFailed).toBe('connection lost');
    expect(parts[0]).toEqual(new Error('connection lost'));
    expect(parts[1]).toEqual([ROWS[2]]);
  });
});
