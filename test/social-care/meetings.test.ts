import { PERSONAS } from '../../kit/dev/personas';
import { generatePerson } from '../../kit/dev/synthetic/population';
import type { Viewer } from '../../kit/shared/roles';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { verifyAuditChain } from '../../kit/subgraph/audit/verify';
import { ActionProgressNote, Meeting, MeetingAttendee } from '../../subgraphs/social-care/entities/meetings';
import { teamFor } from '../../subgraphs/social-care/seeding/team';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf, type GraphQLBody } from '../support/graphql';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';

/**
 * Writing meetings and actions, as the hub and partners do, on each kind of database: validation
 * naming the field, who may write what, versions that refuse a stale write, idempotency keys that
 * create nothing twice, and a WRITE record in social care's audit chain for every write.
 */
const SIZE = 150;
const OPTIONS = { size: SIZE, seed: 'test-seed', asOf: TEST_TODAY };
const people = Array.from({ length: SIZE }, (_, i) => generatePerson(i, OPTIONS));
/**
 * On the NWD caseload (still open), with the key worker persona allocated: the hub writes their
 * meetings; the designated teacher persona is not invited to them, so has no relationship yet.
 */
const person = people.find(
  (p) =>
    p.nwd &&
    p.nwdJourney?.closedOn === null &&
    teamFor(p).keyWorker.id === PERSONAS.keyWorker.id &&
    teamFor(p).socialWorker.id !== PERSONAS.socialWorker.id &&
    teamFor(p).designatedTeacher === null,
)!;
const { keyWorker, designatedTeacher: teacher, policeLiaison, auditor, socialWorker } = PERSONAS;

interface MeetingBody {
  id: string;
  status: string;
  heldOn: string;
  version: number;
  chairId: string;
  rescheduledAsId: string | null;
  youngPersonAgreedToBeDiscussed: boolean | null;
  attendees: { id: string; name: string; practitionerId: string | null; attendance: string | null }[];
  actions: { id: string; owningAgency: string; ownerId: string; status: string; version: number; dueDate: string }[];
}
const MEETING =
  'id status heldOn version chairId rescheduledAsId youngPersonAgreedToBeDiscussed attendees { id name practitionerId attendance } actions { id owningAgency ownerId status version dueDate }';

