import { PERSONAS } from '../../kit/dev/personas';
import { verifyAuditChain } from '../../kit/subgraph/audit/verify';
import { generatePerson } from '../../kit/dev/synthetic/population';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { teamFor } from '../../subgraphs/social-care/seeding/team';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';

/** What the query below answers. */
interface YoungPersonRead {
  youngPerson: { id: string; givenName: string; dateOfBirth: string };
}

/** No data leaves without its audit record: when the log cannot be written, nothing is returned. */
describe('audit before response', () => {
  let agency: TestAgency;
  const person = [...Array(60).keys()]
    .map((i) => generatePerson(i, { size: 60, seed: 'test-seed', asOf: TEST_TODAY }))
    .find((p) => teamFor(p).socialWorker.id === PERSONAS.socialWorker.id)!;
  const query = `{ youngPerson(id: "${person.id}") { id givenName dateOfBirth } }`;

  beforeAll(async () => {
    agency = await startTestAgency(socialCareService);
  });
  afterAll(() => agency?.stop());

  it('writes a chained record for each read', async () => {
    const before = (await verifyAuditChain(agency.orm.em.fork(), agency.audit.keyring)).records;
    const res = await agency.request<YoungPersonRead>(query);
    expect(dataOf(res).youngPerson.givenName).toBe(person.givenName);
    const after = await verifyAuditChain(agency.orm.em.fork(), agency.audit.keyring);
    expect(after).toMatchObject({ ok: true, records: before + 1 });
  });

  it('returns no data when the audit log cannot be written, and says so', async () => {
    await agency.orm.em.getConnection().execute('alter table audit_record rename to audit_record_unavailable');
    try {
      const res = await agency.request<YoungPersonRead>(query);
      expect(res.data).toBeUndefined();
      expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'AUDIT_UNAVAILABLE' } })]);
      expect(JSON.stringify(res)).not.toContain(person.givenName);
    } finally {
      await agency.orm.em.getConnection().execute('alter table audit_record_unavailable rename to audit_record');
    }
    expect(dataOf(await agency.request<YoungPersonRead>(query)).youngPerson.givenName).toBe(person.givenName);
  });
});
