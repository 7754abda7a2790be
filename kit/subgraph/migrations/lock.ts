import type { Knex } from '@mikro-orm/knex';
import { isPostgres, type AgencyOrm } from '../orm';
import { sqlConnection } from './sql';

/** Held by whoever is migrating a PostgreSQL database; advisory locks are per database, so agencies sharing a server do not wait for each other. */
const ADVISORY_LOCK = "hashtext('nwd-multi-agency-graph migrations')";

interface Pool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/** Runs `work` with one connection of the pool to itself, given back whatever happens. */
async function withConnection<T>(knex: Knex, work: (connection: unknown) => Promise<T>): Promise<T> {
  const pool = knex.client as Pool;
  const connection = await pool.acquireConnection();
  try {
    return await work(connection);
  } finally {
    await pool.releaseConnection(connection);
  }
}

/**
 * PostgreSQL: a session advisory lock on a connection of its own, held until the migrations' transaction
 * (on another connection) has committed. A replica starting at the same moment waits here, then finds
 * nothing left to apply. A process that dies while holding it loses its session, and the lock with it.
 */
function withAdvisoryLock<T>(knex: Knex, work: () => Promise<T>): Promise<T> {
  return withConnection(knex, async (connection) => {
    // A replica waits as long as the first one migrates, whatever the statement timeout; the setting is
    // put back before the connection returns to the pool.
    await knex.raw('set statement_timeout = 0').connection(connection);
    try {
      await knex.raw(`select pg_advisory_lock(${ADVISORY_LOCK})`).connection(connection);
      try {
        return await work();
      } finally {
        await knex.raw(`select pg_advisory_unlock(${ADVISORY_LOCK})`).connection(connection);
      }
    } finally {
      await knex.raw('reset statement_timeout').connection(connection);
    }
  });
}

/** How long a second SQLite migrator waits for the first before giving up with "database is locked". */
const SQLITE_WAIT_MS = 60_000;

/**
 * SQLite has one writer at a time: the transaction's first statement is a write (creating a table only
 * this transaction ever sees, dropped before it commits), so it takes the write lock at once, as BEGIN
 * IMMEDIATE would, and a second migrator waits there rather than reading a state about to change.
 * Foreign keys are off around the transaction (SQLite ignores the pragma inside one), the only way it
 * lets a migration rebuild a table others refer to, and every reference is checked before it commits.
 * All on one connection of the pool (its only one), taken for the purpose and given back after.
 */
function inSqliteWriteLock<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return withConnection(knex, async (connection) => {
    const on = (sql: string) => knex.raw(sql).connection(connection);
    const [{ timeout }] = (await on('pragma busy_timeout')) as [{ timeout: number }];
    await on(`pragma busy_timeout = ${SQLITE_WAIT_MS}`);
    await on('pragma foreign_keys = off');
    try {
      return await knex.transaction(
        async (trx) => {
          await trx.raw('create table migration_lock (held integer)');
          const result = await work(trx);
          await trx.raw('drop table migration_lock');
          const broken = (await trx.raw('pragma foreign_key_check')) as unknown[];
          if (broken.length > 0) throw new Error(`the migrations would leave ${broken.length} broken reference(s) between tables`);
          return result;
        },
        { connection },
      );
    } finally {
      await on('pragma foreign_keys = on');
      // Requests fail fast on a locked file, as before; only a migrator waits this long.
      await on(`pragma busy_timeout = ${timeout}`);
    }
  });
}

/** Runs `work` in one transaction that no other process is migrating the same database in. */
export function inMigrationLock<T>(orm: AgencyOrm, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  const knex = sqlConnection(orm).getKnex();
  if (isPostgres(orm.config.get('clientUrl') ?? '')) return withAdvisoryLock(knex, () => knex.transaction(work));
  return inSqliteWriteLock(knex, work);
}
