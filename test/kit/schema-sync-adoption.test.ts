import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedAgency } from '../../kit/dev/synthetic/seed-agency';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { openServiceDatabase } from '../../kit/subgraph/database';
import { loadMigrations } from '../../kit/subgraph/migrations/folder';
import { LegacySchemaError, lastSyncedFingerprint } from '../../kit/subgraph/migrations/legacy-sync';
import { applyMigrations } from '../../kit/subgraph/migrations/migrate';
import type { MigrationOutcome } from '../../kit/subgraph/migrations/runner';
import { openAgencyDatabase } from '../../kit/subgraph/orm';
import { PackSnapshot } from '../../kit/subgraph/snapshots/pack-snapshot';
import { IdempotencyRecord } from '../../kit/subgraph/writes/idempotency-record';
import { YoungPerson } from '../../subgraphs/social-care/entities/young-person';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { TEST_TODAY } from '../support/agency';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';

/**
 * Databases made before there were migrations: the start-up schema sync created every table, kept a
 * fingerprint of the schema it applied, and recorded no migrations. One the last such version left is
 * taken over with its data; any other is refused with a message, untouched. (Databases the real last
 * version made, on both dialects and for all four agencies, were taken over by `npm run migrate`
 * when this was written.)
 */
const dir = mkdtempSync(join(tmpdir(), 'nwd-schema-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kinds = postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
let made = 0;
const postgresNames: string[] = [];
afterAll(() => (postgresNames.length > 0 ? dropDatabases(postgresNames) : undefined));

function newDatabase(kind: (typeof kinds)[number]): string {
  const name = `nwd_test_sync_${process.pid}_${++made}`;
  if (kind === 'sqlite') return join(dir, `${name}.db`);
  postgresNames.push(name);
  return `${TEST_POSTGRES}/${name}`;
}

const ENTITIES = [...socialCareService.entities, AuditRecord, IdempotencyRecord, PackSnapshot];
const dialectOf = (kind: (typeof kinds)[number]) => (kind === 'sqlite' ? 'sqlite' : 'postgresql');

/**
 * What the last start-up sync left: the schema social care's first migration makes, with no record of
 * migrations, its fingerprint (by default the one that version kept), and 40 young people.
 */
async function madeByTheLastSync(kind: (typeof kinds)[number], database: string, fingerprint?: string): Promise<void> {
  const [first] = loadMigrations(socialCareService.agency.name, dialectOf(kind));
  const orm = await openAgencyDatabase({ entities: ENTITIES, database, create: true });
  try {
    await applyMigrations(orm, socialCareService.agency.name, [first]);
    const connection = orm.em.getConnection();
    await connection.execute('drop table mikro_orm_migrations');
    await connection.execute('create table schema_fingerprint (id integer primary key, fingerprint varchar(64) not null)');
    await connection.execute('insert into schema_fingerprint (id, fingerprint) values (1, ?)', [
      fingerprint ?? lastSyncedFingerprint(socialCareService.agency.name, dialectOf(kind)),
    ]);
    await seedAgency(orm, socialCareService, { size: 40, seed: 'old-sync', asOf: TEST_TODAY }, false);
  } finally {
    await orm.close(true);
  }
}

describe.each(kinds)('a database made by the old start-up schema sync (%s)', (kind) => {
  it('left by the last version before migrations, starts with its data and its migrations recorded as applied', async () => {
    const database = newDatabase(kind);
    await madeByTheLastSync(kind, database);

    const outcomes: MigrationOutcome[] = [];
    for (let start = 0; start < 2; start++) {
      const orm = await openServiceDatabase(socialCareService, database, { onMigrated: (o) => outcomes.push(o) });
      try {
        expect(await orm.em.fork().count(YoungPerson)).toBe(40);
        const recorded = (await orm.em.getConnection().execute('select name from mikro_orm_migrations order by id')) as { name: string }[];
        expect(recorded.map(({ name }) => name)).toEqual(
          loadMigrations(socialCareService.agency.name, dialectOf(kind)).map(({ name }) => name),
        );
      } finally {
        await orm.close(true);
      }
    }
    // Taken over once (its first migration recorded, any later one applied), the fingerprint dropped
    // with it; the next start is an ordinary one.
    const later = loadMigrations(socialCareService.agency.name, dialectOf(kind))
      .slice(1)
      .map(({ name }) => name);
    expect(outcomes).toEqual([
      { applied: later, adopted: true },
      { applied: [], adopted: false },
    ]);
  });

  it('left by an older version, is refused with a message, and left as it was', async () => {
    const database = newDatabase(kind);
    await madeByTheLastSync(kind, database, 'fingerprint-of-an-older-version');

    const refusal = await openServiceDatabase(socialCareService, database).then(
      (orm) => orm.close(true),
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(LegacySchemaError);
    expect((refusal as Error).message).toMatch(/made by the start-up schema sync of a version older than the last one before migrations/);
    const orm = await openAgencyDatabase({ entities: ENTITIES, database, create: false });
    try {
      const fingerprint = (await orm.em.getConnection().execute('select fingerprint from schema_fingerprint')) as { fingerprint: string }[];
      expect(fingerprint).toEqual([{ fingerprint: 'fingerprint-of-an-older-version' }]);
      const migrationsTable = (await orm.em
        .getConnection()
        .execute(
          kind === 'sqlite'
            ? "select name from sqlite_master where name = 'mikro_orm_migrations'"
            : "select tablename as name from pg_tables where tablename = 'mikro_orm_migrations'",
        )) as unknown[];
      expect(migrationsTable).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
