import { TEST_REDIS } from '../support/redis';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { generateAuditKey } from '../../kit/subgraph/audit/audit-key';
import { DIST } from '../../kit/shared/paths';
import { fixedClock } from '../../kit/subgraph/clock';
import { agencyConfigFromEnv, type AgencyConfig } from '../../kit/subgraph/config';
import { ConfigurationError } from '../../kit/shared/config';
import { openServiceDatabase } from '../../kit/subgraph/database';
import { PendingMigrationsError } from '../../kit/subgraph/migrations/migrate';
import { dialectOf, listMigrations } from '../../kit/subgraph/migrations/folder';
import { MissingDatabaseError } from '../../kit/subgraph/orm';
import { runAgencyService, type RunningAgency } from '../../kit/subgraph/run';
import { Patient } from '../../subgraphs/health/entities';
import { service as healthService } from '../../subgraphs/health/service';
import { TEST_TODAY } from '../support/agency';
import { assertServicesBuilt } from '../support/built';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';

/**
 * NODE_ENV=production: a missing database stops the start with a message naming it (an operator
 * once lost 3,100 audit rows to a silent re-create and re-seed), and the schema is only ever changed
 * by migrations, never synced to the entities. Development keeps creating and seeding on first start.
 */
const dir = mkdtempSync(join(tmpdir(), 'nwd-production-database-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let keys: { gateway: string; grant: string; audit: string };
beforeAll(async () => {
  const [gateway, grant] = await Promise.all([generateSigningKeyPair('test-gateway'), generateSigningKeyPair('test-grants')]);
  keys = { gateway: JSON.stringify(gateway.publicJwk), grant: JSON.stringify(grant.publicJwk), audit: generateAuditKey() };
});

/** Health's configuration as its process would read it, NODE_ENV=production unless told otherwise. */
function healthConfig(database: string, env: Record<string, string> = {}): AgencyConfig {
  return {
    ...agencyConfigFromEnv(healthService.agency, {
      NODE_ENV: 'production',
      // Production requires the store replicas share.
      REDIS_URL: TEST_REDIS,
      DATABASE_URL: database,
      GATEWAY_PUBLIC_JWK: keys.gateway,
      GRANT_PUBLIC_JWK: keys.grant,
      AUDIT_KEY: keys.audit,
      AUDIT_ANCHOR_DIR: join(dir, 'audit-anchors'),
      LOG_LEVEL: 'silent',
      ...env,
    }),
    port: 0,
    clock: fixedClock(`${TEST_TODAY}T12:00:00Z`),
  };
}

/** Why a start was refused; a start that was not is stopped, and fails the test. */
async function refusedStart(config: AgencyConfig): Promise<Error> {
  const running = await runAgencyService(healthService, config, { quiet: true }).catch((err: unknown) => err);
  if (running instanceof Error) return running;
  await (running as RunningAgency).stop();
  throw new Error('the subgraph started');
}

const kinds = postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
let databases = 0;
/** A database of this kind that does not exist yet (dropped after the file's tests). */
function absentDatabase(kind: (typeof kinds)[number]): string {
  databases++;
  return kind === 'sqlite'
    ? join(dir, `absent-${databases}`, 'health.db')
    : `${TEST_POSTGRES}/nwd_test_production_${process.pid}_${databases}`;
}
afterAll(() =>
  dropDatabases(Array.from({ length: databases }, (_, i) => `nwd_test_production_${process.pid}_${i + 1}`)).catch(() => undefined),
);

async function postgresDatabaseExists(url: string): Promise<boolean> {
  const client = new Client({ connectionString: `${TEST_POSTGRES}/postgres` });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [new URL(url).pathname.slice(1)])).rowCount === 1;
  } finally {
    await client.end();
  }
}

const exists = (kind: (typeof kinds)[number], database: string) =>
  kind === 'sqlite' ? Promise.resolve(existsSync(database)) : postgresDatabaseExists(database);

