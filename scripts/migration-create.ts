import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { MikroORM, type Options } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AGENCIES, agencyNamed, runHere } from '../kit/shared/agencies';
import { REPO_ROOT } from '../kit/shared/paths';
import { AuditRecord } from '../kit/subgraph/audit/audit-record';
import { listMigrations, MIGRATION_DIALECTS, migrationsFolder, type MigrationDialect } from '../kit/subgraph/migrations/folder';
import { migrationGenerator } from '../kit/subgraph/migrations/generator';
import { applyMigrations } from '../kit/subgraph/migrations/migrate';
import { loadAgencyService } from '../kit/subgraph/load-service';
import { PackSnapshot } from '../kit/subgraph/snapshots/pack-snapshot';
import { IdempotencyRecord } from '../kit/subgraph/writes/idempotency-record';

const USAGE = `npm run migration:create -- --name NAME [--agency NAME]

Writes, for every agency whose entities (or the kit's audit, idempotency and snapshot tables) changed
since its last migration, a migration for PostgreSQL and one for SQLite into
subgraphs/<agency>/migrations/<dialect>/, from the difference between the entities and the snapshot
kept beside them. No server is needed. Commit the files; a migration applied anywhere is never edited.`;

const DIALECT_LABEL: Record<MigrationDialect, string> = { postgresql: 'PostgreSQL', sqlite: 'SQLite' };

/** The schema before an agency's first migration: nothing, so it is diffed without reading any database. */
const EMPTY_SNAPSHOT = { namespaces: [], tables: [], nativeEnums: {} };

/**
 * The ORM a dialect's migration is generated with: PostgreSQL needs no connection; SQLite alters a
 * table by reading its CREATE statement back from the database (knex), so it gets a scratch file
 * holding the agency's migrations so far.
 */
async function generatingOrm(name: string, dialect: MigrationDialect, options: Options, scratch: string): Promise<MikroORM> {
  if (dialect === 'postgresql')
    return MikroORM.init({ ...options, driver: PostgreSqlDriver, clientUrl: 'postgres://generator.invalid/none' });
  const orm = await MikroORM.init({ ...options, driver: LibSqlDriver, dbName: join(scratch, `${name}.db`) });
  const existing = listMigrations(name, dialect);
  if (existing.length > 0) await applyMigrations(orm, name, existing);
  return orm;
}

/** One agency, both dialects, in this process: only one agency's code is ever loaded in a process. */
async function createFor(name: string, migration: string, stamp: string): Promise<void> {
  const service = loadAgencyService(name);
  const scratch = mkdtempSync(join(tmpdir(), 'nwd-migration-create-'));
  try {
    for (const dialect of MIGRATION_DIALECTS) {
      const folder = migrationsFolder(REPO_ROOT, name, dialect);
      mkdirSync(folder, { recursive: true });
      if (!existsSync(join(folder, '.snapshot.json'))) writeFileSync(join(folder, '.snapshot.json'), JSON.stringify(EMPTY_SNAPSHOT));
      const header = `${name}, ${DIALECT_LABEL[dialect]}: written by \`npm run migration:create\` from the entities. Once applied anywhere, never edited.`;
      const orm = await generatingOrm(
        name,
        dialect,
        {
          entities: [...service.entities, AuditRecord, IdempotencyRecord, PackSnapshot],
          extensions: [Migrator],
          connect: dialect === 'sqlite',
          ensureDatabase: false,
          // The diff is from the snapshot, never read from a database (MikroORM 6.6.16 misreads SQLite's enum checks).
          migrations: { path: folder, snapshot: true, snapshotName: '.snapshot', generator: migrationGenerator(stamp, header, dialect) },
        },
        scratch,
      );
      try {
        const created = await orm.migrator.createMigration(folder, false, false, migration);
        console.log(`  ${name} (${dialect}): ${created.fileName ? relative(REPO_ROOT, join(folder, created.fileName)) : 'no changes'}`);
      } finally {
        await orm.close(true);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function run() {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, agency: { type: 'string' }, stamp: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return console.log(USAGE);
  if (!values.name || !/^[a-z][a-z0-9_]*$/.test(values.name))
    throw new Error(`--name is required: lower case letters, digits and _ (it ends the class name)\n\n${USAGE}`);
  // One time for the whole run, so both dialects (and every agency) name this change alike.
  const stamp = values.stamp ?? new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  if (values.agency) return createFor(agencyNamed(values.agency).name, values.name, stamp);
  // A partner that runs its own subgraph keeps its own database and migrations.
  for (const agency of AGENCIES.filter(runHere)) {
    const args = [__filename, '--agency', agency.name, '--name', values.name, '--stamp', stamp];
    if (spawnSync(process.execPath, args, { stdio: 'inherit' }).status !== 0)
      throw new Error(`no migration written for ${agency.name} and after`);
  }
}

Promise.resolve()
  .then(run)
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
