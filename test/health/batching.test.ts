import { PERSONAS } from '../../kit/dev/personas';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';
import { AS, entitiesQuery, grantedRepresentations, type Asking, type Entities } from '../support/receiving';
import { allFieldsQuery, healthService, people, type HealthEntity } from './support';

let agency: TestAgency;

beforeAll(async () => {
  agency = await startTestAgency(healthService);
  // A first audited request: the service then knows its chain's head, as after any first request.
  await queriesFor([people.find((p) => p.nhsNumber !== null)!.nhsNumber]);
});

afterAll(async () => {
  await agency?.stop();
});

/** The audit write: one insert of the request's records (a transaction reading the chain's head only after a start or a clash). */
const isAudit = (sql: string) =>
  /^(begin|commit|savepoint|release)/i.test(sql) || (sql.includes('audit_record') && /^insert|limit/i.test(sql));

/** SQL statements one request costs (the data, and the audit write), with grants made for it. */
async function queriesFor(nhsNumbers: (string | null)[], query = allFieldsQuery(agency), as: Partial<Asking> = {}) {
  const representations = await grantedRepresentations(agency, nhsNumbers, as);
  agency.queries.length = 0;
  const res = await agency.request<Entities<HealthEntity | null>>(query, { representations }, { viewer: as.viewer });
  expect(dataOf(res)._entities).toHaveLength(nhsNumbers.length);
  expect(dataOf(res)._entities.every((e) => e !== null)).toBe(true);
  return { data: agency.queries.filter((q) => !isAudit(q)).length, audit: agency.queries.filter(isAudit).length, errors: res.errors };
}

describe('health subgraph batching (no N+1)', () => {
  const linked = people.map((p) => p.nhsNumber).filter((n): n is string => n !== null);

  it('costs the same number of queries for 1 young person as for 40', async () => {
    expect(linked.length).toBeGreaterThanOrEqual(40);
    const one = await queriesFor([linked[0]]);
    const forty = await queriesFor(linked.slice(0, 40));
    expect(one.errors).toBeUndefined();
    expect(forty).toEqual(one);
    // One for the patients, one per kind of record (13); the audit write one insert.
    expect(one.data).toBe(14);
    expect(one.audit).toBe(1);
  });

  it('does not multiply queries when the gateway repeats representations or mixes unlinked ones', async () => {
    const one = await queriesFor([linked[0]]);
    const repeated = await queriesFor([...linked.slice(0, 20), ...linked.slice(0, 20), null, null]);
    expect(repeated).toEqual(one);
  });

  it('stays batched when the policy withholds and filters (police) and for an auditor reading access logs', async () => {
    const police = { viewer: PERSONAS.policeLiaison };
    expect(await queriesFor(linked.slice(0, 40), allFieldsQuery(agency), police)).toMatchObject({
      data: (await queriesFor([linked[0]], allFieldsQuery(agency), police)).data,
    });
    const logs = entitiesQuery(agency, 'health', 'matchStatus accessLog { userId requestId withheld { field rule } }');
    const oneLog = await queriesFor([linked[0]], logs, AS.auditor);
    const fortyLogs = await queriesFor(linked.slice(0, 40), logs, AS.auditor);
    expect(oneLog.errors).toBeUndefined();
    expect(fortyLogs).toEqual(oneLog);
    expect(oneLog.data).toBe(2); // the patients, and the access log
  });
});