describe.each(kinds)('a production start (%s)', (kind) => {
  it('refuses a missing database with an error naming it, and creates nothing', async () => {
    const database = absentDatabase(kind);
    const url = kind === 'postgres' ? Object.assign(new URL(database), { password: 'never-in-messages' }).toString() : database;
    const refusal = await refusedStart(healthConfig(url, { SEED_SYNTHETIC: 'true' }));
    expect(refusal).toBeInstanceOf(MissingDatabaseError);
    expect(refusal.message).toContain(
      kind === 'sqlite'
        ? `SQLite database file ${database} does not exist`
        : `PostgreSQL database "${new URL(database).pathname.slice(1)}" does not exist on 127.0.0.1:5432`,
    );
    expect(refusal.message).not.toContain('never-in-messages');
    expect(await exists(kind, database)).toBe(false);
  });

  it('never syncs the schema: only migrations change it', async () => {
    const database = absentDatabase(kind);
    // Migrated, then an index the entities declare dropped by hand: a schema sync would put it back.
    const migrated = await openServiceDatabase(healthService, database, { create: true });
    await migrated.em.getConnection().execute('drop index audit_record_subject_at_index');
    await migrated.close(true);

    const statements: string[] = [];
    const running = await runAgencyService(healthService, healthConfig(database), { onQuery: (sql) => statements.push(sql) });
    try {
      expect(statements.filter((sql) => /^\s*(create|alter|drop)\b/i.test(sql))).toEqual([]);
      const indexes = (await running.orm.em
        .getConnection()
        .execute(
          kind === 'sqlite'
            ? "select name from sqlite_master where type = 'index' and tbl_name = 'audit_record'"
            : "select indexname as name from pg_indexes where tablename = 'audit_record'",
        )) as { name: string }[];
      expect(indexes.map(({ name }) => name)).not.toContain('audit_record_subject_at_index');
    } finally {
      await running.stop();
    }
  });

  it('with MIGRATE_ON_START=false, refuses a database its migrations have not reached, and changes nothing', async () => {
    const database = absentDatabase(kind);
    // Empty: an operator's new database, not yet migrated.
    const empty = await openServiceDatabase(healthService, database, { create: true });
    await empty.schema.dropSchema({ dropMigrationsTable: true });
    await empty.close(true);

    const refusal = await refusedStart(healthConfig(database, { MIGRATE_ON_START: 'false' }));
    expect(refusal).toBeInstanceOf(PendingMigrationsError);
    // Every one of health's migrations is pending, the first of them its initial one.
    const pending = listMigrations('health', dialectOf(database)).length;
    expect(refusal.message).toMatch(
      new RegExp(
        `^${pending} migration\\(s\\) not applied to this database: Migration\\d+_initial[,.].*Apply them with \`npm run migrate\``,
      ),
    );
    // Still not migrated.
    const after = await openServiceDatabase(healthService, database, { migrate: false }).then(
      (orm) => orm.close(true),
      (err: unknown) => err,
    );
    expect(after).toBeInstanceOf(PendingMigrationsError);
  });
});

describe('a development start', () => {
  it('still creates a missing database, migrates it and seeds it', async () => {
    const database = join(dir, 'development', 'health.db');
    const running = await runAgencyService(
      healthService,
      healthConfig(database, { NODE_ENV: 'development', SEED_SIZE: '40', SEED: 'dev' }),
      {
        quiet: true,
      },
    );
    try {
      expect(await running.orm.em.fork().count(Patient)).toBeGreaterThan(0);
    } finally {
      await running.stop();
    }
  });
});

