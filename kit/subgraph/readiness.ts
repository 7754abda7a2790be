import type { Readiness } from '../shared/http';
import type { Logger } from '../shared/logger';
import { isPostgres, type AgencyOrm } from './orm';

class ProbeDone extends Error {}

/**
 * A subgraph is ready when it can do what every answer needs: read its database and write its audit
 * log (no audit, no data). The write is tried for real and rolled back: a database that has become
 * read-only, or whose file was deleted, fails here, not only a `select 1`.
 */
export async function databaseReadiness(orm: AgencyOrm, logger: Logger): Promise<Readiness> {
  const started = Date.now();
  try {
    await orm.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const inTransaction: unknown = tx.getTransactionContext();
      // A locked or stalled database answers "not ready" within a second, not never.
      if (isPostgres(String(orm.config.get('clientUrl') ?? '')))
        await connection.execute("set local lock_timeout = '1s'; set local statement_timeout = '2s'", [], 'run', inTransaction);
      await connection.execute('select seq from audit_record order by seq desc limit 1', [], 'all', inTransaction);
      // Takes the write lock without touching a row: the append-only triggers fire per row, so none refuses it.
      await connection.execute('update audit_record set seq = seq where seq < 0', [], 'run', inTransaction);
      throw new ProbeDone();
    });
  } catch (err) {
    if (!(err instanceof ProbeDone)) {
      // The reason is for the operator's log; the probe's answer is read on the network.
      logger.warn({ err }, 'not ready: the database cannot be read, or the audit log written');
      return { ready: false, database: 'unavailable' };
    }
  }
  return { ready: true, database: 'ok', probeMs: Date.now() - started };
}
