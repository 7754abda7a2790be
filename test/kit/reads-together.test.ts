import { Client } from 'pg';
import { ReferenceKind, wrap, type EntityManager, type EntityMetadata } from '@mikro-orm/core';
import { findIn, newestFirst } from '../../kit/subgraph/find-in';
import { readTogether } from '../../kit/subgraph/reads-together';
import { Patient } from '../../subgraphs/health/entities';
import { service as health } from '../../subgraphs/health/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';

/**
 * Issue 11: each statement sent to PostgreSQL costs a round trip (a socket write and a wake-up on both
 * sides) whatever it reads, and a young person's view asks for each kind of record apart: health's
 * thirteen. The reads one request asks for in the same moment go as one message; each must still come
 * back exactly as it would alone, a failing one must fail alone, and one request's reads never travel
 * with another's. SQLite answers in-process: there each read goes as it comes.
 */
const kinds = postgresAvailable() ? (['postgres', 'sqlite'] as const) : (['sqlite'] as const);
const pgName = `nwd_test_reads_together_${process.pid}`;
afterAll(async () => {
  if (postgresAvailable()) await dropDatabases([pgName]).catch(() => undefined);
});

type Row = Record<string, unknown>;

describe.each(kinds)('reads asked together, on %s', (kind) => {
  let agency: TestAgency;
  /** Health's kinds of record about a patient: what a young person's view reads in one turn. */
  let records: EntityMetadata<Row>[];
  /** Patients of the seeded population, the first few: between them they hold every kind of record. */
  let patients: number[];
  beforeAll(async () => {
    if (kind === 'postgres') await dropDatabases([pgName]);
    agency = await startTestAgency(health, { size: 120 }, kind === 'postgres' ? `${TEST_POSTGRES}/${pgName}` : ':memory:');
    records = Object.values(agency.orm.getMetadata().getAll()).filter(
      (m) => (m.properties as Record<string, { kind?: ReferenceKind }>).patient?.kind === ReferenceKind.MANY_TO_ONE,
    ) as EntityMetadata<Row>[];
    patients = (await agency.orm.em.fork().find(Patient, {}, { orderBy: { id: 'asc' }, limit: 40 })).map((p) => p.id);
  });
  afterAll(() => agency?.stop());

  /** The date a kind of record is listed by (its one date column). */
  const dateOf = (meta: EntityMetadata<Row>) =>
    Object.values(meta.properties).find((p) => p.customType && p.fieldNames?.length === 1)?.name ?? 'id';
  /** Each kind of record of `patients`, newest first, through findIn on `em`, all asked in the same turn. */
  const readAll = (em: EntityManager) =>
    Promise.all(records.map((meta) => findIn(em, meta.class, 'patient', patients, { orderBy: newestFirst(dateOf(meta)) })));
  /** Round trips made while `work` ran. */
  async function tripsDuring<T>(work: () => Promise<T>): Promise<{ result: T; trips: TestAgency['trips'] }> {
    const from = agency.trips.length;
    const result = await work();
    return { result, trips: agency.trips.slice(from) };
  }
  const plain = (rows: Row[][]) => rows.map((list) => list.map((row) => wrap(row).toObject()));

  it('returns every read exactly as asked alone, in one round trip on PostgreSQL and one each on SQLite', async () => {
    expect(records.length).toBeGreaterThanOrEqual(13);
    const { result, trips } = await tripsDuring(() => readAll(agency.orm.em.fork()));
    const apart: Row[][] = [];
    for (const meta of records)
      apart.push(
        await agency.orm.em.fork().find(meta.class, { patient: { $in: patients } }, { orderBy: { [dateOf(meta)]: 'desc', id: 'desc' } }),
      );
    expect(plain(result)).toEqual(plain(apart));
    expect(result.filter((list) => list.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(trips.map((t) => t.statements)).toEqual(kind === 'postgres' ? [records.length] : records.map(() => 1));
  });

  it("never sends one request's reads with another's", async () => {
    const { trips } = await tripsDuring(() => Promise.all([readAll(agency.orm.em.fork()), readAll(agency.orm.em.fork())]));
    expect(trips.map((t) => t.statements)).toEqual(kind === 'postgres' ? [records.length, records.length] : trips.map(() => 1));
    expect(trips).toHaveLength(kind === 'postgres' ? 2 : 2 * records.length);
  });

  it('fails a read that fails alone: the others come back whole', async () => {
    const em = agency.orm.em.fork();
    const [before, broken, after] = await Promise.allSettled([
      readAll(em),
      readTogether(em, 'select * from no_such_record where patient_id in (?)', [patients[0]]),
      readAll(em),
    ]);
    expect(broken.status).toBe('rejected');
    expect(String((broken as PromiseRejectedResult).reason)).toMatch(/no_such_record/);
    const expected = plain(await readAll(agency.orm.em.fork()));
    for (const settled of [before, after]) {
      expect(settled.status).toBe('fulfilled');
      expect(plain((settled as PromiseFulfilledResult<Row[][]>).value)).toEqual(expected);
    }
  });

  it('sends each read in its turn inside a transaction, on its connection', async () => {
    // pg warns when handed a query while its connection is busy with another (pg 9 refuses it): count those.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied below to the client it was called on
    const original = Client.prototype.query;
    const busy: boolean[] = [];
    const query = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const state = this as unknown as { _activeQuery: unknown; _queryQueue: unknown[] };
      busy.push(state._activeQuery != null || state._queryQueue.length > 0);
      return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
    const { result, trips } = await tripsDuring(() => agency.orm.em.fork().transactional((tx) => readAll(tx))).finally(() =>
      query.mockRestore(),
    );
    if (kind === 'postgres') {
      expect(busy.length).toBeGreaterThanOrEqual(records.length);
      expect(busy.filter(Boolean)).toEqual([]);
    }
    expect(trips.every((t) => t.statements === 1)).toBe(true);
    expect(trips.filter((t) => /^select/i.test(t.sql))).toHaveLength(records.length);
    expect(plain(result)).toEqual(plain(await readAll(agency.orm.em.fork())));
  });
});