describe('the subgraph process in production', () => {
  beforeAll(() => assertServicesBuilt());

  it('exits at once on a deleted SQLite file, naming it, and leaves no new file behind', async () => {
    const database = join(dir, 'deleted', 'health.db');
    mkdirSync(dirname(database)); // the folder is there; only the file is gone
    const child = spawn(process.execPath, [join(DIST, 'subgraphs', 'health', 'main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        REDIS_URL: TEST_REDIS,
        SEED_SYNTHETIC: 'true',
        DATABASE_URL: database,
        PORT: '0',
        GATEWAY_PUBLIC_JWK: keys.gateway,
        GRANT_PUBLIC_JWK: keys.grant,
        AUDIT_KEY: keys.audit,
        AUDIT_ANCHOR_DIR: join(dir, 'audit-anchors'),
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A process that started instead is stopped, and the test fails on its exit code.
    const started = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(started);
    expect(code).toBe(1);
    expect(output).toContain(`SQLite database file ${database} does not exist`);
    expect(output).not.toMatch(/seeding/);
    expect(existsSync(database)).toBe(false);
  });
});

describe('configuration', () => {
  it('reads MIGRATE_ON_START as true or false, and nothing else', () => {
    const env = { GATEWAY_PUBLIC_JWK: keys.gateway, GRANT_PUBLIC_JWK: keys.grant, AUDIT_KEY: keys.audit };
    expect(agencyConfigFromEnv(healthService.agency, env).migrateOnStart).toBe(true);
    expect(agencyConfigFromEnv(healthService.agency, { ...env, MIGRATE_ON_START: 'false' }).migrateOnStart).toBe(false);
    expect(() => agencyConfigFromEnv(healthService.agency, { ...env, MIGRATE_ON_START: 'no' })).toThrow(
      'MIGRATE_ON_START must be true or false (got "no")',
    );
  });

  it('reads COHORT_CHUNK_SIZE, 500 young people unless told otherwise, and refuses anything but a whole number from 1', () => {
    const env = { GATEWAY_PUBLIC_JWK: keys.gateway, GRANT_PUBLIC_JWK: keys.grant, AUDIT_KEY: keys.audit };
    expect(agencyConfigFromEnv(healthService.agency, env).cohortChunkSize).toBe(500);
    expect(agencyConfigFromEnv(healthService.agency, { ...env, COHORT_CHUNK_SIZE: '2000' }).cohortChunkSize).toBe(2_000);
    for (const bad of ['0', '-5', '2.5', 'all'])
      expect(() => agencyConfigFromEnv(healthService.agency, { ...env, COHORT_CHUNK_SIZE: bad })).toThrow(
        `COHORT_CHUNK_SIZE must be a whole number of at least 1 (got "${bad}")`,
      );
  });

  it('refuses to run without an audit key, or in production without a folder to anchor the audit chain in, naming the variable', () => {
    const production = { NODE_ENV: 'production', REDIS_URL: TEST_REDIS, GATEWAY_PUBLIC_JWK: keys.gateway, GRANT_PUBLIC_JWK: keys.grant };
    const anchored = { ...production, AUDIT_ANCHOR_DIR: join(dir, 'audit-anchors') };
    expect(() => agencyConfigFromEnv(healthService.agency, anchored)).toThrow(ConfigurationError);
    expect(() => agencyConfigFromEnv(healthService.agency, anchored)).toThrow(/^AUDIT_KEY \(or AUDIT_KEY_FILE\) is not set/);
    expect(() => agencyConfigFromEnv(healthService.agency, { ...production, AUDIT_KEY: keys.audit })).toThrow(
      /^AUDIT_ANCHOR_DIR is not set/,
    );
    // A key anyone could guess is no key: at least 32 random bytes.
    expect(() => agencyConfigFromEnv(healthService.agency, { ...anchored, AUDIT_KEY: 'c2VjcmV0' })).toThrow(
      /^AUDIT_KEY must be base64 of at least 32 random bytes/,
    );
    expect(agencyConfigFromEnv(healthService.agency, { ...anchored, AUDIT_KEY: keys.audit }).audit.anchorFolder).toBe(
      join(dir, 'audit-anchors'),
    );
  });
});

if ((kinds as readonly string[]).includes('postgres'))
  describe('the statement timeout (postgres)', () => {
    it('reads DB_STATEMENT_TIMEOUT_MS, a minute unless told otherwise', () => {
      expect(healthConfig('postgres://x@127.0.0.1/y').statementTimeoutMs).toBe(60_000);
      expect(healthConfig('postgres://x@127.0.0.1/y', { DB_STATEMENT_TIMEOUT_MS: '250' }).statementTimeoutMs).toBe(250);
    });

    it('has PostgreSQL cancel a statement that runs past it, on every pooled connection, while migrating is not limited', async () => {
      const database = absentDatabase('postgres');
      // Migrations ran under the lock at open, with the timeout lifted for them and put back after.
      const orm = await openServiceDatabase(healthService, database, { create: true, statementTimeoutMs: 300 });
      try {
        const connection = orm.em.getConnection();
        const show = async () =>
          ((await connection.execute('show statement_timeout')) as { statement_timeout: string }[])[0].statement_timeout;
        const settings = await Promise.all(Array.from({ length: 6 }, show));
        expect(settings).toEqual(Array(6).fill('300ms'));
        const slow: unknown = await connection.execute('select pg_sleep(2)').then(
          () => 'finished',
          (err: unknown) => err,
        );
        expect(slow).toMatchObject({ code: '57014' });
        expect(String((slow as Error).message)).toContain('statement timeout');
        expect(await orm.em.fork().count(Patient, {})).toBeGreaterThanOrEqual(0);
      } finally {
        await orm.close(true);
      }
    });

    it('creates a missing database apart from the timeout, once, when two replicas start on it together', async () => {
      // A CI run once saw `create database` cancelled by a 300 ms timeout on a busy machine: creating
      // copies a template, and is no more a request than migrating is.
      const database = absentDatabase('postgres');
      const opened = await Promise.allSettled(
        [1, 2].map(() => openServiceDatabase(healthService, database, { create: true, statementTimeoutMs: 300 })),
      );
      try {
        expect(opened.map(({ status }) => status)).toEqual(['fulfilled', 'fulfilled']);
        expect(await exists('postgres', database)).toBe(true);
      } finally {
        for (const result of opened) if (result.status === 'fulfilled') await result.value.close(true);
      }
    });
  });
