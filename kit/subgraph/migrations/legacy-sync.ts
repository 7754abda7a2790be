import type { Knex } from '@mikro-orm/knex';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder, type MigrationDialect } from './folder';

/** Kept by the schema sync that ran at start before there were migrations: a hash of the schema it applied. */
export const FINGERPRINT_TABLE = 'schema_fingerprint';

/**
 * The fingerprint an agency's database kept after a start of the last version with the start-up sync
 * (the one before migrations): sha256 of its entities' create-schema SQL, per dialect, in
 * subgraphs/<agency>/migrations/<dialect>/last-synced. Such a database holds the schema the agency's
 * first migration makes (police's gravity check was then written BETWEEN, which is the same rule).
 * Undefined for an agency that came later. Delete this module and those files once every database has
 * been started by a version with migrations.
 */
export function lastSyncedFingerprint(agency: string, dialect: MigrationDialect): string | undefined {
  const folder = migrationsFolder(join(__dirname, '..', '..', '..'), agency, dialect);
  const file = ['last-synced.js', 'last-synced.ts'].map((name) => join(folder, name)).find((path) => existsSync(path));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return file ? (require(file) as { LAST_SYNCED_FINGERPRINT: string }).LAST_SYNCED_FINGERPRINT : undefined;
}

/** A database from before migrations whose schema is not the one the agency's first migration makes. */
export class LegacySchemaError extends Error {}

/**
 * A database made by the old start-up schema sync has every table but no record of migrations, so the
 * first migration would fail on "table already exists". One the last such version left (its
 * fingerprint says so) holds what the first migration makes: the fingerprint table is dropped, in the
 * caller's transaction, and true returned for the caller to record that migration as applied (later
 * ones then run as usual). False: the database is not one the sync made.
 */
export async function adoptSchemaSyncedDatabase(trx: Knex.Transaction, agency: string, dialect: MigrationDialect): Promise<boolean> {
  if (!(await trx.schema.hasTable(FINGERPRINT_TABLE))) return false;
  const rows = (await trx.select('fingerprint').from(FINGERPRINT_TABLE).where('id', 1)) as { fingerprint: string }[];
  if (rows[0]?.fingerprint === undefined || rows[0].fingerprint !== lastSyncedFingerprint(agency, dialect))
    throw new LegacySchemaError(
      'this database was made by the start-up schema sync of a version older than the last one before migrations, and has ' +
        'no migrations recorded. Start that last version before migrations once (its sync brings the schema up to date), ' +
        'then this one. Development data is synthetic: delete the database instead, and the next start re-creates and re-seeds it.',
    );
  await trx.schema.dropTable(FINGERPRINT_TABLE);
  return true;
}
