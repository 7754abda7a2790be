import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AuditRecord } from './audit/audit-record';
import { dialectOf, loadMigrations } from './migrations/folder';
import { applyMigrations, requireMigrated } from './migrations/migrate';
import { emptyDatabase } from './migrations/reset';
import type { MigrationOutcome } from './migrations/runner';
import { PackSnapshot } from './snapshots/pack-snapshot';
import { IdempotencyRecord } from './writes/idempotency-record';
import { isPostgres, openAgencyDatabase, type AgencyOrm, type OnQuery } from './orm';
import type { AgencyService } from './service';

export interface OpenDatabaseOptions {
  /** Called with every SQL statement sent (tests count them). */
  onQuery?: OnQuery;
  /** PostgreSQL: the longest one statement may run (migrations excepted). */
  statementTimeoutMs?: number;
  /**
   * Create the database if it is missing: development, and an operator's `npm run migrate -- --create`.
   * Otherwise a missing database is a MissingDatabaseError, never an empty one made in its place.
   */
  create?: boolean;
  /** Apply pending migrations, under the lock (the default). False: refuse to open while any is pending. */
  migrate?: boolean;
  /** Drop every table first, so the migrations start from nothing (tests, the seed command). */
  fresh?: boolean;
  /** Told what migrating did, for the log. */
  onMigrated?: (outcome: MigrationOutcome) => void;
}

/**
 * Opens an agency's own database, with its audit log beside its records, and brings its schema to this
 * version's by the agency's migrations (subgraphs/<agency>/migrations/<dialect>): never by a schema sync.
 */
export async function openServiceDatabase(
  service: Pick<AgencyService, 'agency' | 'entities'>,
  database: string,
  options: OpenDatabaseOptions = {},
): Promise<AgencyOrm> {
  const { create = false, migrate = true } = options;
  // Read first: an agency without migrations fails before any database is touched.
  const migrations = loadMigrations(service.agency.name, dialectOf(database));
  if (create && !isPostgres(database) && database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  // Every agency keeps its own audit log, and what it needs to answer a retried write once, in its own database.
  const entities = [...service.entities, AuditRecord, IdempotencyRecord, PackSnapshot];
  const orm = await openAgencyDatabase({
    entities,
    database,
    create,
    onQuery: options.onQuery,
    statementTimeoutMs: options.statementTimeoutMs,
  });
  try {
    if (options.fresh) await emptyDatabase(orm);
    if (!migrate) await requireMigrated(orm, migrations);
    else {
      const outcome = await applyMigrations(orm, service.agency.name, migrations);
      options.onMigrated?.(outcome);
    }
    return orm;
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}
