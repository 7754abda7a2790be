import type { PoolConfig } from '@mikro-orm/core';

/** What this module needs of a libsql connection (libsql's `Database`). */
interface SqliteConnection {
  exec(sql: string): unknown;
}

/**
 * How every SQLite connection is set up as the pool makes it. MikroORM's libsql dialect retires a
 * connection after ten seconds, so a setting made once on the first connection would not last: each
 * new one gets them all.
 *
 * - The write-ahead log instead of the rollback journal. Every audited read commits one insert, and
 *   libsql commits on the event loop's thread: with the rollback journal that was a journal file made,
 *   synced and deleted (0.7 ms a commit here), with the log one append and one sync (0.19 ms). The
 *   mode is kept in the file; it needs a local disk (the log's index is shared memory).
 * - Synced at every commit (`synchronous = full`): an audit record outlives a power cut, not only a
 *   crash of the process.
 */
export function sqliteConnectionSetup(): PoolConfig {
  return {
    afterCreate: (connection: SqliteConnection, done: (err: Error | null, connection: SqliteConnection) => void) => {
      try {
        // MikroORM sets foreign keys on when it connects: on its first connection only.
        connection.exec('pragma foreign_keys = on');
        connection.exec('pragma journal_mode = wal');
        connection.exec('pragma synchronous = full');
        done(null, connection);
      } catch (err) {
        done(err as Error, connection);
      }
    },
  };
}
