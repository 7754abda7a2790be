import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditKeyring, generateAuditKey } from '../../kit/subgraph/audit/audit-key';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { AuditChain, type AuditContent } from '../../kit/subgraph/audit/chain';
import { verifyAuditChain } from '../../kit/subgraph/audit/verify';
import { openServiceDatabase } from '../../kit/subgraph/database';
import type { AgencyOrm } from '../../kit/subgraph/orm';
import { service as policeService } from '../../subgraphs/police/service';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';

/**
 * Issue 11: a read's audit append cost four statements (begin, read the head, insert, commit) in every
 * agency on every request. A service now appends onto the head it last wrote in one insert. Two
 * replicas of one agency share its chain, so each must notice the other's appends (the primary key on
 * seq refuses a record onto a stale head) and nothing may be lost, forked or left unsigned.
 */
const dir = mkdtempSync(join(tmpdir(), 'nwd-audit-head-'));
const kinds = postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
if (!postgresAvailable()) console.warn('audit-chain-head: PostgreSQL is not running here; checking SQLite only');
const pgName = `nwd_test_audit_head_${process.pid}`;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (postgresAvailable()) await dropDatabases([pgName]).catch(() => undefined);
});

const read = (n: number, replica: string): AuditContent => ({
  at: new Date(Date.UTC(2026, 10, 23, 9, 0, n)),
  requestId: `${replica}-request-${n}`,
  userId: 'analyst.cleveland',
  userName: 'Priya Natarajan',
  userAgency: 'POLICE',
  userRole: 'POLICE_ANALYST',
  subject: '9990000018',
  action: 'READ',
  purposeKind: 'MEETING_INVITATION',
  meetingId: 'RAISE-0001',
  breakGlassReason: null,
  fieldsRead: '["MissingEpisode.startedAt"]',
  withheld: '[]',
  change: null,
});

describe.each(kinds)('the audit chain head a service remembers, on %s', (kind) => {
  let orm: AgencyOrm;
  let statements: string[] = [];
  beforeAll(async () => {
    const database = kind === 'sqlite' ? join(dir, 'police.db') : `${TEST_POSTGRES}/${pgName}`;
    orm = await openServiceDatabase(policeService, database, { create: true, fresh: true, onQuery: (sql) => statements.push(sql) });
  });
  afterAll(() => orm.close(true));
  beforeEach(() => (statements = []));

  it('appends a read in one statement once it knows the head, and two replicas interleaving lose and fork nothing', async () => {
    const keyring = auditKeyring(generateAuditKey());
    const [a, b] = [new AuditChain(keyring.current), new AuditChain(keyring.current)];

    await a.append(orm.em, [read(1, 'a')]);
    statements = [];
    await a.append(orm.em, [read(2, 'a'), read(3, 'a')]);
    expect(statements).toEqual([expect.stringMatching(/^insert into .audit_record./)]);

    // B has never written: it reads the head A left. Then A's head is stale, and B's after A writes again.
    await b.append(orm.em, [read(4, 'b')]);
    await a.append(orm.em, [read(5, 'a')]);
    await b.append(orm.em, [read(6, 'b')]);
    await Promise.all([a.append(orm.em, [read(7, 'a')]), b.append(orm.em, [read(8, 'b')]), a.append(orm.em, [read(9, 'a')])]);

    const stored = await orm.em.fork().find(AuditRecord, {}, { orderBy: { seq: 'asc' } });
    expect(stored.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(stored.map((r) => r.requestId)).size).toBe(9);
    expect(stored.every((r) => r.keyId === keyring.current.id && r.mac)).toBe(true);
    expect(await verifyAuditChain(orm.em.fork(), keyring)).toMatchObject({ ok: true, records: 9, unsigned: 0 });

    // More records than one insert statement carries (MikroORM splits them) go in one transaction, whole or not at all.
    const many = Array.from({ length: orm.config.get('batchSize') + 1 }, (_, i) => read(10 + i, 'a'));
    statements = [];
    await a.append(orm.em, many);
    expect(statements[0]).toMatch(/^begin/i);
    expect(statements[statements.length - 1]).toMatch(/^commit/i);
    expect(await verifyAuditChain(orm.em.fork(), keyring)).toMatchObject({ ok: true, records: 9 + many.length });
  });
});
