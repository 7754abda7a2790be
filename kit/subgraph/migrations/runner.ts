import type { Knex } from '@mikro-orm/knex';
import { isPostgres, type AgencyOrm } from '../orm';
import type { AgencyMigration } from './folder';
import { adoptSchemaSyncedDatabase } from './legacy-sync';
import { sqlConnection, sqlDriver } from './sql';

/** MikroORM's own record of applied migrations, with the columns its Migrator gives it, so its tools read it too. */
const MIGRATIONS_TABLE = 'mikro_orm_migrations';

async function ensureMigrationsTable(trx: Knex.Transaction): Promise<void> {
  if (await trx.schema.hasTable(MIGRATIONS_TABLE)) return;
  await trx.schema.createTable(MIGRATIONS_TABLE, (table) => {
    table.increments();
    table.string('name');
    table.dateTime('executed_at').defaultTo(trx.fn.now());
  });
}

async function appliedIn(query: Knex | Knex.Transaction): Promise<string[]> {
  if (!(await query.schema.hasTable(MIGRATIONS_TABLE))) return [];
  const rows = (await query.select('name').from(MIGRATIONS_TABLE).orderBy('id')) as { name: string }[];
  return rows.map((row) => row.name);
}

/** The names of the migrations applied to this database, oldest first; reads only. */
export function appliedMigrations(orm: AgencyOrm): Promise<string[]> {
  return appliedIn(sqlConnection(orm).getKnex());
}

export interface MigrationOutcome {
  /** The migrations this call applied, oldest first; none when another process had already. */
  applied: string[];
  /** A database made by the old start-up schema sync, taken over as it was: its first migration recorded as applied (legacy-sync.ts). */
  adopted: boolean;
}

/**
 * Applies the migrations not yet recorded, in order, inside `trx` (the caller holds the migration lock):
 * each one's statements, then its row. All of them commit together or none does. MikroORM's Migrator
 * is not used to run them: on SQLite it checks its table outside the caller's transaction, on a pool
 * of one connection that the transaction holds, and waits for that connection for ever.
 */
export async function applyPending(
  orm: AgencyOrm,
  trx: Knex.Transaction,
  agency: string,
  migrations: AgencyMigration[],
): Promise<MigrationOutcome> {
  // A migration may take as long as it needs (an index on a large table): it runs under the lock, before serving.
  if (isPostgres(orm.config.get('clientUrl') ?? '')) await trx.raw('set local statement_timeout = 0');
  await ensureMigrationsTable(trx);
  const applied = new Set(await appliedIn(trx));
  const record = (name: string) => trx.insert({ name }).into(MIGRATIONS_TABLE);
  const dialect = isPostgres(orm.config.get('clientUrl') ?? '') ? 'postgresql' : 'sqlite';
  const adopted = applied.size === 0 && (await adoptSchemaSyncedDatabase(trx, agency, dialect));
  if (adopted) {
    await record(migrations[0].name);
    applied.add(migrations[0].name);
  }
  const driver = sqlDriver(orm);
  const done: string[] = [];
  for (const migration of migrations.filter(({ name }) => !applied.has(name))) {
    const instance = new migration.class(driver, orm.config);
    instance.setTransactionContext(trx);
    await instance.up();
    for (const statement of instance.getQueries()) await driver.execute(statement, [], 'run', trx);
    await record(migration.name);
    done.push(migration.name);
  }
  return { applied: done, adopted };
}
