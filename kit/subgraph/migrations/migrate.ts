import type { AgencyOrm } from '../orm';
import type { AgencyMigration } from './folder';
import { inMigrationLock } from './lock';
import { appliedMigrations, applyPending, type MigrationOutcome } from './runner';

/** Applies what is pending of an agency's migrations, once however many replicas start together (lock.ts). */
export function applyMigrations(orm: AgencyOrm, agency: string, migrations: AgencyMigration[]): Promise<MigrationOutcome> {
  return inMigrationLock(orm, (trx) => applyPending(orm, trx, agency, migrations));
}

/** The schema is behind the code and this process was told not to migrate it. */
export class PendingMigrationsError extends Error {}

/**
 * With MIGRATE_ON_START=false the schema must already be this version's (applied by `npm run migrate`):
 * code serving requests against an older schema fails on them one by one, so it does not start at all.
 */
export async function requireMigrated(orm: AgencyOrm, migrations: AgencyMigration[]): Promise<void> {
  const applied = new Set(await appliedMigrations(orm));
  const pending = migrations.filter(({ name }) => !applied.has(name)).map(({ name }) => name);
  if (pending.length > 0)
    throw new PendingMigrationsError(
      `${pending.length} migration(s) not applied to this database: ${pending.join(', ')}. ` +
        'Apply them with `npm run migrate`, or start with MIGRATE_ON_START unset (it applies them under a lock).',
    );
}
