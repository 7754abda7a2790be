import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from '../../kit/shared/paths';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { openServiceDatabase } from '../../kit/subgraph/database';
import { loadMigrations } from '../../kit/subgraph/migrations/folder';
import type { MigrationOutcome } from '../../kit/subgraph/migrations/runner';
import { openAgencyDatabase } from '../../kit/subgraph/orm';
import { service as healthService } from '../../subgraphs/health/service';
import { assertServicesBuilt } from '../support/built';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';

/**
 * Replicas starting together all migrate the same database at once. Each must start, and the
 * migrations must be applied once: not twice, not half by one and half by another.
 */
const REPLICAS = 3;

async function startTogether(database: string): Promise<{ outcomes: MigrationOutcome[]; recorded: string[] }> {
  const outcomes: MigrationOutcome[] = [];
  const started = await Promise.allSettled(
    Array.from({ length: REPLICAS }, () => openServiceDatabase(healthService, database, { onMigrated: (o) => outcomes.push(o) })),
  );
  const orms = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const rows = (await orms[0].em.getConnection().execute('select name from mikro_orm_migrations order by id')) as { name: string }[];
    return { outcomes, recorded: rows.map((row) => row.name) };
  } finally {
    await Promise.all(orms.map((orm) => orm.close(true)));
  }
}

function expectAppliedOnce({ outcomes, recorded }: { outcomes: MigrationOutcome[]; recorded: string[] }) {
  const names = loadMigrations('health', 'sqlite').map(({ name }) => name);
  expect(recorded).toEqual(names);
  expect(outcomes).toHaveLength(REPLICAS);
  // One replica applied them all; the others waited for it and found nothing left to do.
  expect(outcomes.map(({ applied }) => applied.length).sort()).toEqual([...Array<number>(REPLICAS - 1).fill(0), names.length]);
}

(postgresAvailable() ? describe : describe.skip)('migrating one PostgreSQL database from several replicas at once', () => {
  const name = `nwd_test_migration_lock_${process.pid}`;
  beforeAll(async () => {
    await dropDatabases([name]);
    const client = new Client({ connectionString: `${TEST_POSTGRES}/postgres` });
    await client.connect();
    // Empty, as an operator (or docker compose) creates it for a first deployment.
    await client.query(`create database ${name}`);
    await client.end();
  });
  afterAll(() => dropDatabases([name]));

  it('starts every replica and applies each migration once (pg_advisory_lock)', async () => {
    expectAppliedOnce(await startTogether(`${TEST_POSTGRES}/${name}`));
  });
});

/**
 * SQLite statements run synchronously, so replicas in one process never overlap: each replica here is
 * a process (the compiled kit), all released at once, and one more migration that takes half a second
 * holds the first one's transaction open while the others arrive.
 */
const SQLITE_REPLICA = `
require('reflect-metadata');
const { Migration } = require('@mikro-orm/migrations');
const { AuditRecord } = require('./dist/kit/subgraph/audit/audit-record');
const { loadMigrations } = require('./dist/kit/subgraph/migrations/folder');
const { applyMigrations } = require('./dist/kit/subgraph/migrations/migrate');
const { openAgencyDatabase } = require('./dist/kit/subgraph/orm');
class Slow extends Migration {
  async up() {
    await new Promise((resolve) => setTimeout(resolve, 500));
    this.addSql('create table slow_step (x integer)');
  }
}
const migrations = [...loadMigrations('health', 'sqlite'), { name: 'Migration99999999999999_slow', class: Slow }];
openAgencyDatabase({ entities: [AuditRecord], database: process.env.DATABASE, create: false }).then((orm) => {
  console.log('ready');
  process.stdin.once('data', () =>
    applyMigrations(orm, 'health', migrations).then(
      (outcome) => orm.close(true).then(() => console.log(JSON.stringify(outcome))),
      (err) => { console.log(String(err)); process.exit(1); },
    ),
  );
});`;

interface Replica {
  ready: Promise<void>;
  done: Promise<{ code: number | null; output: string }>;
  go(): void;
}

function sqliteReplica(database: string): Replica {
  const child = spawn(process.execPath, ['-e', SQLITE_REPLICA], { cwd: REPO_ROOT, env: { ...process.env, DATABASE: database } });
  let output = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith('ready')) resolve();
    }),
  );
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  return { ready, done, go: () => child.stdin.end('go\n') };
}

describe('migrating one SQLite file from several replicas at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nwd-migration-lock-'));
  beforeAll(() => assertServicesBuilt());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts every one and applies each migration once (the write lock taken first)', async () => {
    const file = join(dir, 'health.db');
    writeFileSync(file, ''); // an empty file is an empty SQLite database
    const replicas = Array.from({ length: REPLICAS }, () => sqliteReplica(file));
    await Promise.race([Promise.all(replicas.map((r) => r.ready)), Promise.all(replicas.map((r) => r.done)).then(() => {})]);
    replicas.forEach((r) => r.go());
    const ends = await Promise.all(replicas.map((r) => r.done));
    expect(ends).toEqual(Array<unknown>(REPLICAS).fill(expect.objectContaining({ code: 0 })));
    const outcomes = ends.map(({ output }) => JSON.parse(output.split('\n').filter(Boolean).at(-1)!) as MigrationOutcome);
    const orm = await openAgencyDatabase({ entities: [AuditRecord], database: file, create: false });
    try {
      const rows = (await orm.em.getConnection().execute('select name from mikro_orm_migrations order by id')) as { name: string }[];
      const names = [...loadMigrations('health', 'sqlite').map(({ name }) => name), 'Migration99999999999999_slow'];
      expect(rows.map(({ name }) => name)).toEqual(names);
      expect(outcomes.map(({ applied }) => applied.length).sort()).toEqual([...Array<number>(REPLICAS - 1).fill(0), names.length]);
    } finally {
      await orm.close(true);
    }
  });
});
