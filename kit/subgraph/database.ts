import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AuditRecord } from './audit/audit-record';
import { PackSnapshot } from './snapshots/pack-snapshot';
import { IdempotencyRecord } from './writes/idempotency-record';
import { isPostgres, openAgencyDatabase, type AgencyOrm } from './orm';
import type { AgencyService } from './service';

/** Opens an agency's own database (creating a SQLite file's folder), with its audit log beside its records. */
export function openServiceDatabase(
  service: Pick<AgencyService, 'entities'>,
  database: string,
  onQuery?: (sql: string) => void,
): Promise<AgencyOrm> {
  if (!isPostgres(database) && database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  // Every agency keeps its own audit log, and what it needs to answer a retried write once, in its own database.
  return openAgencyDatabase({ entities: [...service.entities, AuditRecord, IdempotencyRecord, PackSnapshot], database, onQuery });
}
