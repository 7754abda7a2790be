import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSONAS } from '../../kit/dev/personas';
import { auditKeyring, generateAuditKey } from '../../kit/subgraph/audit/audit-key';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { AuditChain, type AuditContent } from '../../kit/subgraph/audit/chain';
import { openServiceDatabase } from '../../kit/subgraph/database';
import type { AgencyOrm } from '../../kit/subgraph/orm';
import { service as healthService } from '../../subgraphs/health/service';

/**
 * An agency on SQLite commits an audit record with every read. It does so on SQLite's write-ahead log,
 * synced at every commit: a record the service has answered after outlives a power cut (SQLite's
 * `synchronous = FULL`; NORMAL would keep it through a crash of the process only), and the auditor's
 * tools (audit:verify, a second replica) read the file while the service writes to it.
 */
const dir = mkdtempSync(join(tmpdir(), 'nwd-sqlite-wal-'));
const file = join(dir, 'health.db');
let orm: AgencyOrm;
let reader: AgencyOrm;
beforeAll(async () => {
  orm = await openServiceDatabase(healthService, file, { create: true, fresh: true });
  reader = await openServiceDatabase(healthService, file);
});
afterAll(async () => {
  await reader.close(true);
  await orm.close(true);
  rmSync(dir, { recursive: true, force: true });
});

const pragma = async (name: string): Promise<unknown> => {
  const rows = (await orm.em.getConnection().execute(`pragma ${name}`)) as Record<string, unknown>[];
  return rows[0][name];
};

const nurse = PERSONAS.lacNurse;
const read: AuditContent = {
  at: new Date(Date.UTC(2026, 10, 23, 9, 0, 0)),
  requestId: 'wal-request-1',
  userId: nurse.id,
  userName: nurse.name,
  userAgency: nurse.agency,
  userRole: nurse.role,
  subject: '9990000018',
  action: 'READ',
  purposeKind: 'ALLOCATION',
  meetingId: null,
  breakGlassReason: null,
  fieldsRead: '["HealthRecord.matchStatus"]',
  withheld: '[]',
  change: null,
};

describe('an agency database on SQLite', () => {
  it('journals to the write-ahead log and syncs every commit', async () => {
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2); // FULL
  });

  it('lets another connection read a committed audit record while the service still has the file open', async () => {
    await new AuditChain(auditKeyring(generateAuditKey()).current).append(orm.em, [read]);
    expect(existsSync(`${file}-wal`)).toBe(true);
    const seen = await reader.em.fork().find(AuditRecord, { requestId: 'wal-request-1' });
    expect(seen.map((r) => r.subject)).toEqual(['9990000018']);
  });
});