const kinds = postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(kinds)('meetings written through social care (%s)', (kind) => {
  let agency: TestAgency;
  const database = `nwd_test_meetings_${process.pid}`;
  beforeAll(async () => {
    if (kind === 'postgres') await dropDatabases([database]);
    agency = await startTestAgency(socialCareService, { size: SIZE }, kind === 'postgres' ? `${TEST_POSTGRES}/${database}` : ':memory:');
  }, 120_000);
  afterAll(async () => {
    await agency?.stop();
    if (kind === 'postgres') await dropDatabases([database]);
  });

  const as = <Data>(viewer: Viewer, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLBody<Data>> =>
    agency.request<Data>(query, variables, { viewer });
  const schedule = (viewer: Viewer, input: Record<string, unknown>, idempotencyKey?: string) =>
    as<{ scheduleMeeting: MeetingBody }>(
      viewer,
      `mutation($i: ScheduleMeetingInput!, $k: String) { scheduleMeeting(input: $i, idempotencyKey: $k) { ${MEETING} } }`,
      {
        i: { youngPersonId: person.id, kind: 'RAISE', date: '2026-12-01', ...input },
        k: idempotencyKey,
      },
    );
  const invite = (meetingId: string, viewer: Viewer) =>
    as<{ inviteToMeeting: MeetingBody }>(
      keyWorker,
      `mutation($m: ID!, $i: InviteeInput!) { inviteToMeeting(meetingId: $m, invitee: $i) { ${MEETING} } }`,
      {
        m: meetingId,
        i: { userId: viewer.id, name: viewer.name, role: viewer.role, agency: viewer.agency },
      },
    );
  const codeOf = (body: GraphQLBody<unknown>) => body.errors?.[0]?.extensions.code;
  const fieldOf = (body: GraphQLBody<unknown>) => body.errors?.[0]?.extensions.field;
  const sees = async (viewer: Viewer) =>
    !!(await as<{ youngPerson: { id: string } }>(viewer, `{ youngPerson(id: "${person.id}") { id } }`)).data;
  const meetingRow = (id: string) => agency.orm.em.fork().findOneOrFail(Meeting, { id });

  it('has a young person to work with', () => expect(person).toBeDefined());

  describe('scheduling', () => {
    it('is for social care staff allocated to the young person, and says so to others', async () => {
      expect(codeOf(await schedule(teacher, {}))).toBe('NOT_FOUND'); // no relationship: as if there were no such young person
      const refusals = await agency.orm.em.fork().find(AuditRecord, { action: 'REFUSED', subject: person.id, userId: teacher.id });
      expect(refusals.length).toBeGreaterThan(0); // and the attempt is in the audit, like a refused read
      const res = await schedule(keyWorker, {});
      expect(res.errors).toBeUndefined();
      expect(dataOf(res).scheduleMeeting).toMatchObject({
        status: 'SCHEDULED',
        heldOn: '2026-12-01',
        version: 1,
        chairId: keyWorker.id,
        attendees: [],
      });
    });

    it.each([
      ['a date in the past', { date: '2026-11-22' }, 'BAD_USER_INPUT', 'input.date'],
      ['a chair who is not allocated to the young person', { chairId: 'someone.else' }, 'BAD_USER_INPUT', 'input.chairId'],
      ['a date more than a year ahead', { date: '2027-11-24' }, 'BAD_USER_INPUT', 'input.date'],
      ['a person id that is no one', { youngPersonId: 'nobody' }, 'NOT_FOUND', 'youngPersonId'],
    ])('refuses %s with %s naming the field, and creates nothing', async (_what, input, code, field) => {
      const before = await agency.orm.em.fork().count(Meeting, { youngPerson: person.id });
      const res = await schedule(keyWorker, input);
      expect([codeOf(res), fieldOf(res)]).toEqual([code, field]);
      expect(await agency.orm.em.fork().count(Meeting, { youngPerson: person.id })).toBe(before);
    });

    it('creates nothing twice for a retried request (same idempotency key), and refuses the key for a different request', async () => {
      const before = await agency.orm.em.fork().count(Meeting, { youngPerson: person.id });
      const first = dataOf(await schedule(keyWorker, { date: '2026-12-08' }, 'retry-key-0001'));
      const retried = dataOf(await schedule(keyWorker, { date: '2026-12-08' }, 'retry-key-0001'));
      expect(retried.scheduleMeeting.id).toBe(first.scheduleMeeting.id);
      expect(await agency.orm.em.fork().count(Meeting, { youngPerson: person.id })).toBe(before + 1);
      const reused = await schedule(keyWorker, { date: '2026-12-09' }, 'retry-key-0001');
      expect([codeOf(reused), fieldOf(reused)]).toEqual(['BAD_USER_INPUT', 'idempotencyKey']);
      expect(await agency.orm.em.fork().count(Meeting, { youngPerson: person.id })).toBe(before + 1);
    });
  });

  describe('versions', () => {
    it('refuses a write made against an older version with CONFLICT, and changes nothing', async () => {
      const m = dataOf(await schedule(keyWorker, { date: '2026-12-15' })).scheduleMeeting;
      const moved = await as<{ rescheduleMeeting: MeetingBody }>(
        keyWorker,
        `mutation($m: ID!, $v: Int!) { rescheduleMeeting(meetingId: $m, expectedVersion: $v, date: "2026-12-16") { ${MEETING} } }`,
        { m: m.id, v: m.version },
      );
      expect(dataOf(moved).rescheduleMeeting).toMatchObject({ heldOn: '2026-12-16', version: m.version + 1 });
      const stale = await as(
        keyWorker,
        `mutation($m: ID!, $v: Int!) { cancelMeeting(meetingId: $m, expectedVersion: $v, reason: "No longer needed") { id } }`,
        { m: m.id, v: m.version },
      );
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(await meetingRow(m.id)).toMatchObject({ status: 'SCHEDULED', heldOn: '2026-12-16', version: m.version + 1 });
    });
  });

  describe('invitations and what they open', () => {
    it('gives the invitee a relationship with the young person from today; the invitee cannot run the meeting', async () => {
      const m = dataOf(await schedule(keyWorker, { date: '2026-12-20' })).scheduleMeeting;
      expect(await sees(teacher)).toBe(false);
      const invited = dataOf(await invite(m.id, teacher)).inviteToMeeting;
      expect(invited.attendees).toEqual([expect.objectContaining({ practitionerId: teacher.id, attendance: null })]);
      expect(await sees(teacher)).toBe(true);
      const teacherInvites = await as(
        teacher,
        `mutation($m: ID!) { inviteToMeeting(meetingId: $m, invitee: { name: "x", role: "y", agency: EDUCATION }) { id } }`,
        { m: m.id },
      );
      expect(codeOf(teacherInvites)).toBe('FORBIDDEN');
      expect(codeOf(await invite(m.id, teacher))).toBe('BAD_USER_INPUT'); // already invited
    });

    it('takes it away from other agencies when the young person does not agree to be discussed, until the chair overrides', async () => {
      // Someone from another agency with no other relationship with the young person.
      const partners = [PERSONAS.lacNurse, PERSONAS.policeAnalyst, PERSONAS.lifeCoach, policeLiaison];
      const seeing = await Promise.all(partners.map(sees));
      const partner = partners.find((_, i) => !seeing[i])!;
      expect(partner).toBeDefined();
      const m = dataOf(await schedule(keyWorker, { date: '2026-12-21' })).scheduleMeeting;
      await invite(m.id, partner);
      expect(await sees(partner)).toBe(true);
      const refused = await as<{ recordYoungPersonsConsent: MeetingBody }>(
        keyWorker,
        `mutation($m: ID!, $v: Int!) { recordYoungPersonsConsent(meetingId: $m, expectedVersion: $v, agreedToBeDiscussed: false) { ${MEETING} } }`,
        { m: m.id, v: m.version },
      );
      const v = dataOf(refused).recordYoungPersonsConsent.version;
      expect(await sees(partner)).toBe(false);
      const notChair = await as(
        socialWorker,
        `mutation($m: ID!, $v: Int!) { overrideYoungPersonsConsent(meetingId: $m, expectedVersion: $v, reason: "Serious risk tonight; police need the plan") { id } }`,
        { m: m.id, v },
      );
      expect(codeOf(notChair)).toBe(socialWorkerAllocated() ? 'FORBIDDEN' : 'NOT_FOUND');
      const short = await as(
        keyWorker,
        `mutation($m: ID!, $v: Int!) { overrideYoungPersonsConsent(meetingId: $m, expectedVersion: $v, reason: "because") { id } }`,
        { m: m.id, v },
      );
      expect(fieldOf(short)).toBe('reason');
      const overridden = await as(
        keyWorker,
        `mutation($m: ID!, $v: Int!) { overrideYoungPersonsConsent(meetingId: $m, expectedVersion: $v, reason: "Serious risk tonight; police need the plan") { id } }`,
        { m: m.id, v },
      );
      expect(overridden.errors).toBeUndefined();
      expect(await sees(partner)).toBe(true);
      const alerts = await as<{ breakGlassAlerts: { userId: string; breakGlassReason: string | null; action: string }[] }>(
        auditor,
        '{ breakGlassAlerts(first: 10) { userId breakGlassReason action } }',
      );
      expect(dataOf(alerts).breakGlassAlerts).toContainEqual({
        userId: keyWorker.id,
        breakGlassReason: 'Serious risk tonight; police need the plan',
        action: 'WRITE',
      });
      // The young person refuses again: the earlier override no longer holds.
      const current = (await meetingRow(m.id)).version;
      const again = await as(
        keyWorker,
        `mutation($m: ID!, $v: Int!) { recordYoungPersonsConsent(meetingId: $m, expectedVersion: $v, agreedToBeDiscussed: false, views: "(synthetic) Still no.") { consentOverrideReason } }`,
        { m: m.id, v: current },
      );
      expect(dataOf(again)).toEqual({ recordYoungPersonsConsent: { consentOverrideReason: null } });
      expect(await sees(partner)).toBe(false);
    });
  });

  describe('recording a meeting and reporting on its actions', () => {
    let meeting: MeetingBody;
    let input: Record<string, unknown>;
    beforeAll(async () => {
      const m = dataOf(await schedule(keyWorker, { date: TEST_TODAY })).scheduleMeeting;
      await invite(m.id, teacher);
      await invite(m.id, policeLiaison);
      // A police colleague at the meeting who does not own the police action.
      meeting = dataOf(await invite(m.id, PERSONAS.policeAnalyst)).inviteToMeeting;
      input = {
        attendance: meeting.attendees.map((a) => ({ attendeeId: a.id, attendance: 'ATTENDED_VIRTUALLY' })),
        youngPersonAgreedToBeDiscussed: true,
        youngPersonViews: '(synthetic) Wants to stay where they are.',
        scalingScores: meeting.attendees.map((a, i) => ({ attendeeId: a.id, score: 4 + i, rationale: 'Some progress.' })),
        strengths: ['Going to school most days'],
        risks: [{ category: 'GOING_MISSING', text: 'Out late at weekends' }],
        analysis: 'Risks are at night, outside the placement.',
        plan: 'Keep the placement; share locations of concern.',
        nextReviewOn: '2026-12-21',
        actions: [
          {
            description: 'Review the timetable',
            owningAgency: 'EDUCATION',
            ownerId: teacher.id,
            dueDate: '2026-12-01',
          },
          {
            description: 'Share locations of concern',
            owningAgency: 'POLICE',
            ownerId: policeLiaison.id,
            dueDate: TEST_TODAY,
          },
        ],
      };
    });
    const record = (viewer: Viewer, changes: Record<string, unknown> = {}, version = meeting.version, key?: string) =>
      as<{ recordMeeting: MeetingBody }>(
        viewer,
        `mutation($m: ID!, $v: Int!, $i: RecordMeetingInput!, $k: String) { recordMeeting(meetingId: $m, expectedVersion: $v, input: $i, idempotencyKey: $k) { ${MEETING} } }`,
        {
          m: meeting.id,
          v: version,
          i: { ...input, ...changes },
          k: key,
        },
      );

    it('is not for an invitee', async () => expect(codeOf(await record(teacher))).toBe('FORBIDDEN'));

    it.each([
      ['a score above 10', { scalingScores: [{ attendeeId: 'ATTENDEE', score: 11 }] }, 'input.scalingScores[0].score'],
      ['an invitee whose attendance is not said', { attendance: [] }, 'input.attendance'],
      [
        'an action due before the meeting',
        { actions: [{ description: 'x', owningAgency: 'POLICE', ownerId: policeLiaison.id, dueDate: '2026-11-01' }] },
        'input.actions[0].dueDate',
      ],
      [
        'an action owned by someone not invited',
        { actions: [{ description: 'x', owningAgency: 'HEALTH', ownerId: 'nurse.anyone', dueDate: '2026-12-01' }] },
        'input.actions[0].ownerId',
      ],
      [
        "an action owned by an invitee under another agency's name",
        { actions: [{ description: 'x', owningAgency: 'POLICE', ownerId: teacher.id, dueDate: '2026-12-01' }] },
        'input.actions[0].ownerId',
      ],
      ['a review more than 56 days after the meeting', { nextReviewOn: '2027-01-19' }, 'input.nextReviewOn'],
      [
        'significant events on a RAISE meeting',
        { significantEvents: [{ occurredOn: '2026-01-05', agency: 'POLICE', summary: 'x' }] },
        'input.significantEvents',
      ],
      ['a direction override in the views', { youngPersonViews: 'fine \u202e' }, 'input.youngPersonViews'],
      ['an empty plan', { plan: '  ' }, 'input.plan'],
      ['a NUL byte in the views', { youngPersonViews: 'fine\u0000' }, 'input.youngPersonViews'],
      ["a deep dive's findings on a RAISE meeting", { findings: 'x' }, 'input.findings'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and records nothing', async (_what, change, field) => {
      const fixed = JSON.parse(JSON.stringify(change).replace('ATTENDEE', meeting.attendees[0].id)) as Record<string, unknown>;
      const res = await record(keyWorker, fixed);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
      expect(await meetingRow(meeting.id)).toMatchObject({ status: 'SCHEDULED' });
    });

    it('records everything at once, with actions owned by agencies, and its before and after in the audit', async () => {
      const res = await record(keyWorker, {}, meeting.version, 'record-key-0001');
      expect(res.errors).toBeUndefined();
      const held = dataOf(res).recordMeeting;
      expect(held).toMatchObject({ status: 'HELD', version: meeting.version + 1 });
      expect(held.attendees.every((a) => a.attendance === 'ATTENDED_VIRTUALLY')).toBe(true);
      expect(held.actions.map((a) => [a.owningAgency, a.ownerId, a.status])).toEqual([
        ['EDUCATION', teacher.id, 'OPEN'],
        ['POLICE', policeLiaison.id, 'OPEN'],
      ]);
      const retried = await record(keyWorker, {}, meeting.version, 'record-key-0001');
      expect(dataOf(retried).recordMeeting.actions.map((a) => a.id)).toEqual(held.actions.map((a) => a.id));
      const writes = await agency.orm.em.fork().find(AuditRecord, { action: 'WRITE', subject: person.id }, { orderBy: { seq: 'desc' } });
      const recorded = writes
        .map(
          (w) =>
            JSON.parse(w.change!) as {
              operation: string;
              changes: { entity: string; before: { status?: string } | null; after: { status?: string } }[];
            },
        )
        .find((c) => c.operation === 'recordMeeting')!;
      expect(recorded.changes[0]).toMatchObject({ entity: 'Meeting', before: { status: 'SCHEDULED' }, after: { status: 'HELD' } });
      expect(recorded.changes.filter((c) => c.entity === 'MeetingAction')).toHaveLength(2);
      expect((await verifyAuditChain(agency.orm.em.fork(), agency.audit.keyring)).ok).toBe(true);
      meeting = held;
    });

    it('cannot be recorded twice', async () => {
      expect([codeOf(await record(keyWorker, {}, meeting.version)), fieldOf(await record(keyWorker, {}, meeting.version))]).toEqual([
        'BAD_USER_INPUT',
        'meetingId',
      ]);
    });

    it("lets only the owning agency's staff report progress, at the version they read", async () => {
      const action = meeting.actions.find((a) => a.owningAgency === 'POLICE')!;
      const update = (viewer: Viewer, version: number, note: string, status?: string) =>
        as<{ updateActionProgress: { status: string; version: number; progress: { note: string; status: string; authorId: string }[] } }>(
          viewer,
          `mutation($a: ID!, $v: Int!, $p: ActionProgressInput!) { updateActionProgress(actionId: $a, expectedVersion: $v, progress: $p) { status version progress { note status authorId } } }`,
          { a: action.id, v: version, p: { note, ...(status && { status }) } },
        );
      expect(codeOf(await update(teacher, action.version, 'not mine'))).toBe('FORBIDDEN');
      // Invited, of the owning agency, but neither the owner nor answerable for the young person.
      expect(codeOf(await update(PERSONAS.policeAnalyst, action.version, 'not mine either', 'CANCELLED'))).toBe('FORBIDDEN');
      const done = dataOf(
        await update(policeLiaison, action.version, 'Shared with the missing persons team.', 'COMPLETED'),
      ).updateActionProgress;
      expect(done).toMatchObject({
        status: 'COMPLETED',
        version: action.version + 1,
        progress: [{ note: 'Shared with the missing persons team.', status: 'COMPLETED', authorId: policeLiaison.id }],
      });
      const notes = await agency.orm.em.fork().count(ActionProgressNote, { action: Number(action.id) });
      expect(codeOf(await update(policeLiaison, action.version, 'stale'))).toBe('CONFLICT');
      expect(await agency.orm.em.fork().count(ActionProgressNote, { action: Number(action.id) })).toBe(notes);
      // A note alone changes the action too: its version moves on.
      const again = dataOf(await update(policeLiaison, done.version, 'Found at the station again on Saturday.')).updateActionProgress;
      expect(again).toMatchObject({ status: 'COMPLETED', version: done.version + 1 });
    });

    it("shows a progress note to the author's agency and the hub only: other agencies see that it was written", async () => {
      const read = (viewer: Viewer) =>
        as<{ meeting: { actions: { owningAgency: string; progress: { author: string; note: string | null }[] }[] } }>(
          viewer,
          `{ meeting(id: "${meeting.id}") { actions { owningAgency progress { author note } } } }`,
        );
      const notesOf = async (viewer: Viewer) =>
        (await read(viewer)).data!.meeting.actions.find((a) => a.owningAgency === 'POLICE')!.progress;
      expect((await notesOf(policeLiaison)).every((n) => n.note)).toBe(true);
      expect((await notesOf(keyWorker)).every((n) => n.note)).toBe(true);
      const teachers = await read(teacher);
      const police = teachers.data!.meeting.actions.find((a) => a.owningAgency === 'POLICE')!.progress;
      expect(police.map((n) => [n.author, n.note])).toEqual(police.map(() => [policeLiaison.name, null]));
      expect(teachers.errors?.every((e) => e.extensions.rule === 'progress-note-author-agency-and-hub')).toBe(true);
    });

    it("lists a user's own actions, and which are overdue", async () => {
      type Node = { id: string; dueDate: string; overdue: boolean; status: string };
      type Page = { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      // Every page: a partner may own many actions across the caseload's meetings.
      const mine = async (viewer: Viewer, filter: string) => {
        const nodes: Node[] = [];
        const args = filter.replace(/^\((.*)\)$/, '$1');
        let after: string | null = null;
        do {
          const page: Page = dataOf(
            await as<{ myActions: Page }>(
              viewer,
              `query($after: String) { myActions(${args ? `${args}, ` : ''}first: 100, after: $after) { nodes { id dueDate overdue status } pageInfo { hasNextPage endCursor } } }`,
              { after },
            ),
          ).myActions;
          nodes.push(...page.nodes);
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
        return nodes;
      };
      const teacherAction = meeting.actions.find((a) => a.owningAgency === 'EDUCATION')!;
      expect((await mine(teacher, '')).map((a) => a.id)).toContain(teacherAction.id);
      expect((await mine(teacher, '(overdue: true)')).every((a) => a.overdue && a.status === 'OPEN' && a.dueDate < TEST_TODAY)).toBe(true);
      expect((await mine(teacher, '(overdue: false)')).map((a) => a.id)).toContain(teacherAction.id);
      expect((await mine(policeLiaison, '(status: COMPLETED)')).map((a) => a.id)).toContain(
        meeting.actions.find((a) => a.owningAgency === 'POLICE')!.id,
      );
    });
  });

  describe('postponing', () => {
    it('keeps the meeting as postponed and schedules its replacement with the same invitees', async () => {
      const m = dataOf(await schedule(keyWorker, { date: '2026-12-22' })).scheduleMeeting;
      await invite(m.id, teacher);
      const res = await as<{ postponeMeeting: MeetingBody }>(
        keyWorker,
        `mutation($m: ID!, $v: Int!) { postponeMeeting(meetingId: $m, expectedVersion: $v, reason: "Partners could not attend", newDate: "2027-01-05") { ${MEETING} } }`,
        { m: m.id, v: m.version },
      );
      const postponed = dataOf(res).postponeMeeting;
      expect(postponed).toMatchObject({ status: 'POSTPONED', rescheduledAsId: expect.stringMatching(/^YP-\d{6}-M\d+$/) as unknown });
      const replacement = await agency.orm.em.fork().findOneOrFail(Meeting, { id: postponed.rescheduledAsId! });
      expect(replacement).toMatchObject({ status: 'SCHEDULED', heldOn: '2027-01-05', chairId: keyWorker.id });
      expect((await agency.orm.em.fork().find(MeetingAttendee, { meeting: replacement.id })).map((a) => a.practitionerId)).toEqual([
        teacher.id,
      ]);
    });
  });
});

/** Whether the social worker persona is allocated to the young person (then they are refused, not told there is none). */
function socialWorkerAllocated(): boolean {
  return teamFor(person).socialWorker.id === PERSONAS.socialWorker.id;
}
