import { randomUUID } from 'node:crypto';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { LEAD_AGENCY, type AgencyName } from '../../kit/shared/agencies';
import { openServiceDatabase } from '../../kit/subgraph/database';
import { PERSONAS } from '../../kit/dev/personas';
import { graphAsker, withoutAsked } from '../../scripts/misses/ask';
import { missCases, type MissCase } from '../../scripts/misses/cases';
import { findTargets, type Targets } from '../../scripts/misses/targets';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { TEST_TODAY } from '../support/agency';
import { GRAPH_SEED, startTestGraph, type TestGraph } from '../support/graph';

/**
 * README, "Who can see what": without a relationship "the answer is exactly the same as for a child who
 * does not exist: no data, and no hint that there is a record", and refusals are recorded. Through the
 * gateway, as an attacker with a valid account sees it, for every root field that takes an id and every
 * identifier search: the same status, body (but for the id asked) and headers, and in social care's
 * audit log one REFUSED record each, alike but for what was asked.
 */
const attacker = 'policeAnalyst' as const;
/**
 * Headers whose values differ between any two requests, whatever they ask (the body, compared itself,
 * gives its length and etag; the rate limit counts down): these must be present on both, alike or not.
 */
const PER_REQUEST = new Set(['date', 'x-request-id', 'content-length', 'etag', 'ratelimit']);

let graph: TestGraph;
let targets: Targets;
beforeAll(async () => {
  graph = await startTestGraph('sqlite');
  const ask = await graphAsker(graph.url, graph.issuer, attacker);
  const population = { size: Number(GRAPH_SEED.SEED_SIZE), seed: GRAPH_SEED.SEED, asOf: TEST_TODAY };
  targets = await findTargets(ask, population, 1, new Set(missCases().map((c) => c.targets)));
}, 240_000);
afterAll(() => graph?.stop(), 60_000);

async function send(c: MissCase, asked: string) {
  const requestId = `misses-${randomUUID()}`;
  const res = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(attacker)}`, 'x-request-id': requestId },
    body: JSON.stringify({ query: c.document, variables: c.variables(asked), operationName: c.operationName }),
  });
  const body: unknown = await res.json();
  const headers = Object.fromEntries([...res.headers].map(([name, value]) => [name, PER_REQUEST.has(name) ? '(per request)' : value]));
  return { requestId, status: res.status, headers, seen: withoutAsked(body, asked), body };
}

const answered: { name: string; refused: string; missed: string; refusedAbout: string; missedAbout: string }[] = [];

describe.each(missCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('answers "exists, no relationship" and "does not exist" alike', async () => {
    const { exists, missing } = targets[c.targets];
    const refused = await send(c, exists[0]);
    const missed = await send(c, missing[0]);
    expect(missed.status).toBe(refused.status);
    expect(missed.headers).toEqual(refused.headers);
    expect(missed.seen).toEqual(refused.seen);
    expect(refused.body).toMatchObject(
      c.name.startsWith('youngPersonByIdentifier')
        ? { data: { youngPersonByIdentifier: null } }
        : { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
    );
    answered.push({ name: c.name, refused: refused.requestId, missed: missed.requestId, refusedAbout: exists[0], missedAbout: missing[0] });
  });
});

it('audits each of them alike in social care: who asked for what, when', async () => {
  expect(answered).toHaveLength(missCases().length);
  const orm = await openServiceDatabase(socialCareService, graph.databases[LEAD_AGENCY.name as AgencyName]);
  try {
    const analyst = PERSONAS[attacker];
    const alike = {
      userId: analyst.id,
      userName: analyst.name,
      userAgency: analyst.agency,
      userRole: analyst.role,
      action: 'REFUSED',
      purposeKind: null,
      fieldsRead: '[]',
      withheld: '[]',
    };
    for (const a of answered) {
      const [refused, missed] = await Promise.all(
        [a.refused, a.missed].map((requestId) => orm.em.fork().find(AuditRecord, { requestId }, { orderBy: { seq: 'asc' } })),
      );
      expect([a.name, refused]).toEqual([a.name, [expect.objectContaining(alike)]]);
      expect([a.name, missed]).toEqual([a.name, [expect.objectContaining(alike)]]);
      // The refusal's subject is the young person; a miss's is what was asked for, as given (a person id) or named (nhsNumber:999…).
      expect(refused[0].subject).toMatch(/^YP-\d{6}$/);
      expect(missed[0].subject.endsWith(a.missedAbout)).toBe(true);
      expect(missed[0].at).toEqual(refused[0].at);
    }
  } finally {
    await orm.close(true);
  }
});
