import type { AgencyOrm } from '../orm';
import { FINGERPRINT_TABLE } from './legacy-sync';
import { sqlConnection } from './sql';

/**
 * Drops every table the entities and the migrations know (and an old sync's fingerprint), so the
 * migrations start from nothing: tests and the seed command, which refill a database on purpose.
 * Never part of a production start.
 */
export async function emptyDatabase(orm: AgencyOrm): Promise<void> {
  await orm.schema.dropSchema({ dropMigrationsTable: true });
  await sqlConnection(orm).getKnex().schema.dropTableIfExists(FINGERPRINT_TABLE);
}
