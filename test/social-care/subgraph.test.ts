import { service as socialCareService } from '../../subgraphs/social-care/service';
import { generatePerson, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { PERSONA_LIST, PERSONAS } from '../../kit/dev/personas';
import { teamFor } from '../../subgraphs/social-care/seeding/team';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';

const SIZE = 150;
const person = (i: number) => generatePerson(i, { size: SIZE, seed: 'test-seed', asOf: TEST_TODAY });
const everyone = [...Array(SIZE).keys()].map(person);
/** The social worker persona (the default viewer) is allocated to about a third of young people. */
const allocatedToSocialWorker = (p: SyntheticYoungPerson) => teamFor(p).socialWorker.id === PERSONAS.socialWorker.id;
const keyWorkerFor = (p: SyntheticYoungPerson) => p.nwd && teamFor(p).keyWorker.id === PERSONAS.keyWorker.id;
const visible = everyone.filter(allocatedToSocialWorker);

let agency: TestAgency;
beforeAll(async () => {
  agency = await startTestAgency(socialCareService, { size: SIZE });
  expect(visible.length).toBeGreaterThan(20);
});
afterAll(() => agency?.stop());

interface YoungPersonId {
  youngPerson: { id: string };
}
interface ByIdentifier {
  youngPersonByIdentifier: { id: string } | null;
}
/** A page of the NWD caseload, with the parts of it a query selects. */
interface NwdCaseload<Page> {
  nwdCaseload: Page;
}
type Count = { totalCount: number };
type Ids = { nodes: { id: string }[] };
/** Entity references resolve to a young person, or null when unknown or not to be seen. */
interface Entities<Entity = { id: string }> {
  _entities: (Entity | null)[];
}

const DEEP = `
  id givenName familyName age nhsNumber upn pncId
  identifierLinks { scheme value method linkedBy linkedOn }
  currentStatus { status startDate } caseStatusHistory { status }
  currentLegalStatus { legalStatus } placements { placementType startDate endDate reasonForChange }
  placementMovesInLast12Months missingFromCare { type startedAt } plans { type agreedOn }
  statutoryVisits { visitedOn seenAlone } assessmentFactors { factor }
  nwdInvolvements { keyWorker priority } onNwdCaseload specialistInvolvements { specialist }
  meetings { id kind status attendees { agency attendance } attendanceByAgency { agency invited attended }
             scalingScores { score } strengths { text } risks { text } actions { owningAgency dueDate overdue } }
  chronology { date kind }
`;

describe('social care subgraph', () => {
  it('returns a young person with their identifiers from the cross-reference', async () => {
    const p = visible[0];
    const res = await agency.request<{
      youngPerson: {
        id: string;
        givenName: string;
        familyName: string;
        dateOfBirth: string;
        nhsNumber: string | null;
        upn: string | null;
        pncId: string | null;
      };
    }>(`{ youngPerson(id: "${p.id}") { id givenName familyName dateOfBirth nhsNumber upn pncId } }`);
    expect(res.errors).toBeUndefined();
    expect(dataOf(res).youngPerson).toEqual({
      id: p.id,
      givenName: p.givenName,
      familyName: p.familyName,
      dateOfBirth: p.dateOfBirth,
      nhsNumber: p.nhsNumber,
      upn: p.upn,
      pncId: p.pncId,
    });
  });

  it('finds a young person by any agency identifier, and validates it', async () => {
    const p = everyone.find((x) => x.nhsNumber && x.upn && allocatedToSocialWorker(x))!;
    const byNhs = await agency.request<ByIdentifier>(
      `{ youngPersonByIdentifier(nhsNumber: "${p.nhsNumber!.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3')}") { id } }`,
    );
    expect(dataOf(byNhs).youngPersonByIdentifier).toEqual({ id: p.id });
    const byUpn = await agency.request<ByIdentifier>(`{ youngPersonByIdentifier(upn: "${p.upn}") { id } }`);
    expect(dataOf(byUpn).youngPersonByIdentifier).toEqual({ id: p.id });

    const bad = await agency.request(`{ youngPersonByIdentifier(upn: "A801200005001") { id } }`);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'upn' });
    const two = await agency.request(`{ youngPersonByIdentifier(upn: "B801200005001", pncId: "2008/0056560Z") { id } }`);
    expect(two.errors![0].message).toMatch(/exactly one/);
    const unknown = await agency.request(`{ youngPersonByIdentifier(nhsNumber: "9434765919") { id } }`);
    expect(unknown).toEqual({ data: { youngPersonByIdentifier: null } });
  });

  it('pages through the NWD caseload: only young people the viewer has a relationship with', async () => {
    const asKeyWorker = { viewer: PERSONAS.keyWorker };
    const all = await agency.request<NwdCaseload<Count & { nodes: { id: string; onNwdCaseload: boolean | null }[] }>>(
      `{ nwdCaseload(first: 100) { totalCount nodes { id onNwdCaseload } } }`,
      {},
      asKeyWorker,
    );
    const expected = everyone.filter(keyWorkerFor);
    expect(expected.length).toBeGreaterThan(2);
    expect(everyone.filter((p) => p.nwd).length).toBeGreaterThan(expected.length);
    const wholeCaseload = dataOf(all).nwdCaseload;
    expect(wholeCaseload.totalCount).toBe(expected.length);
    expect(wholeCaseload.nodes.map((n) => n.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(wholeCaseload.nodes.every((n) => n.onNwdCaseload)).toBe(true);

    const first = await agency.request<NwdCaseload<Ids & { pageInfo: { hasNextPage: boolean; endCursor: string | null } }>>(
      `{ nwdCaseload(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      {},
      asKeyWorker,
    );
    const second = await agency.request<NwdCaseload<Ids>>(
      `query($after: String) { nwdCaseload(first: 2, after: $after) { nodes { id } } }`,
      {
        after: dataOf(first).nwdCaseload.pageInfo.endCursor,
      },
      asKeyWorker,
    );
    expect(dataOf(first).nwdCaseload.pageInfo.hasNextPage).toBe(expected.length > 2);
    expect([...dataOf(first).nwdCaseload.nodes, ...dataOf(second).nwdCaseload.nodes].map((n) => n.id)).toEqual(
      wholeCaseload.nodes.slice(0, 4).map((n) => n.id),
    );
    const red = await agency.request<NwdCaseload<Count>>(
      `{ nwdCaseload(first: 100, filter: { priority: RED }) { totalCount } }`,
      {},
      asKeyWorker,
    );
    expect(dataOf(red).nwdCaseload.totalCount).toBeLessThanOrEqual(expected.length);
    const teacher = await agency.request<NwdCaseload<Count>>(
      `{ nwdCaseload(first: 100) { totalCount } }`,
      {},
      { viewer: PERSONAS.lifeCoach },
    );
    expect(dataOf(teacher).nwdCaseload.totalCount).toBeLessThan(everyone.filter((p) => p.nwd).length);
  });

  it.each([
    ['an oversized page', `{ nwdCaseload(first: 5000) { totalCount } }`, 'first'],
    ['a forged cursor', `{ nwdCaseload(first: 5, after: "nonsense") { totalCount } }`, 'after'],
    ['a malformed id', `{ youngPerson(id: "1 OR 1=1") { id } }`, 'id'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, query, field) => {
    const res = await agency.request(query);
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  // The caseload is narrowed in SQL to the young people a viewer may have a purpose for, then the rule
  // decides: for every persona it must be exactly those on the caseload whom the rule opens to them,
  // one by one, as a reference to each resolves (an auditor's purpose opens logs, not a caseload).
  it.each(PERSONA_LIST.map((viewer) => [viewer.role, viewer] as const))(
    'gives the %s exactly the young people on the caseload the relationship rule opens to them',
    async (_role, viewer) => {
      const caseload = await agency.request<NwdCaseload<Count & Ids>>(
        `{ nwdCaseload(first: 100) { totalCount nodes { id } } }`,
        {},
        { viewer },
      );
      const oneByOne = await agency.request<Entities<{ id: string; onNwdCaseload: boolean | null; accessPurpose: { kind: string } }>>(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on YoungPerson { id onNwdCaseload accessPurpose { kind } } } }`,
        { representations: everyone.map((p) => ({ __typename: 'YoungPerson', id: p.id })) },
        { viewer },
      );
      const opened = dataOf(oneByOne)._entities.filter((p) => p && p.onNwdCaseload && p.accessPurpose.kind !== 'AUDIT');
      expect(
        dataOf(caseload)
          .nwdCaseload.nodes.map((n) => n.id)
          .sort(),
      ).toEqual(opened.map((p) => p!.id).sort());
      expect(dataOf(caseload).nwdCaseload.totalCount).toBe(opened.length);
    },
  );

  it('says NOT_FOUND for an unknown id, and a wrong type is a validation error', async () => {
    const res = await agency.request(`{ youngPerson(id: "YP-999999") { id } }`);
    expect(res.errors![0].extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
    const typed = await agency.request(`{ nwdCaseload(first: "ten") { totalCount } }`);
    expect(typed.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const still = await agency.request<YoungPersonId>(`{ youngPerson(id: "${visible[0].id}") { id } }`);
    expect(dataOf(still).youngPerson.id).toBe(visible[0].id);
  });

  it('resolves entity references by id and by each agency identifier, batched', async () => {
    // An auditor has the AUDIT purpose for everyone, and may read who a young person is.
    const people = everyone;
    const withPnc = people.find((p) => p.pncId)!;
    const notAllocated = everyone.find((p) => !allocatedToSocialWorker(p))!;
    const res = await agency.request<Entities>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on YoungPerson { id } } }`,
      {
        r: [
          { __typename: 'YoungPerson', id: people[1].id },
          { __typename: 'YoungPerson', nhsNumber: people.find((p) => p.nhsNumber)!.nhsNumber },
          { __typename: 'YoungPerson', pncId: withPnc.pncId },
          { __typename: 'YoungPerson', id: 'YP-999999' },
        ],
      },
      { viewer: PERSONAS.auditor },
    );
    expect(dataOf(res)._entities).toEqual([{ id: people[1].id }, { id: people.find((p) => p.nhsNumber)!.id }, { id: withPnc.id }, null]);
    // Unknown, and known but no relationship, look exactly the same.
    const refused = await agency.request(`query($r: [_Any!]!) { _entities(representations: $r) { ... on YoungPerson { id } } }`, {
      r: [
        { __typename: 'YoungPerson', id: notAllocated.id },
        { __typename: 'YoungPerson', id: 'YP-999999' },
      ],
    });
    expect(refused).toEqual({ data: { _entities: [null, null] } });
  });

  it('sends the same number of SQL queries for 1 young person as for 40 (no N+1)', async () => {
    // The single young person has every kind of record (an NWD young person with meetings), so both requests touch every table.
    const full = everyone.find((p) => keyWorkerFor(p) && p.status === 'LOOKED_AFTER')!;
    const caseload = everyone.filter(keyWorkerFor);
    const notTheirs = everyone.filter((p) => !keyWorkerFor(p));
    // The viewer's own young people, repeated as the gateway sends them.
    const theirs = (n: number) => [...Array(n).keys()].map((i) => (i === 0 ? full : caseload[i % caseload.length]));
    // Young people this viewer may not see mixed in: the rule then also reads the viewer's meetings about them.
    const mixed = (n: number) => theirs(n).map((p, i) => (i % 5 === 4 ? notTheirs[i % notTheirs.length] : p));
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on YoungPerson { ${DEEP} } } }`;
    const count = async (people: SyntheticYoungPerson[]) => {
      agency.queries.length = 0;
      const r = people.map((p) => ({ __typename: 'YoungPerson', id: p.id }));
      const res = await agency.request<Entities<unknown>>(query, { r }, { viewer: PERSONAS.keyWorker });
      expect(res.errors).toBeUndefined();
      expect(dataOf(res)._entities).toHaveLength(people.length);
      return agency.queries.length;
    };
    await count(theirs(1)); // the service then knows its audit chain's head, as any serving one does
    const one = await count(theirs(1));
    expect(one).toBeGreaterThan(5);
    expect(await count(theirs(40))).toBe(one);
    expect(await count(mixed(40))).toBe(await count(mixed(5)));
  });
});
