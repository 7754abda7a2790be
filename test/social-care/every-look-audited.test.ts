import { PERSONAS } from '../../kit/dev/personas';
import type { Viewer } from '../../kit/shared/roles';
import { generatePerson, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { teamFor } from '../../subgraphs/social-care/seeding/team';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf, type GraphQLBody } from '../support/graphql';

/**
 * Every look at a young person's record is written down before the answer leaves (README, "Who can
 * see what", 5). Asking for a young person or a meeting with nothing but `__typename` still tells the
 * asker that the record exists and is theirs to see, so it is a look like any other; break-glass is
 * allowed, recorded and raised for auditors however little is asked, and the alert says which child.
 */
const SIZE = 150;
const everyone = [...Array(SIZE).keys()].map((i) => generatePerson(i, { size: SIZE, seed: 'test-seed', asOf: TEST_TODAY }));
const allocatedToSocialWorker = (p: SyntheticYoungPerson) => teamFor(p).socialWorker.id === PERSONAS.socialWorker.id;
const REASON = 'Police report the young person missing tonight; need the placement history now';

let agency: TestAgency;
beforeAll(async () => {
  agency = await startTestAgency(socialCareService, { size: SIZE });
});
afterAll(() => agency?.stop());

/** Runs one request as the social worker (or `viewer`), and returns its answer and the audit records it left. */
async function looked<Data>(
  query: string,
  viewer: Viewer = PERSONAS.socialWorker,
): Promise<{ res: GraphQLBody<Data>; records: AuditRecord[] }> {
  const requestId = agency.nextRequestId();
  const res = await agency.request<Data>(query, {}, { viewer });
  return { res, records: await agency.orm.em.fork().find(AuditRecord, { requestId }, { orderBy: { subject: 'asc' } }) };
}

const readOf = (subject: string, purposeKind: string) =>
  expect.objectContaining({ subject, action: 'READ', purposeKind, userId: PERSONAS.socialWorker.id }) as unknown;

describe('every look at a young person or a meeting is audited, __typename alone included', () => {
  const mine = everyone.find(allocatedToSocialWorker)!;

  it('a young person by id', async () => {
    const { res, records } = await looked(`{ youngPerson(id: "${mine.id}") { __typename } }`);
    expect(dataOf(res)).toEqual({ youngPerson: { __typename: 'YoungPerson' } });
    expect(records).toEqual([readOf(mine.id, 'ALLOCATION')]);
  });

  it('a young person found by another agency’s identifier', async () => {
    const p = everyone.find((x) => allocatedToSocialWorker(x) && x.nhsNumber)!;
    const { res, records } = await looked(`{ youngPersonByIdentifier(nhsNumber: "${p.nhsNumber}") { __typename } }`);
    expect(dataOf(res)).toEqual({ youngPersonByIdentifier: { __typename: 'YoungPerson' } });
    expect(records).toEqual([readOf(p.id, 'ALLOCATION')]);
  });

  it('each young person on a page of the caseload', async () => {
    const { res, records } = await looked<{ nwdCaseload: { nodes: { __typename: string }[] } }>(
      `{ nwdCaseload(first: 100) { nodes { __typename } } }`,
      PERSONAS.keyWorker,
    );
    const listed = everyone.filter((p) => p.nwd && teamFor(p).keyWorker.id === PERSONAS.keyWorker.id);
    expect(listed.length).toBeGreaterThan(0);
    expect(dataOf(res).nwdCaseload.nodes).toHaveLength(listed.length);
    expect(records.map((r) => [r.subject, r.action, r.userId])).toEqual(
      listed.map((p) => [p.id, 'READ', PERSONAS.keyWorker.id]).sort((a, b) => a[0].localeCompare(b[0])),
    );
  });

  it('a meeting, as a look at the young person it is about', async () => {
    const p = everyone.find((x) => allocatedToSocialWorker(x) && x.nwd)!;
    const meetings = dataOf(
      await agency.request<{ youngPerson: { meetings: { id: string }[] } }>(`{ youngPerson(id: "${p.id}") { meetings { id } } }`),
    ).youngPerson.meetings;
    expect(meetings.length).toBeGreaterThan(0);
    const { res, records } = await looked(`{ meeting(id: "${meetings[0].id}") { __typename } }`);
    expect(dataOf(res)).toEqual({ meeting: { __typename: 'Meeting' } });
    expect(records).toEqual([readOf(p.id, 'ALLOCATION')]);
  });
});

describe('break-glass', () => {
  const stranger = everyone.find((p) => !allocatedToSocialWorker(p) && p.status === 'LOOKED_AFTER')!;

  it('is recorded however little is asked, and its alert names the young person', async () => {
    // No relationship: without a reason the record is not there at all.
    const refused = await agency.request(`{ youngPerson(id: "${stranger.id}") { __typename } }`);
    expect(refused.errors?.[0].extensions.code).toBe('NOT_FOUND');

    const { res, records } = await looked(`{ youngPerson(id: "${stranger.id}", breakGlassReason: "${REASON}") { __typename } }`);
    expect(dataOf(res)).toEqual({ youngPerson: { __typename: 'YoungPerson' } });
    expect(records).toEqual([expect.objectContaining({ subject: stranger.id, purposeKind: 'BREAK_GLASS', breakGlassReason: REASON })]);

    const alerts = await agency.request<{
      breakGlassAlerts: { youngPersonIdentifier: string; userId: string; breakGlassReason: string }[];
    }>(`{ breakGlassAlerts(first: 20) { youngPersonIdentifier userId breakGlassReason } }`, {}, { viewer: PERSONAS.auditor });
    expect(dataOf(alerts).breakGlassAlerts).toContainEqual({
      youngPersonIdentifier: stranger.id,
      userId: PERSONAS.socialWorker.id,
      breakGlassReason: REASON,
    });
  });
});
