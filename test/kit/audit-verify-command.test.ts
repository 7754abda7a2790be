import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSONAS } from '../../kit/dev/personas';
import { generatePerson } from '../../kit/dev/synthetic/population';
import { envName, LEAD_AGENCY } from '../../kit/shared/agencies';
import { DIST } from '../../kit/shared/paths';
import { auditKeyring, generateAuditKey } from '../../kit/subgraph/audit/audit-key';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { openServiceDatabase } from '../../kit/subgraph/database';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { teamFor } from '../../subgraphs/social-care/seeding/team';
import { startTestAgency, TEST_TODAY } from '../support/agency';
import { asDatabaseOwner } from '../support/audit-tamper';
import { assertServicesBuilt } from '../support/built';
import { dataOf } from '../support/graphql';

/**
 * The service signs every record it writes and anchors its chain head when it stops; the operator's
 * `audit:verify` then checks both and says, with its exit code, whether the log is as written.
 */
const dir = mkdtempSync(join(tmpdir(), 'nwd-audit-verify-'));
const database = join(dir, 'social-care.db');
const anchors = join(dir, 'audit-anchors');
let key: string;

const person = [...Array(60).keys()]
  .map((i) => generatePerson(i, { size: 60, seed: 'test-seed', asOf: TEST_TODAY }))
  .find((p) => teamFor(p).socialWorker.id === PERSONAS.socialWorker.id)!;

beforeAll(async () => {
  assertServicesBuilt();
  const audit = { keyring: auditKeyring(generateAuditKey()), anchorFolder: anchors, anchorIntervalMs: 60_000 };
  const agency = await startTestAgency(socialCareService, {}, database, { audit });
  key = agency.audit.keyring.current.secret.toString('base64');
  for (let i = 0; i < 3; i++)
    expect(dataOf(await agency.request<{ youngPerson: { id: string } }>(`{ youngPerson(id: "${person.id}") { id } }`)).youngPerson.id).toBe(
      person.id,
    );
  await agency.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `node dist/scripts/audit-verify.js --agency social-care`, given the agency's database, key and anchors as an operator would. */
function auditVerify(): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(DIST, 'scripts', 'audit-verify.js'), '--agency', LEAD_AGENCY.name], {
    env: {
      PATH: process.env.PATH,
      [envName(LEAD_AGENCY, 'DATABASE_URL')]: database,
      [envName(LEAD_AGENCY, 'AUDIT_KEY')]: key,
      [envName(LEAD_AGENCY, 'AUDIT_ANCHOR_DIR')]: anchors,
    },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('audit:verify', () => {
  it('passes the log its service wrote and anchored when it stopped', () => {
    expect(readdirSync(anchors)).toEqual([expect.stringMatching(/^social-care\..*\.jsonl$/)]);
    const { status, output } = auditVerify();
    expect(output).toMatch(/^social-care: audit chain intact \(3 records, anchored up to record 3 at \d{4}-/);
    expect(status).toBe(0);
  });

  it('exits non-zero and says the chain was truncated when its last record is deleted', async () => {
    const orm = await openServiceDatabase(socialCareService, database);
    try {
      await asDatabaseOwner(orm, 'audit_record', () => orm.em.fork().nativeDelete(AuditRecord, { seq: 3 }));
    } finally {
      await orm.close(true);
    }
    const { status, output } = auditVerify();
    expect(output).toMatch(/^social-care: truncated: the chain ends at record 2 but record 3 was anchored at \d{4}-/m);
    expect(status).toBe(1);
  });
});
