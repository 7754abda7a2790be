import { Gauge } from 'prom-client';
import type { ProcessMetrics } from '../shared/observability/metrics';
import type { AgencyOrm, OnQuery } from './orm';

/** Seconds: an audit append is a few milliseconds; a chain retry under contention, more. */
const AUDIT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export type ObserveAuditWrite = (outcome: 'written' | 'failed', seconds: number, records: number) => void;
export type ObserveAnchor = (outcome: 'written' | 'failed') => void;

/** Anchors of the audit chain head: one failing means records deleted since the last good one would go unseen. */
export function anchorMetrics(metrics: ProcessMetrics): ObserveAnchor {
  const anchors = metrics.counter(
    'audit_anchors_total',
    "Anchors of the audit chain's head written outside the database (AUDIT_ANCHOR_DIR), by outcome.",
    ['outcome'],
  );
  // Both outcomes exported from the start, at 0: an alert on failures then needs no "absent" rule.
  for (const outcome of ['written', 'failed'] as const) anchors.inc({ outcome }, 0);
  return (outcome) => anchors.inc({ outcome });
}

/**
 * Every SQL statement the agency sends, the round trips they went in, and the time the database took:
 * divided by requests, they show a query that starts to grow with the population (a lost batch, a
 * missing index) before users feel it.
 */
export function databaseMetrics(metrics: ProcessMetrics): OnQuery {
  const statements = metrics.counter('db_statements_total', 'SQL statements sent to the agency database.', []);
  const roundTrips = metrics.counter(
    'db_round_trips_total',
    'Messages sent to the agency database and answered: on PostgreSQL, the reads a request asks for together go in one.',
    [],
  );
  const time = metrics.counter(
    'db_statement_seconds_total',
    'Time from sending each round trip to its answer, in seconds (millisecond resolution; includes any wait for a pooled connection).',
    [],
  );
  return (_sql, tookMs, count) => {
    statements.inc(count);
    roundTrips.inc();
    time.inc(tookMs / 1000);
  };
}

/** The part of knex's connection pool (tarn) the gauges read. */
interface PoolCounts {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** A subgraph's own metrics: how long writing the audit takes (no data leaves before it), and its database pool. */
export function agencyMetrics(metrics: ProcessMetrics, orm: AgencyOrm): ObserveAuditWrite {
  const audit = metrics.histogram(
    'audit_write_duration_seconds',
    "Time to append a request's audit records (and any frozen meeting pack) before its answer may leave, by outcome.",
    ['outcome'],
    AUDIT_BUCKETS,
  );
  new Gauge({
    name: 'db_pool_connections',
    help: "The agency database's connection pool: connections in use, idle, and requests waiting for one.",
    labelNames: ['state'],
    registers: [metrics.registry],
    collect() {
      const pool = (orm.em.getConnection() as unknown as { getKnex(): { client: { pool?: PoolCounts } } }).getKnex().client.pool;
      if (!pool) return;
      this.set({ state: 'used' }, pool.numUsed());
      this.set({ state: 'idle' }, pool.numFree());
      this.set({ state: 'waiting' }, pool.numPendingAcquires());
    },
  });
  const records = metrics.counter(
    'audit_records_written_total',
    'Audit records appended to the chain (one per young person or meeting looked at, per request).',
    [],
  );
  return (outcome, seconds, count) => {
    audit.observe({ outcome }, seconds);
    if (outcome === 'written') records.inc(count);
  };
}
