import type { EntityManager } from '@mikro-orm/core';
import { PERSONAS, type PersonaName } from '../../kit/dev/personas';
import { DEFAULT_POPULATION, generatePerson, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { openServiceDatabase } from '../../kit/subgraph/database';
import type { AgencyService } from '../../kit/subgraph/service';
import { EmergencyAttendance, Patient } from '../../subgraphs/health/entities';
import { service as healthService } from '../../subgraphs/health/service';
import { MissingEpisode, Nominal } from '../../subgraphs/police/entities';
import { MissingRiskGrading } from '../../subgraphs/police/enums';
import { service as policeService } from '../../subgraphs/police/service';
import { MissingFromCareEpisode } from '../../subgraphs/social-care/entities/episodes';
import { EmergencyAttendanceReason } from '../../subgraphs/health/enums';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { socialCareSeeder } from '../../subgraphs/social-care/seed';
import { teamFor } from '../../subgraphs/social-care/seeding/team';
import { Meeting } from '../../subgraphs/social-care/entities/meetings';
import { SpecialistInvolvement } from '../../subgraphs/social-care/entities/nwd';
import { MeetingStatus, MissingFromCareType, NwdSpecialist } from '../../subgraphs/social-care/enums';
import { recordsOf, rowsOf } from '../support/synthetic';
import { AGENCIES, RECEIVING_AGENCIES } from '../../kit/shared/agencies';
import { addDays } from '../../kit/subgraph/dates';
import { TEST_TODAY } from '../support/agency';
import { startTestGraph, type TestGraph } from '../support/graph';
import { dataOf, onlyWithheld, type GraphQLBody } from '../support/graphql';
import { operation } from '../../scripts/operations';
import { postgresAvailable } from '../support/postgres';

/**
 * A whole RAISE cycle through the gateway, as the personas work it, on the README's population (600
 * young people, seed nwd-synthetic-1): the hub schedules an early RAISE meeting for a young person after a
 * weekend of concern and invites the designated teacher and the police liaison officer; they read the
 * pack; the chair records the meeting with scores and actions owned by three agencies; each owner
 * reports on its own action. Four weeks on (the subgraphs restarted with a later clock), the late
 * actions are listed, the next meeting's pack shows what changed since, and the first meeting's
 * snapshot still reads as it did.
 */
const { keyWorker, designatedTeacher: teacher, policeLiaison } = PERSONAS;
const OPTIONS = { ...DEFAULT_POPULATION, asOf: TEST_TODAY };
const PEOPLE = Array.from({ length: DEFAULT_POPULATION.size }, (_, i) => generatePerson(i, OPTIONS));
/** On the NWD caseload (still open) with the key worker persona allocated: the hub works with them. */
const onKeyWorkersCaseload = (p: SyntheticYoungPerson) =>
  !!p.nwdJourney && !p.nwdJourney.closedOn && teamFor(p).keyWorker.id === keyWorker.id;
/**
 * The young person of the cycle: looked after and on the key worker's caseload, known to all four
 * agencies, with no designated teacher allocated and RAISE meetings already held (the first meeting's
 * pack compares scores with the one before).
 */
const PERSON = PEOPLE.find(
  (p) =>
    p.status === 'LOOKED_AFTER' &&
    onKeyWorkersCaseload(p) &&
    !!p.nhsNumber &&
    !!p.upn &&
    !!p.pncId &&
    p.heldByHealth &&
    p.heldByEducation &&
    p.heldByPolice &&
    !teamFor(p).designatedTeacher &&
    rowsOf(recordsOf(socialCareSeeder, p, OPTIONS), Meeting).some((m) => m.status === MeetingStatus.HELD && m.heldOn < TEST_TODAY),
)!;
/** Chronologies merge whichever identifiers are linked: one young person without a PNC ID, one with neither NHS number nor UPN. */
const WITHOUT_PNC_ID = PEOPLE.find((p) => onKeyWorkersCaseload(p) && !p.pncId && p.nhsNumber && p.upn)!;
const WITHOUT_NHS_NUMBER_OR_UPN = PEOPLE.find((p) => onKeyWorkersCaseload(p) && !p.nhsNumber && !p.upn)!;
/** A young person the life coach works with, through an open NWD involvement. */
const WITH_LIFE_COACH = PEOPLE.find(
  (p) =>
    !!p.nwdJourney &&
    !p.nwdJourney.closedOn &&
    rowsOf(recordsOf(socialCareSeeder, p, OPTIONS), SpecialistInvolvement).some((s) => s.specialist === NwdSpecialist.LIFE_COACH),
)!;
/** Four weeks and a day after the first meeting: the invitations' 28 days are over. */
const NEXT_MEETING_DAY = '2026-12-22';

interface Attendee {
  id: string;
  practitionerId: string | null;
  agency: string;
}
interface Action {
  id: string;
  owningAgency: string;
  ownerId: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  version: number;
}
interface MeetingBody {
  id: string;
  heldOn: string;
  status: string;
  version: number;
  attendees: Attendee[];
  actions: Action[];
}
interface Snapshot {
  frozenAt: string;
  viewerId: string;
  content: string;
  notices: string;
  contentHash: string;
}
interface SnapshotBody {
  meeting: {
    pack: { frozen: Snapshot | null; healthSnapshot: Snapshot | null; educationSnapshot: Snapshot | null; policeSnapshot: Snapshot | null };
  };
}
interface PackBody {
  meeting: {
    id: string;
    youngPerson: { id: string };
    pack: {
      since: string;
      previousMeeting: { id: string } | null;
      previousActions: Action[];
      scalingScoreTrend: { heldOn: string; average: number | null }[];
      scalingScoreChange: number | null;
      missingFromCareSince: { type: string; startedAt: string }[];
      health: { since: string; emergencyAttendances: { attendedOn: string; reason: string | null }[] | null };
      education: { since: string; suspensions: unknown[] | null };
      police: { since: string; missingEpisodes: { reportedAt: string; foundAt: string | null }[] | null };
    };
  };
}
type AgencyChronologies = { chronology: ChronologyEntry[] | null } & Record<
  'education' | 'health' | 'police',
  { chronology: ChronologyEntry[] | null }
>;
interface MyActionsPage {
  nodes: (Action & { meeting: { id: string } })[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface ChronologyPage {
  entries: ChronologyEntry[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface ChronologyEntry {
  date: string;
  agency: string;
  kind: string;
  summary: string;
  significance: string;
}

const kinds = postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(kinds)('a RAISE cycle through the gateway (%s)', (kind) => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(kind, { population: { SEED: DEFAULT_POPULATION.seed, SEED_SIZE: String(DEFAULT_POPULATION.size) } });
  }, 300_000);
  afterAll(async () => graph?.stop(), 60_000);

  /** Runs an example operation from gateway/operations as `persona`, with the variables given. */
  const run = async <Data>(name: string, persona: PersonaName, variables: Record<string, unknown>, operationName?: string) =>
    (await graph.request<Data>(operation(name).document, variables, { persona, operationName })).body;
  const code = (body: GraphQLBody<unknown>) => body.errors?.[0]?.extensions.code;
  const sees = async (persona: PersonaName) =>
    !!(await graph.request<{ youngPerson: { id: string } }>(`{ youngPerson(id: "${PERSON.id}") { id } }`, {}, { persona })).body.data;

  let first: MeetingBody;
  let snapshotsWhenRecorded: SnapshotBody;

  it('is about a young person on the NWD caseload, known to all four agencies, with no designated teacher allocated', () => {
    expect(PERSON).toMatchObject({ nwd: true, heldByHealth: true, heldByEducation: true, heldByPolice: true });
    expect(WITHOUT_PNC_ID).toBeDefined();
    expect(WITHOUT_NHS_NUMBER_OR_UPN).toBeDefined();
    expect(WITH_LIFE_COACH).toBeDefined();
  });

  it('lets the hub see who is due, schedule an early RAISE meeting and stand down the routine one', async () => {
    const { body } = await graph.request<{ youngPerson: { nextRaiseDue: string; nextRaiseMeeting: { id: string; version: number } } }>(
      `{ youngPerson(id: "${PERSON.id}") { nextRaiseDue nextRaiseMeeting { id version } } }`,
      {},
      { persona: 'keyWorker' },
    );
    const { nextRaiseDue, nextRaiseMeeting: routineMeeting } = dataOf(body).youngPerson;
    const before = addDays(nextRaiseDue, 1);
    const due = dataOf(await run<{ nwdCaseload: { nodes: { id: string; nextRaiseDue: string }[] } }>('who-is-due', 'keyWorker', { before }))
      .nwdCaseload.nodes;
    expect(due.find((p) => p.id === PERSON.id)?.nextRaiseDue).toBe(nextRaiseDue);
    expect(due.every((p) => p.nextRaiseDue < before)).toBe(true);

    const input = { youngPersonId: PERSON.id, kind: 'RAISE', date: TEST_TODAY };
    const scheduled = await run<{ scheduleMeeting: MeetingBody }>('schedule-meeting', 'keyWorker', { input, idempotencyKey: 'cycle-0001' });
    const retried = await run<{ scheduleMeeting: MeetingBody }>('schedule-meeting', 'keyWorker', { input, idempotencyKey: 'cycle-0001' });
    expect(dataOf(retried).scheduleMeeting.id).toBe(dataOf(scheduled).scheduleMeeting.id);
    first = { ...dataOf(scheduled).scheduleMeeting, attendees: [], actions: [] };
    expect(first).toMatchObject({ status: 'SCHEDULED', heldOn: TEST_TODAY, version: 1 });

    const cancelled = await run<{ cancelMeeting: { status: string } }>(
      'change-meeting',
      'keyWorker',
      {
        meetingId: routineMeeting.id,
        expectedVersion: routineMeeting.version,
        reason: `Brought forward to ${TEST_TODAY} after a weekend of concern`,
      },
      'CancelMeeting',
    );
    expect(dataOf(cancelled).cancelMeeting.status).toBe('CANCELLED');
  });

  it('lets the hub invite the designated teacher and the police liaison officer, who then see the pack', async () => {
    expect(await sees('designatedTeacher')).toBe(false);
    expect(code(await run('meeting-pack', 'designatedTeacher', { meetingId: first.id }))).toBe('NOT_FOUND');
    for (const invitee of [teacher, policeLiaison]) {
      const res = await run<{ inviteToMeeting: MeetingBody }>('invite-to-meeting', 'keyWorker', {
        meetingId: first.id,
        invitee: { userId: invitee.id, name: invitee.name, role: invitee.role, agency: invitee.agency },
      });
      first = { ...first, ...dataOf(res).inviteToMeeting };
    }
    expect(first.attendees.map((a) => a.practitionerId)).toEqual([teacher.id, policeLiaison.id]);
    const consent = await run<{ recordYoungPersonsConsent: { version: number } }>('record-young-persons-consent', 'keyWorker', {
      meetingId: first.id,
      expectedVersion: first.version,
      agreed: true,
      views: '(synthetic) Fine for school and the police officer to come; wants to talk about weekends.',
    });
    first.version = dataOf(consent).recordYoungPersonsConsent.version;

    for (const persona of ['designatedTeacher', 'policeLiaison'] as const) {
      const pack = await run<PackBody>('meeting-pack', persona, { meetingId: first.id });
      expect(onlyWithheld(pack.errors)).toBe(true);
      expect(dataOf(pack).meeting.youngPerson.id).toBe(PERSON.id);
      expect(dataOf(pack).meeting.pack.previousMeeting).not.toBeNull();
    }
  });

  it('lets the chair record the meeting, with scores and three actions owned by three agencies, and freezes the pack shown', async () => {
    const [teacherSeat, policeSeat] = first.attendees;
    const input = {
      attendance: [
        { attendeeId: teacherSeat.id, attendance: 'ATTENDED_IN_PERSON' },
        { attendeeId: policeSeat.id, attendance: 'ATTENDED_VIRTUALLY' },
      ],
      youngPersonAgreedToBeDiscussed: true,
      youngPersonViews: '(synthetic) Wants to stay at the hub; weekends are boring.',
      scalingScores: [
        { attendeeId: teacherSeat.id, score: 6, rationale: 'In school every day this half term.' },
        { attendeeId: policeSeat.id, score: 4, rationale: 'Seen with older males at the station on Saturday.' },
      ],
      strengths: ['Trusts the life coach', 'Good attendance'],
      risks: [
        { category: 'GOING_MISSING', text: 'Out late at weekends' },
        { category: 'CRIMINAL_EXPLOITATION', text: 'Seen with older males at the station' },
      ],
      analysis: 'Risk is at weekends, away from the hub and school.',
      plan: 'Weekend activities with the life coach; share locations of concern; review the timetable.',
      nextReviewOn: NEXT_MEETING_DAY,
      actions: [
        {
          description: 'Review the timetable',
          owningAgency: 'EDUCATION',
          ownerId: teacher.id,
          dueDate: '2026-12-01',
        },
        {
          description: 'Share locations of concern with the hub',
          owningAgency: 'POLICE',
          ownerId: policeLiaison.id,
          dueDate: '2026-12-04',
        },
        {
          description: 'Weekend activities with the life coach',
          owningAgency: 'NWD_HUB',
          ownerId: keyWorker.id,
          dueDate: '2026-12-11',
        },
      ],
    };
    expect(code(await run('record-meeting', 'designatedTeacher', { meetingId: first.id, expectedVersion: first.version, input }))).toBe(
      'FORBIDDEN',
    );
    const recorded = await run<{ recordMeeting: MeetingBody }>('record-meeting', 'keyWorker', {
      meetingId: first.id,
      expectedVersion: first.version,
      input,
      idempotencyKey: 'cycle-record-0001',
    });
    expect(onlyWithheld(recorded.errors)).toBe(true);
    first = { ...first, ...dataOf(recorded).recordMeeting };
    expect(first.status).toBe('HELD');
    expect(first.actions.map((a) => [a.owningAgency, a.ownerId, a.status])).toEqual([
      ['EDUCATION', teacher.id, 'OPEN'],
      ['POLICE', policeLiaison.id, 'OPEN'],
      ['NWD_HUB', keyWorker.id, 'OPEN'],
    ]);

    // record-meeting's answer showed the chair the pack: each agency froze its whole part then.
    snapshotsWhenRecorded = dataOf(await run<SnapshotBody>('meeting-snapshot', 'keyWorker', { meetingId: first.id }));
    const { frozen, healthSnapshot, educationSnapshot, policeSnapshot } = snapshotsWhenRecorded.meeting.pack;
    for (const snapshot of [frozen, healthSnapshot, educationSnapshot, policeSnapshot]) {
      expect(snapshot).toMatchObject({ viewerId: keyWorker.id, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    }
    // Every field of each part, whatever the request asked for (record-meeting asked for `since` only).
    const keys = (snapshot: Snapshot | null) => Object.keys(JSON.parse(snapshot!.content) as object).sort();
    expect(keys(policeSnapshot)).toEqual(['arrests', 'exploitationConcerns', 'matchStatus', 'missingEpisodes', 'nrmReferrals', 'since']);
    expect(keys(healthSnapshot)).toEqual(['becameOverdue', 'emergencyAttendances', 'matchStatus', 'selfHarmEpisodes', 'since']);
    expect(keys(frozen)).toEqual(
      expect.arrayContaining(['missingFromCareSince', 'placementsSince', 'previousActions', 'scalingScoreTrend']),
    );

    // Asking again, even under other names, changes nothing: a pack is frozen once.
    await graph.request(
      `{ meeting(id: "${first.id}") { pack { police { since missingEpisodes: arrests { arrestedOn } } } } }`,
      {},
      { persona: 'keyWorker' },
    );
    expect(dataOf(await run<SnapshotBody>('meeting-snapshot', 'keyWorker', { meetingId: first.id }))).toEqual(snapshotsWhenRecorded);
    // An invitee is not shown what the chair was, nor its hash (it would confirm a guess).
    const invitee = await run<SnapshotBody>('meeting-snapshot', 'designatedTeacher', { meetingId: first.id });
    expect(code(invitee)).toBe('WITHHELD');
    expect(dataOf(invitee).meeting.pack.policeSnapshot).toMatchObject({ content: null, notices: null, contentHash: null });
  });

  it("lets each owner report on its own action, and no one on another agency's", async () => {
    const actionOf = (agency: string) => first.actions.find((a) => a.owningAgency === agency)!;
    const update = (persona: PersonaName, action: Action, note: string, status?: string) =>
      run<{ updateActionProgress: Action }>('update-action-progress', persona, {
        actionId: action.id,
        expectedVersion: action.version,
        progress: { note, ...(status && { status }) },
      });
    expect(code(await update('designatedTeacher', actionOf('POLICE'), 'Not mine to report'))).toBe('FORBIDDEN');
    const police = await update(
      'policeLiaison',
      actionOf('POLICE'),
      'Locations shared with the hub and the missing persons team.',
      'COMPLETED',
    );
    expect(dataOf(police).updateActionProgress).toMatchObject({ status: 'COMPLETED', overdue: false });
    const school = await update('designatedTeacher', actionOf('EDUCATION'), 'Timetable meeting booked with the head of year.');
    expect(dataOf(school).updateActionProgress).toMatchObject({ status: 'OPEN' });
    const hub = await update('keyWorker', actionOf('NWD_HUB'), 'First weekend session booked; not taken up yet.');
    expect(dataOf(hub).updateActionProgress).toMatchObject({ status: 'OPEN' });
  });

  it('four weeks on, after a missing episode, an A&E visit and a restart, lists the late actions', async () => {
    await recordWhatHappenedSince(graph);
    for (const agency of AGENCIES) await graph.restartSubgraph(agency.name, { env: { CLOCK_FIXED_AT: `${NEXT_MEETING_DAY}T09:00:00Z` } });

    const late = async (persona: PersonaName) => (await actionsOf(persona, { overdue: true })).filter((a) => a.meeting.id === first.id);
    expect((await late('designatedTeacher')).map((a) => a.owningAgency)).toEqual(['EDUCATION']);
    expect((await late('keyWorker')).map((a) => a.owningAgency)).toEqual(['NWD_HUB']);
    expect(await late('policeLiaison')).toEqual([]); // completed in time
  });

  it("keeps an open action's owner in touch with the young person after the invitation has lapsed, to the day it is closed", async () => {
    expect(await sees('designatedTeacher')).toBe(true);
    const action = (await myAction('designatedTeacher'))!;
    await run('update-action-progress', 'designatedTeacher', {
      actionId: action.id,
      expectedVersion: action.version,
      progress: { note: 'New timetable agreed: two afternoons at college.', status: 'COMPLETED' },
    });
    // Closed today: still today (the owner reads back what they wrote); from tomorrow, no (test/social-care/relationship).
    expect(await sees('designatedTeacher')).toBe(true);
  });

  it("keeps social care's ids out of the other agencies' logs: a meeting by a reference made for each, a break-glass reason in the user's words", async () => {
    const parts = RECEIVING_AGENCIES.map((a) => `${a.recordField} { matchStatus }`).join(' ');
    const read = async (persona: PersonaName, requestId: string, why?: string) =>
      dataOf(
        (
          await graph.request<{ youngPerson: { accessPurpose: { kind: string; meetingId: string | null } } }>(
            `query($id: ID!, $why: String) { youngPerson(id: $id, breakGlassReason: $why) { accessPurpose { kind meetingId } ${parts} } }`,
            { id: PERSON.id, why },
            { persona, headers: { 'x-request-id': requestId } },
          )
        ).body,
      ).youngPerson.accessPurpose;
    // The teacher's action, closed today, still explains a read; the analyst has no relationship and says why.
    expect(await read('designatedTeacher', `${kind}-action-owner-read`)).toEqual({ kind: 'ACTION_OWNER', meetingId: first.id });
    const typed = `Reported missing again tonight: ${PERSON.id} was discussed at ${first.id}`;
    expect(await read('policeAnalyst', `${kind}-break-glass-read`, typed)).toMatchObject({ kind: 'BREAK_GLASS' });

    type Entry = { requestId: string; purpose: string | null; meetingId: string | null; breakGlassReason: string | null };
    const LOG = '{ requestId purpose meetingId breakGlassReason }';
    const { body } = await graph.request<{ youngPerson: { accessLog: Entry[] } & Record<string, { accessLog: Entry[] }> }>(
      `{ youngPerson(id: "${PERSON.id}") { accessLog ${LOG} ${RECEIVING_AGENCIES.map((a) => `${a.recordField} { accessLog ${LOG} }`).join(' ')} } }`,
      {},
      { persona: 'auditor' },
    );
    const logs = dataOf(body).youngPerson;
    const socialCare = (requestId: string) => logs.accessLog.find((e) => e.requestId === requestId);
    const references = new Set<string | null>();
    for (const agency of RECEIVING_AGENCIES) {
      const log = logs[agency.recordField].accessLog;
      // Every read of the cycle (the invitees' packs, the owner's, the analyst's): social care's ids in none.
      expect([agency.name, JSON.stringify(log).match(/YP-\d{6}(-M\d+)?/g)]).toEqual([agency.name, null]);
      expect(log.filter((e) => e.purpose === 'MEETING_INVITATION').length).toBeGreaterThan(0);
      for (const e of log.filter((l) => l.purpose === 'MEETING_INVITATION' || l.purpose === 'ACTION_OWNER'))
        expect(e.meetingId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const owner = log.find((e) => e.requestId === `${kind}-action-owner-read`)!;
      expect(owner.purpose).toBe('ACTION_OWNER');
      references.add(owner.meetingId);
      expect(log.find((e) => e.requestId === `${kind}-break-glass-read`)).toMatchObject({
        purpose: 'BREAK_GLASS',
        breakGlassReason: 'Reported missing again tonight: [person id] was discussed at [person id]',
      });
    }
    // One meeting, a different reference in each agency's log: no two logs can be joined around social care.
    expect(references.size).toBe(RECEIVING_AGENCIES.length);
    // Social care's own entry for the same request names the meeting and keeps the words as typed.
    expect(socialCare(`${kind}-action-owner-read`)).toMatchObject({ purpose: 'ACTION_OWNER', meetingId: first.id });
    expect(socialCare(`${kind}-break-glass-read`)).toMatchObject({ purpose: 'BREAK_GLASS', breakGlassReason: typed });
  });

  it("shows in the next meeting's pack what changed since the first, from each agency", async () => {
    const next = await run<{ scheduleMeeting: MeetingBody }>('schedule-meeting', 'keyWorker', {
      input: { youngPersonId: PERSON.id, kind: 'RAISE', date: NEXT_MEETING_DAY },
    });
    const res = await run<PackBody>('meeting-pack', 'keyWorker', { meetingId: dataOf(next).scheduleMeeting.id });
    expect(onlyWithheld(res.errors)).toBe(true);
    const { pack } = dataOf(res).meeting;
    expect(pack.since).toBe(TEST_TODAY);
    expect(pack.previousMeeting?.id).toBe(first.id);
    expect(pack.previousActions.map((a) => [a.owningAgency, a.status, a.overdue])).toEqual([
      ['EDUCATION', 'COMPLETED', false],
      ['POLICE', 'COMPLETED', false],
      ['NWD_HUB', 'OPEN', true],
    ]);
    // The first meeting's scores (6 and 4) against the meeting before it.
    const [before, latest] = pack.scalingScoreTrend.slice(-2);
    expect(latest).toMatchObject({ heldOn: TEST_TODAY, average: 5 });
    // Moved by one decimal place, as the pack reports it.
    expect(pack.scalingScoreChange).toBeCloseTo(5 - before.average!, 1);
    expect(pack.missingFromCareSince).toEqual([expect.objectContaining({ type: 'M', startedAt: MISSING_FROM.toISOString() })]);
    expect(pack.police.missingEpisodes).toEqual([
      { reportedAt: MISSING_FROM.toISOString(), foundAt: FOUND_AT.toISOString(), riskGrading: 'HIGH' },
    ]);
    expect(pack.health.emergencyAttendances).toEqual([{ attendedOn: '2026-12-06', reason: 'ALCOHOL_OR_DRUG_RELATED' }]);
    for (const part of [pack.health, pack.education, pack.police]) expect(part.since).toBe(TEST_TODAY);
  });

  it("keeps the first meeting's snapshot as it was after the records changed, though the chair reads the pack again", async () => {
    // The live pack of the first meeting shows the new episode...
    const live = dataOf(await run<PackBody>('meeting-pack', 'keyWorker', { meetingId: first.id }));
    expect(live.meeting.pack.police.missingEpisodes?.map((e) => e.reportedAt)).toContain(MISSING_FROM.toISOString());
    // ...what was known when the plan was made does not.
    const now = dataOf(await run<SnapshotBody>('meeting-snapshot', 'keyWorker', { meetingId: first.id }));
    expect(now).toEqual(snapshotsWhenRecorded);
    expect(now.meeting.pack.policeSnapshot!.content).not.toContain(MISSING_FROM.toISOString());
  });

  // The merge must not depend on any one identifier being linked.
  it.each([PERSON.id, WITHOUT_PNC_ID.id, WITHOUT_NHS_NUMBER_OR_UPN.id])(
    'merges the four chronologies of %s into one, in date order: the same entries as the four lists together',
    async (id) => {
      const { body } = await graph.request<{ youngPerson: AgencyChronologies }>(
        `query($id: ID!) { youngPerson(id: $id) { chronology { ...E } education { chronology { ...E } } health { chronology { ...E } } police { chronology { ...E } } } }
         fragment E on ChronologyEntry { date agency kind summary significance }`,
        { id },
        { persona: 'keyWorker' },
      );
      const lists = dataOf(body).youngPerson;
      const together = [lists.chronology, lists.education.chronology, lists.health.chronology, lists.police.chronology].flatMap(
        (l) => l ?? [],
      );
      const merged: ChronologyEntry[] = [];
      let after: string | null = null;
      do {
        const page: ChronologyPage = dataOf(
          await run<{ youngPerson: { multiAgencyChronology: ChronologyPage } }>('multi-agency-chronology', 'keyWorker', {
            id,
            first: 40,
            after,
            oldestFirst: true,
          }),
        ).youngPerson.multiAgencyChronology;
        expect(page.totalCount).toBe(together.length);
        merged.push(...page.entries);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      const key = (e: ChronologyEntry) => JSON.stringify([e.date, e.agency, e.kind, e.summary, e.significance]);
      expect(merged.map(key).sort()).toEqual(together.map(key).sort());
      expect(merged.map((e) => e.date)).toEqual([...merged.map((e) => e.date)].sort());
      expect(merged.some((e) => /^[A-Z_]+$/.test(e.summary))).toBe(false); // words, not codes
      if (id === PERSON.id) expect(new Set(merged.map((e) => e.agency))).toEqual(new Set(AGENCIES.map((a) => a.name)));
    },
  );

  it("lets the life coach see a young person through the open involvement, on the life coach's caseload", async () => {
    const { body } = await graph.request<{ nwdCaseload: { nodes: { id: string }[] } }>(
      '{ nwdCaseload(first: 100) { nodes { id } } }',
      {},
      { persona: 'lifeCoach' },
    );
    const caseload = dataOf(body);
    expect(caseload.nwdCaseload.nodes.map((n) => n.id)).toContain(WITH_LIFE_COACH.id);
  });

  async function myAction(persona: PersonaName): Promise<Action | undefined> {
    return (await actionsOf(persona, {})).find((a) => a.meeting.id === first.id);
  }

  /** Every action of the persona's, through every page of my-actions. */
  async function actionsOf(persona: PersonaName, filter: Record<string, unknown>): Promise<(Action & { meeting: { id: string } })[]> {
    const all: (Action & { meeting: { id: string } })[] = [];
    let after: string | null = null;
    do {
      const page: MyActionsPage = dataOf(
        await run<{ myActions: MyActionsPage }>('my-actions', persona, { ...filter, first: 100, after }),
      ).myActions;
      all.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return all;
  }
});

/** A weekend missing episode after the first meeting, as the police, the hub and the hospital each recorded it. */
const MISSING_FROM = new Date('2026-12-05T21:40:00Z');
const FOUND_AT = new Date('2026-12-06T03:15:00Z');

async function inDatabaseOf(graph: TestGraph, service: AgencyService, write: (em: EntityManager) => Promise<void> | void) {
  const orm = await openServiceDatabase(service, graph.databases[service.agency.name]);
  try {
    await orm.em.fork().transactional(async (em) => write(em));
  } finally {
    await orm.close(true);
  }
}

async function recordWhatHappenedSince(graph: TestGraph): Promise<void> {
  await inDatabaseOf(graph, policeService, async (em) => {
    const nominal = await em.findOneOrFail(Nominal, { pncId: PERSON.pncId! });
    em.create(MissingEpisode, {
      nominal,
      reportedAt: MISSING_FROM,
      foundAt: FOUND_AT,
      riskGrading: MissingRiskGrading.HIGH,
      riskGradingSchemeVersion: 'Synthetic force missing person risk assessment v3 (2024)',
      locationFound: 'Railway station [synthetic]',
      notSharedWith: null,
    });
  });
  await inDatabaseOf(graph, socialCareService, (em) => {
    em.create(MissingFromCareEpisode, { youngPerson: PERSON.id, type: MissingFromCareType.M, startedAt: MISSING_FROM, endedAt: FOUND_AT });
  });
  await inDatabaseOf(graph, healthService, async (em) => {
    const patient = await em.findOneOrFail(Patient, { nhsNumber: PERSON.nhsNumber! });
    em.create(EmergencyAttendance, { patient, attendedOn: '2026-12-06', reason: EmergencyAttendanceReason.ALCOHOL_OR_DRUG_RELATED });
  });
}
