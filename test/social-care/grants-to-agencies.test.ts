import { decodeJwt, type JWTPayload } from 'jose';
import { PERSONA_LIST, PERSONAS } from '../../kit/dev/personas';
import { generatePerson, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { RECEIVING_AGENCIES, type ReceivingAgency } from '../../kit/shared/agencies';
import type { Viewer } from '../../kit/shared/roles';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';

/**
 * Nothing of one agency's identity reaches another (DOMAIN.md §3, each agency keeps its own
 * identifier; §4, minimum necessary). A grant is what social care tells health, education or police
 * about a read of their data: it must carry the agency's own identifier, the purpose's kind and, where
 * a meeting gives the relationship, a reference made for that agency alone; never social care's person
 * id ("YP-000120"), its meeting ids ("YP-000120-M5"), its LA child id, or another agency's identifier.
 * Grants are decoded here as the receiving agency would (jose decodeJwt), from social care itself.
 */
const SIZE = 150;
const people = Array.from({ length: SIZE }, (_, i) => generatePerson(i, { size: SIZE, seed: 'test-seed', asOf: TEST_TODAY }));
const byId = new Map(people.map((p) => [p.id, p]));

/** What a receiving agency may learn from a grant, and nothing else: of the grant, then of each young person it names. */
const CLAIMS_AN_AGENCY_NEEDS = ['iss', 'aud', 'sub', 'iat', 'exp', 'rid', 'yps', 'pack'];
const CLAIMS_PER_YOUNG_PERSON = ['idf', 'pk', 'mtg', 'why'];
type NamedPerson = { idf: string | null; pk: PurposeKind; mtg?: string; why?: string };
const GRANT_MAX_PEOPLE = 10;

const GRANT_FIELDS = RECEIVING_AGENCIES.map((a) => a.grantField).join(' ');
interface Person {
  id: string;
  accessPurpose: { kind: PurposeKind; meetingId: string | null };
  meetings: { id: string; pack: Record<string, string | null> | null }[] | null;
  [grantField: string]: unknown;
}
const PERSON = `id accessPurpose { kind meetingId } ${GRANT_FIELDS} meetings { id pack { ${GRANT_FIELDS} } }`;

/** One grant as social care issued it, with what it was issued for. */
interface Issued {
  agency: ReceivingAgency;
  person: SyntheticYoungPerson;
  kind: PurposeKind;
  /** The meeting the purpose names in social care, if any. */
  meetingId: string | null;
  /** A meeting pack's grant. */
  packOf: string | null;
  claims: JWTPayload;
  /** What the grant says of this young person: the entry naming the agency's identifier for them. */
  named: NamedPerson | undefined;
  token: string;
  /** The request it was issued in. */
  request: string;
}

/** Everything social care's own identity of the young person, and every other agency's identifier for them. */
function othersIdentity(p: SyntheticYoungPerson, agency: ReceivingAgency, meetingIds: string[]): string[] {
  const others = RECEIVING_AGENCIES.filter((a) => a !== agency).map((a) => p[a.identifier.field as 'nhsNumber' | 'upn' | 'pncId']);
  return [p.id, p.laChildId, ...meetingIds, ...others].filter((v): v is string => !!v);
}

function expectNothingOfOthers(grant: Issued, meetingIds: string[]) {
  const text = JSON.stringify(grant.claims);
  const what = `${grant.agency.name}'s ${grant.kind} grant for ${grant.person.id}`;
  expect([what, Object.keys(grant.claims).filter((c) => !CLAIMS_AN_AGENCY_NEEDS.includes(c))]).toEqual([what, []]);
  const everyone = grant.claims.yps as NamedPerson[];
  expect([what, everyone.flatMap((p) => Object.keys(p)).filter((c) => !CLAIMS_PER_YOUNG_PERSON.includes(c))]).toEqual([what, []]);
  expect([what, text.match(/YP-\d{6}(-M\d+)?/g)]).toEqual([what, null]);
  for (const value of othersIdentity(grant.person, grant.agency, meetingIds)) expect([what, text.includes(value)]).toEqual([what, false]);
  // Its own identifier is what it needs to find the record, under the purpose social care decided.
  expect([what, grant.named?.pk]).toEqual([what, grant.kind]);
}

let agency: TestAgency;
const issued: Issued[] = [];

const identifierOf = (p: SyntheticYoungPerson, a: ReceivingAgency) => p[a.identifier.field as 'nhsNumber' | 'upn' | 'pncId'] ?? null;
const namedIn = (claims: JWTPayload, identifier: string | null) =>
  (claims.yps as NamedPerson[] | undefined)?.find((n) => n.idf === identifier);

async function grantsFor(viewer: Viewer, query: string, people: (data: unknown) => Person[]) {
  const res = await agency.request(query, {}, { viewer });
  // A notice of what is withheld (the auditor's meetings) is policy working; any other error is not.
  expect((res.errors ?? []).filter((e) => e.extensions.code !== 'WITHHELD')).toEqual([]);
  for (const p of people(dataOf(res))) {
    const person = byId.get(p.id)!;
    const { kind, meetingId } = p.accessPurpose;
    for (const a of RECEIVING_AGENCIES) {
      const request = `${viewer.id} ${query}`;
      const issue = (token: string, packOf: string | null) => {
        const claims = decodeJwt(token);
        issued.push({
          agency: a,
          person,
          kind,
          meetingId,
          packOf,
          claims,
          named: namedIn(claims, identifierOf(person, a)),
          token,
          request,
        });
      };
      issue(p[a.grantField] as string, null);
      for (const m of p.meetings ?? []) {
        const packToken = m.pack?.[a.grantField];
        if (packToken) issue(packToken, m.id);
      }
    }
  }
}

/** A justification as a worker types it in a hurry: social care's ids and every agency's identifier for the young person in it. */
const stranger = people.find((p) => p.nhsNumber && p.upn && p.pncId && !p.nwd)!;
const typedReason = `${stranger.id} went missing tonight after YP-000001-M2; NHS ${stranger.nhsNumber}, UPN ${stranger.upn}, PNC ${stranger.pncId}`;

beforeAll(async () => {
  agency = await startTestAgency(socialCareService, { size: SIZE });
  // Every persona's relationships as the seed gives them: allocation, statutory role, specialist
  // involvement, meeting invitation, action owner; with the packs of the meetings they may see.
  for (const viewer of PERSONA_LIST)
    await grantsFor(
      viewer,
      `{ nwdCaseload(first: 100) { nodes { ${PERSON} } } }`,
      (d) => (d as { nwdCaseload: { nodes: Person[] } }).nwdCaseload.nodes,
    );
  await grantsFor(
    PERSONAS.policeAnalyst,
    `{ youngPerson(id: "${stranger.id}", breakGlassReason: ${JSON.stringify(typedReason)}) { ${PERSON} } }`,
    (d) => [(d as { youngPerson: Person }).youngPerson],
  );
  await grantsFor(PERSONAS.auditor, `{ youngPerson(id: "${stranger.id}") { ${PERSON} } }`, (d) => [
    (d as { youngPerson: Person }).youngPerson,
  ]);
}, 60_000);
afterAll(() => agency?.stop());

const meetingIds = () => [...new Set(issued.flatMap((g) => [g.meetingId, g.packOf]).filter((m): m is string => !!m))];

describe("social care's grants to other agencies", () => {
  it.each(Object.values(PurposeKind).filter((k) => k !== PurposeKind.AGGREGATE_REPORTING))(
    'carry nothing of social care or another agency under %s',
    (kind) => {
      const grants = issued.filter((g) => g.kind === kind && !g.packOf);
      expect(grants.length).toBeGreaterThanOrEqual(RECEIVING_AGENCIES.length);
      const meetings = meetingIds();
      for (const grant of grants) expectNothingOfOthers(grant, meetings);
    },
  );

  it("carry, for a cohort's figures, only the receiving agency's own identifiers of its members and their referral dates", async () => {
    const res = await agency.request<{ cohortOutcomes: Record<string, string> }>(
      `{ cohortOutcomes(group: NWD_CASELOAD) { reference ${GRANT_FIELDS} } }`,
      {},
      { viewer: PERSONAS.boardMember },
    );
    const cohort = dataOf(res).cohortOutcomes;
    for (const a of RECEIVING_AGENCIES) {
      const claims = decodeJwt(cohort[a.grantField]);
      expect([a.name, Object.keys(claims).sort()]).toEqual([a.name, ['aud', 'coh', 'exp', 'iat', 'iss', 'pk', 'rid', 'sub']]);
      expect([a.name, claims.pk]).toEqual([a.name, PurposeKind.AGGREGATE_REPORTING]);
      const members = (claims.coh as { members: [string, string | null][] }).members;
      const own = new Set(people.map((p) => p[a.identifier.field as 'nhsNumber' | 'upn' | 'pncId']).filter((v): v is string => !!v));
      expect(members.length).toBeGreaterThan(0);
      expect([a.name, members.filter(([identifier]) => !own.has(identifier))]).toEqual([a.name, []]);
      expect([a.name, JSON.stringify(claims).match(/YP-\d{6}|MB\d{6}/g)]).toEqual([a.name, null]);
    }
  });

  it("carry nothing of social care or another agency for a meeting's pack", () => {
    const packs = issued.filter((g) => g.packOf);
    expect(packs.length).toBeGreaterThanOrEqual(RECEIVING_AGENCIES.length);
    const meetings = meetingIds();
    for (const grant of packs) expectNothingOfOthers(grant, meetings);
  });

  it('name a meeting by a reference made for each agency: the same for that agency every time, different for each agency', () => {
    const byMeeting = issued.filter((g) => g.meetingId && !g.packOf);
    expect(new Set(byMeeting.map((g) => g.kind))).toEqual(new Set([PurposeKind.MEETING_INVITATION, PurposeKind.ACTION_OWNER]));
    const references = new Map<string, Set<unknown>>();
    for (const g of byMeeting) {
      expect(g.named?.mtg).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const key = `${g.meetingId!} ${g.agency.name}`;
      references.set(key, (references.get(key) ?? new Set()).add(g.named?.mtg));
    }
    for (const [key, refs] of references) expect([key, refs.size]).toEqual([key, 1]);
    const meeting = byMeeting[0].meetingId!;
    const perAgency = RECEIVING_AGENCIES.map((a) => [...(references.get(`${meeting} ${a.name}`) ?? [])][0]);
    expect(perAgency.every(Boolean)).toBe(true);
    expect(new Set(perAgency).size).toBe(RECEIVING_AGENCIES.length);
    // No meeting at all for a relationship that is not a meeting's.
    for (const g of issued.filter((i) => !i.meetingId)) expect(g.named?.mtg).toBeUndefined();
  });

  it("carry a break-glass justification in the user's words to the agency whose record it opens, with only that agency's identifier left in it", () => {
    const breakGlass = issued.filter((g) => g.kind === PurposeKind.BREAK_GLASS);
    expect(breakGlass).toHaveLength(RECEIVING_AGENCIES.length);
    for (const g of breakGlass) {
      const why = g.named?.why as string;
      // A meeting id is social care's person id and a number: it reads as the person id it carries.
      expect(why).toContain('[person id] went missing tonight after [person id];');
      const own = stranger[g.agency.identifier.field as 'nhsNumber' | 'upn' | 'pncId']!;
      expect(why).toContain(own);
      for (const other of RECEIVING_AGENCIES.filter((a) => a !== g.agency)) expect(why).toContain(`[${other.identifier.label}]`);
    }
    for (const g of issued.filter((i) => i.kind !== PurposeKind.BREAK_GLASS)) expect(g.named?.why).toBeUndefined();
  });

  it("name a list's young people together, at most 10 to a grant and each once, so an agency checks a page's grants, not each young person's", () => {
    const lists = new Map<string, Issued[]>();
    for (const g of issued.filter((i) => !i.packOf)) {
      const key = `${g.request} ${g.agency.name}`;
      lists.set(key, [...(lists.get(key) ?? []), g]);
    }
    let together = 0;
    for (const [list, grants] of lists) {
      const tokens = new Set(grants.map((g) => g.token));
      // Only young people the request asked this agency about, each identifier once.
      const asked = new Set(grants.map((g) => identifierOf(g.person, g.agency)));
      for (const token of tokens) {
        const named = decodeJwt(token).yps as NamedPerson[];
        expect([list, named.length <= GRANT_MAX_PEOPLE]).toEqual([list, true]);
        expect([list, new Set(named.map((n) => n.idf)).size]).toEqual([list, named.length]);
        expect([list, named.filter((n) => !asked.has(n.idf))]).toEqual([list, []]);
        // The user's words about one young person never travel with another's.
        if (named.some((n) => n.pk === PurposeKind.BREAK_GLASS)) expect([list, named.length]).toEqual([list, 1]);
      }
      // Fewest grants: 10 to a grant, and more only where one identifier (or none linked) recurs under another purpose.
      const times = new Map<string | null, number>();
      for (const g of grants) {
        const identifier = identifierOf(g.person, g.agency);
        times.set(identifier, (times.get(identifier) ?? 0) + 1);
      }
      const recurring = Math.max(...times.values());
      expect([list, tokens.size <= Math.ceil(grants.length / GRANT_MAX_PEOPLE) + recurring - 1]).toEqual([list, true]);
      if (tokens.size < grants.length) together++;
    }
    // Every agency's grants for the caseloads of several young people were shared.
    expect(together).toBeGreaterThanOrEqual(RECEIVING_AGENCIES.length);
  });
});
