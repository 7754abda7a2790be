import { readFileSync } from 'node:fs';
import type { ChronologyEntryBody, MatchStatus, TimelinessBody } from '../support/bodies';
import { join } from 'node:path';
import { REPO_ROOT } from '../../kit/shared/paths';
import { generatePerson, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { TEST_TODAY } from '../support/agency';
import { GRAPH_SEED, startTestGraph, type TestGraph } from '../support/graph';
import { dataOf, onlyWithheld, type GraphQLBody } from '../support/graphql';
import { PERSONAS } from '../../kit/dev/personas';
import { teamFor } from '../../subgraphs/social-care/seeding/team';

const SIZE = Number(GRAPH_SEED.SEED_SIZE);
export const people: SyntheticYoungPerson[] = [...Array(SIZE).keys()].map((i) =>
  generatePerson(i, { size: SIZE, seed: GRAPH_SEED.SEED, asOf: TEST_TODAY }),
);
const MULTI_AGENCY_VIEW = readFileSync(join(REPO_ROOT, 'gateway', 'operations', 'multi-agency-view.graphql'), 'utf8');

/** The default persona (the social worker) is allocated to these young people. */
export const allocatedToSocialWorker = (p: SyntheticYoungPerson) => teamFor(p).socialWorker.id === PERSONAS.socialWorker.id;
/** Known to all four agencies, under all three identifiers, and allocated to the social worker. */
export const matchedEverywhere = people.find(
  (p) => p.nhsNumber && p.upn && p.pncId && p.heldByHealth && p.heldByEducation && p.heldByPolice && allocatedToSocialWorker(p),
)!;

/** What every agency's record has: when not matched, everything but matchStatus is null. */
interface AgencyRecord {
  matchStatus: MatchStatus;
  chronology: ChronologyEntryBody[] | null;
}

/** The parts of gateway/operations/multi-agency-view.graphql's answer the suite reads. */
interface MultiAgencyView {
  youngPerson: {
    id: string;
    givenName: string;
    familyName: string;
    identifierLinks: { scheme: string; value: string; linkedOn: string; supersededOn: string | null }[] | null;
    currentStatus: { status: string; startDate: string } | null;
    chronology: ChronologyEntryBody[] | null;
    health: AgencyRecord & { reviewHealthAssessmentTimeliness: TimelinessBody | null };
    education: AgencyRecord & { pepTimeliness: TimelinessBody | null };
    police: AgencyRecord & { missingEpisodesInLastSixMonths: number | null };
  };
}

/** The graph through the gateway, as a meeting tool uses it. Run against SQLite and against PostgreSQL. */
export function graphSuite(kind: 'sqlite' | 'postgres', graphRef: { graph?: TestGraph }) {
  const gql = <Data = unknown>(query: string, variables?: Record<string, unknown>) => graphRef.graph!.request<Data>(query, variables);

  beforeAll(async () => {
    graphRef.graph = await startTestGraph(kind);
  }, 240_000);
  afterAll(async () => graphRef.graph?.stop(), 60_000);

  it('returns one young person with non-empty data from all four subgraphs in one query', async () => {
    expect(matchedEverywhere).toBeDefined();
    const { status, body } = await gql<MultiAgencyView>(MULTI_AGENCY_VIEW, { id: matchedEverywhere.id });
    expect(status).toBe(200);
    expect(onlyWithheld(body.errors)).toBe(true);
    const yp = dataOf(body).youngPerson;
    expect(yp).toMatchObject({ id: matchedEverywhere.id, givenName: matchedEverywhere.givenName });
    // Social care staff read every agency's identifier in the cross-reference, with its provenance.
    expect(yp.identifierLinks?.filter((l) => !l.supersededOn).map((l) => [l.scheme, l.value])).toEqual(
      expect.arrayContaining([
        ['NHS_NUMBER', matchedEverywhere.nhsNumber],
        ['UPN', matchedEverywhere.upn],
        ['PNC_ID', matchedEverywhere.pncId],
      ]),
    );
    expect(yp.currentStatus?.status).toBe(matchedEverywhere.status);
    expect(yp.chronology?.length).toBeGreaterThan(0);
    for (const agency of ['health', 'education', 'police'] as const) {
      expect(yp[agency].matchStatus).toBe('MATCHED');
      expect(yp[agency].chronology?.length).toBeGreaterThan(0);
      expect(yp[agency].chronology?.every((e) => e.agency === agency)).toBe(true);
    }
    expect(yp.health.reviewHealthAssessmentTimeliness?.status).toMatch(/UP_TO_DATE|DUE_SOON|OVERDUE|NOT_APPLICABLE/);
    expect(yp.education.pepTimeliness?.status).toMatch(/UP_TO_DATE|DUE_SOON|OVERDUE|NOT_APPLICABLE/);
    expect(typeof yp.police.missingEpisodesInLastSixMonths).toBe('number');
  });

  it('shows an agency that cannot be matched as not matched, with null (not empty) data', async () => {
    const noPnc = people.find((p) => !p.pncId && p.nhsNumber && p.heldByHealth && allocatedToSocialWorker(p))!;
    const { body } = await gql<{
      youngPerson: {
        police: {
          matchStatus: MatchStatus;
          missingEpisodes: { reportedAt: string }[] | null;
          arrests: { arrestedOn: string }[] | null;
          chronology: { date: string }[] | null;
        };
        health: { matchStatus: MatchStatus };
      };
    }>(
      `query($id: ID!) { youngPerson(id: $id) { police { matchStatus missingEpisodes { reportedAt } arrests { arrestedOn } chronology { date } } health { matchStatus } } }`,
      { id: noPnc.id },
    );
    expect(body.errors).toBeUndefined();
    expect(dataOf(body).youngPerson).toEqual({
      police: { matchStatus: 'NOT_LINKED', missingEpisodes: null, arrests: null, chronology: null },
      health: { matchStatus: 'MATCHED' },
    });
    const notHeld = people.find((p) => p.nhsNumber && !p.heldByHealth && allocatedToSocialWorker(p));
    if (notHeld) {
      const res = await gql<{ youngPerson: { health: { matchStatus: MatchStatus; dentalChecks: { checkedOn: string }[] | null } } }>(
        `query($id: ID!) { youngPerson(id: $id) { health { matchStatus dentalChecks { checkedOn } } } }`,
        {
          id: notHeld.id,
        },
      );
      expect(dataOf(res.body).youngPerson.health).toEqual({ matchStatus: 'NO_RECORD_FOR_IDENTIFIER', dentalChecks: null });
    }
  });

  it("pages the NWD caseload with every agency's match status, batched across subgraphs", async () => {
    const { body } = await gql<{
      nwdCaseload: {
        totalCount: number;
        nodes: {
          id: string;
          health: { matchStatus: MatchStatus };
          education: { matchStatus: MatchStatus };
          police: { matchStatus: MatchStatus };
        }[];
      };
    }>(`{ nwdCaseload(first: 100) { totalCount nodes { id health { matchStatus } education { matchStatus } police { matchStatus } } } }`);
    expect(body.errors).toBeUndefined();
    const nwd = people.filter((p) => p.nwd && allocatedToSocialWorker(p));
    expect(nwd.length).toBeGreaterThan(0);
    const { nwdCaseload } = dataOf(body);
    expect(nwdCaseload.totalCount).toBe(nwd.length);
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const node of nwdCaseload.nodes) {
      const p = byId.get(node.id)!;
      expect(node.police.matchStatus).toBe(!p.pncId ? 'NOT_LINKED' : p.heldByPolice ? 'MATCHED' : 'NO_RECORD_FOR_IDENTIFIER');
      expect(node.health.matchStatus).toBe(!p.nhsNumber ? 'NOT_LINKED' : p.heldByHealth ? 'MATCHED' : 'NO_RECORD_FOR_IDENTIFIER');
    }
  });

  it("finds a young person by another agency's identifier", async () => {
    const { body } = await gql<{ youngPersonByIdentifier: { id: string; police: { matchStatus: MatchStatus } } | null }>(
      `query($pnc: String) { youngPersonByIdentifier(pncId: $pnc) { id police { matchStatus } } }`,
      { pnc: matchedEverywhere.pncId },
    );
    expect(dataOf(body).youngPersonByIdentifier).toEqual({ id: matchedEverywhere.id, police: { matchStatus: 'MATCHED' } });
  });

  it.each([
    ['a malformed NHS number', `{ youngPersonByIdentifier(nhsNumber: "943 476 5918") { id } }`, 'nhsNumber'],
    ['an oversized page', `{ nwdCaseload(first: 101) { totalCount } }`, 'first'],
    ['a malformed person id', `{ youngPerson(id: "'; drop table young_person; --") { id } }`, 'id'],
  ])('answers %s with BAD_USER_INPUT naming the field, through the gateway', async (_what, query, field) => {
    const { body } = await gql(query);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors![0].message).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.js/);
  });

  it('answers unknown ids, wrong types and malformed JSON clearly, and keeps serving', async () => {
    const unknown = await gql(`{ youngPerson(id: "YP-999999") { id } }`);
    expect(unknown.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const typed = await gql(`{ nwdCaseload(first: "ten") { totalCount } }`);
    expect(typed.status).toBe(400);
    expect(typed.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const unknownOperation of [
      'mutation { x }',
      '{ youngPerson(id: "YP-000001") { shoeSize } }',
      'subscription { meetings { id } }',
    ]) {
      const res = await gql(unknownOperation);
      expect([unknownOperation, res.status, res.body.errors![0].extensions.code]).toEqual([
        unknownOperation,
        400,
        'GRAPHQL_VALIDATION_FAILED',
      ]);
    }
    // A date the agency's own scalar refuses: relayed as the client's mistake, naming the variable, not an outage.
    const badDate = await gql(
      'mutation($d: LocalDate!) { rescheduleMeeting(meetingId: "YP-000001-M1", expectedVersion: 1, date: $d) { id } }',
      {
        d: '2026-02-30',
      },
    );
    expect(badDate.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'd' });
    const raw = await fetch(graphRef.graph!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ youngPerson(',
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as GraphQLBody<never>).errors![0].message).toMatch(/Malformed JSON/);
    const huge = await fetch(graphRef.graph!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(200_000) }),
    });
    expect(huge.status).toBe(413);
    const after = await gql<{ youngPerson: { id: string } }>(`{ youngPerson(id: "${matchedEverywhere.id}") { id } }`);
    expect(dataOf(after.body).youngPerson.id).toBe(matchedEverywhere.id);
  });
}
