import { service as educationService } from '../../subgraphs/education/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';
import { AS, askAbout, type Asking } from '../support/receiving';
import { DEEP_QUERY, seededPupils, testPeople, type EducationEntities } from './fixtures';

describe('education subgraph batching', () => {
  let agency: TestAgency;

  beforeAll(async () => {
    agency = await startTestAgency(educationService);
    // A first audited request: the service then knows its chain's head, as after any first request.
    await queriesFor([seededPupils()[0].upn]);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  async function queriesFor(upns: (string | null)[], query = DEEP_QUERY, as: Asking = AS.virtualSchoolHead): Promise<string[]> {
    const res = await askAbout<EducationEntities>(agency, query, upns, as);
    expect((res.errors ?? []).filter((e) => e.extensions?.code !== 'WITHHELD')).toEqual([]);
    expect(dataOf(res)._entities).toHaveLength(upns.length);
    const sent = [...agency.queries];
    agency.queries.length = 0;
    return sent;
  }

  const audit = (sql: string) => /audit_record|^(begin|commit|savepoint|release)/i.test(sql.trim());

  // As the gateway sends them: every linked UPN (held or not), no UPN at all, and repeats.
  const linked = testPeople().map((p) => p.upn);
  const forty = Array.from({ length: 40 }, (_, i) => linked[i % linked.length]);

  it('sends as many SQL queries for 40 young people as for 1, audit write included', async () => {
    const [first] = seededPupils();
    expect(forty.filter((u) => u && seededPupils().some((p) => p.upn === u)).length).toBeGreaterThan(20);
    agency.queries.length = 0;

    const one = await queriesFor([first.upn]);
    expect(one.length).toBeGreaterThan(0);
    expect((await queriesFor(forty)).length).toBe(one.length);
    // The audit write: one insert of a record per young person.
    expect(one.filter(audit)).toHaveLength(1);
  });

  it("stays flat when the policy withholds fields and the young person's wishes filter lists (police)", async () => {
    const [first] = seededPupils();
    agency.queries.length = 0;
    const one = await queriesFor([first.upn], DEEP_QUERY, AS.policeLiaison);
    expect((await queriesFor(forty, DEEP_QUERY, AS.policeLiaison)).length).toBe(one.length);
  });

  it('reads the audit logs of 40 young people in one query (auditors)', async () => {
    const query =
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on YoungPerson { education { matchStatus accessLog { requestId } } } } }';
    agency.queries.length = 0;
    const one = await queriesFor([seededPupils()[0].upn], query, AS.auditor);
    expect((await queriesFor(forty, query, AS.auditor)).length).toBe(one.length);
  });

  it('costs one query (the pupil) besides the audit write when only the match status is asked for', async () => {
    agency.queries.length = 0;
    const sent = await queriesFor(
      seededPupils().map((p) => p.upn),
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on YoungPerson { education { matchStatus } } } }',
    );
    expect(sent.filter((q) => !audit(q))).toHaveLength(1);
  });

  it('reads only the latest PEP for PEP timeliness alone, and PEPs once when the list is asked too', async () => {
    const peps = (sql: string[]) => sql.filter((q) => /from .personal_education_plan. /.test(q));
    const alone = await queriesFor(
      forty,
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on YoungPerson { education { pepTimeliness { status } pepWithinLastSixMonths } } } }',
    );
    expect(peps(alone)).toHaveLength(1);
    expect(peps(alone)[0]).toMatch(/not exists/);
    const withList = peps(await queriesFor(forty));
    expect(withList).toHaveLength(1);
    expect(withList[0]).not.toMatch(/not exists/);
  });
});
