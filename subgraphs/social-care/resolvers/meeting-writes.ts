import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { badUserInput, forbidden, notFound } from '../../../kit/subgraph/errors';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { performWrite, pick, type Change } from '../../../kit/subgraph/writes/write';
import { atMost, localDate, notAfter, notBefore, optionalText, requiredText, userId, wholeNumberIn } from '../../../kit/subgraph/validate';
import { meetingAuthority, schedulingAuthority } from '../access';
import type { SocialCareContext } from '../context';
import { Meeting, MeetingAction, MeetingAttendee, MeetingObservation, ScalingScore, SignificantEvent } from '../entities/meetings';
import { ActionStatus, Agency, Attendance, MeetingKind, MeetingStatus, ObservationKind } from '../enums';
import { newPackReference, nextMeetingId } from '../rules/meetings';
import { InviteeInput, RecordMeetingInput, ScheduleMeetingInput } from './meeting-inputs';

const MEETING_ID = /^YP-\d{6}-M\d+$/;
const IDEMPOTENCY = {
  nullable: true,
  description: 'A key of your own for this request (a UUID): a retry with the same key creates nothing twice.',
} as const;
const VERSION = { description: 'The version you read (Meeting.version): a change made since is never overwritten (CONFLICT).' } as const;
const ATTENDED = new Set([Attendance.ATTENDED_IN_PERSON, Attendance.ATTENDED_VIRTUALLY]);

/**
 * Whether the viewer may write this meeting, decided before the write's transaction: it reads the
 * relationship through the request's loaders (and SQLite's one connection is the transaction's).
 */
async function authorisedMeeting(ctx: SocialCareContext, meetingId: string, doing: string): Promise<void> {
  if (!MEETING_ID.test(meetingId)) throw badUserInput('meetingId', 'a meeting id looks like "YP-000123-M1"');
  const meeting = await ctx.em.findOne(Meeting, { id: meetingId });
  if (!meeting) throw notFound('meetingId', meetingId);
  await meetingAuthority(ctx, meeting, doing);
}

/** The meeting a write changes, read again in the write's own transaction, at the version the client read. */
async function meetingToChange(tx: EntityManager, meetingId: string, expectedVersion: number): Promise<Meeting> {
  const meeting = await tx.findOneOrFail(Meeting, { id: meetingId }, { refresh: true });
  await tx.lock(meeting, LockMode.OPTIMISTIC, expectedVersion);
  return meeting;
}

function stillScheduled(meeting: Meeting, doing: string): void {
  if (meeting.status !== MeetingStatus.SCHEDULED)
    throw badUserInput('meetingId', `a ${meeting.status.toLowerCase()} meeting cannot be ${doing}; only a scheduled one`);
}

const MEETING_FIELDS = [
  'kind',
  'heldOn',
  'status',
  'statusReason',
  'statusChangedOn',
  'rescheduledAsId',
  'chair',
  'chairId',
  'youngPersonAgreedToBeDiscussed',
  'consentOverrideReason',
  'consentOverriddenById',
  'youngPersonViews',
  'analysis',
  'plan',
  'findings',
  'nextReviewOn',
  'recordedAt',
  'recordedById',
] as const satisfies readonly (keyof Meeting)[];

/** A change to a meeting: its fields before (null: created) and after. */
function meetingChange(meeting: Meeting, before: Record<string, unknown> | null): Change {
  return { entity: 'Meeting', id: meeting.id, before, after: pick(meeting, MEETING_FIELDS) };
}

function created(entity: string, id: string | number, after: Record<string, unknown>): Change {
  return { entity, id: String(id), before: null, after };
}

/** A partner agency of the table or the NWD hub: who an action or an invitation can belong to. */
function partner(field: string, agency: Agency): Agency {
  if (agency === Agency.OTHER) throw badUserInput(field, 'an action must be owned by a partner agency or the NWD hub');
  return agency;
}

/**
 * The hub writes meetings through the graph: schedule, reschedule, postpone, cancel, invite, the young
 * person's consent, and the record of the meeting. Each is one transaction with its audit record, at the
 * version the client read, once per idempotency key.
 */
@Resolver(() => Meeting)
export class MeetingWrites {
  @Mutation(() => Meeting, {
    description: 'Schedules a RAISE meeting or deep dive. Social care staff allocated to the young person (the hub) only.',
  })
  async scheduleMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('input', () => ScheduleMeetingInput) input: ScheduleMeetingInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey?: string | null,
  ): Promise<Meeting> {
    const date = notBefore('input.date', localDate('input.date', input.date), ctx.today, 'today');
    if ((input.chairId == null) !== (input.chairName == null))
      throw badUserInput('input.chairName', 'give both chairId and chairName, or neither');
    const chairId = input.chairId != null ? userId('input.chairId', input.chairId) : ctx.viewer.id;
    const chair = input.chairName != null ? requiredText('input.chairName', input.chairName, 200) : ctx.viewer.name;
    const person = await schedulingAuthority(ctx, input.youngPersonId);
    const id = await performWrite(ctx, { operation: 'scheduleMeeting', idempotencyKey, input }, async (tx) => {
      const existing = await tx.find(Meeting, { youngPerson: person.id }, { fields: ['id'] });
      const meeting = tx.create(Meeting, {
        id: nextMeetingId(
          person.id,
          existing.map((m) => m.id),
        ),
        youngPerson: person.id,
        kind: input.kind,
        heldOn: date,
        status: MeetingStatus.SCHEDULED,
        chair,
        chairId,
        packReference: newPackReference(),
        youngPersonAgreedToBeDiscussed: input.youngPersonAgreedToBeDiscussed ?? null,
      });
      return { resultId: meeting.id, subject: person.id, changes: [meetingChange(meeting, null)] };
    });
    return reloadMeeting(ctx, id);
  }

  @Mutation(() => Meeting, { description: 'Moves a scheduled meeting to another date. The chair or allocated social care staff.' })
  async rescheduleMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('date', () => LocalDateScalar, { description: 'The new date: today or later.' }) newDate: string,
  ): Promise<Meeting> {
    const date = notBefore('date', localDate('date', newDate), ctx.today, 'today');
    await authorisedMeeting(ctx, meetingId, 'reschedule it');
    const id = await performWrite(ctx, { operation: 'rescheduleMeeting', input: { meetingId, expectedVersion, date } }, async (tx) => {
      const meeting = await meetingToChange(tx, meetingId, expectedVersion);
      stillScheduled(meeting, 'rescheduled');
      const before = pick(meeting, MEETING_FIELDS);
      meeting.heldOn = date;
      return { resultId: meeting.id, subject: meeting.youngPerson.id, changes: [meetingChange(meeting, before)] };
    });
    return reloadMeeting(ctx, id);
  }

  @Mutation(() => Meeting, {
    description:
      'Records that a scheduled meeting did not go ahead (POSTPONED), with why; with newDate, schedules its replacement with the same invitees (Meeting.rescheduledAsId). The chair or allocated social care staff.',
  })
  async postponeMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('reason', () => String) reason: string,
    @Arg('newDate', () => LocalDateScalar, { nullable: true, description: 'The new date for the replacement meeting: after today.' })
    newDate?: string | null,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey?: string | null,
  ): Promise<Meeting> {
    const why = requiredText('reason', reason, 1000);
    const date = newDate == null ? null : notBefore('newDate', localDate('newDate', newDate), ctx.today, 'today');
    await authorisedMeeting(ctx, meetingId, 'postpone it');
    const id = await performWrite(
      ctx,
      { operation: 'postponeMeeting', idempotencyKey, input: { meetingId, expectedVersion, why, date } },
      async (tx) => {
        const meeting = await meetingToChange(tx, meetingId, expectedVersion);
        stillScheduled(meeting, 'postponed');
        const before = pick(meeting, MEETING_FIELDS);
        const changes: Change[] = [];
        if (date) {
          const existing = await tx.find(Meeting, { youngPerson: meeting.youngPerson.id }, { fields: ['id'] });
          const replacement = tx.create(Meeting, {
            id: nextMeetingId(
              meeting.youngPerson.id,
              existing.map((m) => m.id),
            ),
            youngPerson: meeting.youngPerson,
            kind: meeting.kind,
            heldOn: date,
            status: MeetingStatus.SCHEDULED,
            chair: meeting.chair,
            chairId: meeting.chairId,
            packReference: newPackReference(),
            youngPersonAgreedToBeDiscussed: meeting.youngPersonAgreedToBeDiscussed ?? null,
          });
          for (const a of await tx.find(MeetingAttendee, { meeting: meeting.id })) {
            const invite = tx.create(MeetingAttendee, {
              meeting: replacement,
              name: a.name,
              practitionerId: a.practitionerId,
              role: a.role,
              agency: a.agency,
              invitedOn: ctx.today,
            });
            changes.push(
              created(
                'MeetingAttendee',
                `${replacement.id}:${a.name}`,
                pick(invite, ['name', 'practitionerId', 'role', 'agency', 'invitedOn']),
              ),
            );
          }
          meeting.rescheduledAsId = replacement.id;
          changes.push(meetingChange(replacement, null));
        }
        meeting.status = MeetingStatus.POSTPONED;
        meeting.statusReason = why;
        meeting.statusChangedOn = ctx.today;
        return { resultId: meeting.id, subject: meeting.youngPerson.id, changes: [meetingChange(meeting, before), ...changes] };
      },
    );
    return reloadMeeting(ctx, id);
  }

  @Mutation(() => Meeting, { description: 'Cancels a scheduled meeting, with why. The chair or allocated social care staff.' })
  async cancelMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('reason', () => String) reason: string,
  ): Promise<Meeting> {
    const why = requiredText('reason', reason, 1000);
    await authorisedMeeting(ctx, meetingId, 'cancel it');
    const id = await performWrite(ctx, { operation: 'cancelMeeting', input: { meetingId, expectedVersion, why } }, async (tx) => {
      const meeting = await meetingToChange(tx, meetingId, expectedVersion);
      stillScheduled(meeting, 'cancelled');
      const before = pick(meeting, MEETING_FIELDS);
      meeting.status = MeetingStatus.CANCELLED;
      meeting.statusReason = why;
      meeting.statusChangedOn = ctx.today;
      return { resultId: meeting.id, subject: meeting.youngPerson.id, changes: [meetingChange(meeting, before)] };
    });
    return reloadMeeting(ctx, id);
  }

  @Mutation(() => Meeting, {
    description:
      'Invites a professional (a user, or an agency and role) to a scheduled meeting. The invitation is their legitimate relationship with the young person from today until 28 days after the meeting. The chair or allocated social care staff.',
  })
  async inviteToMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('invitee', () => InviteeInput) invitee: InviteeInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey?: string | null,
  ): Promise<Meeting> {
    const practitionerId = invitee.userId == null ? null : userId('invitee.userId', invitee.userId);
    const name = requiredText('invitee.name', invitee.name, 200);
    const role = requiredText('invitee.role', invitee.role, 200);
    const agency = partner('invitee.agency', invitee.agency);
    await authorisedMeeting(ctx, meetingId, 'invite to it');
    const id = await performWrite(
      ctx,
      { operation: 'inviteToMeeting', idempotencyKey, input: { meetingId, practitionerId, name, role, agency } },
      async (tx) => {
        const meeting = await tx.findOneOrFail(Meeting, { id: meetingId });
        stillScheduled(meeting, 'given new invitations');
        if (practitionerId && (await tx.count(MeetingAttendee, { meeting: meeting.id, practitionerId }))) {
          throw badUserInput('invitee.userId', 'this user is already invited to the meeting');
        }
        const attendee = tx.create(MeetingAttendee, { meeting, practitionerId, name, role, agency, invitedOn: ctx.today });
        await tx.flush();
        return {
          resultId: meeting.id,
          subject: meeting.youngPerson.id,
          changes: [created('MeetingAttendee', attendee.id, pick(attendee, ['name', 'practitionerId', 'role', 'agency', 'invitedOn']))],
        };
      },
    );
    return reloadMeeting(ctx, id);
  }

  @Mutation(() => Meeting, {
    description:
      'Records whether the young person agreed to be discussed, and their views. When they did not, invitees from other agencies see nothing through their invitation unless the chair overrides. The chair or allocated social care staff.',
  })
  async recordYoungPersonsConsent(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('agreedToBeDiscussed', () => Boolean) agreed: boolean,
    @Arg('views', () => String, { nullable: true, description: 'In their words, where possible.' }) views?: string | null,
  ): Promise<Meeting> {
    const words = optionalText('views', views);
    await authorisedMeeting(ctx, meetingId, "record the young person's consent");
    const id = await performWrite(
      ctx,
      { operation: 'recordYoungPersonsConsent', input: { meetingId, expectedVersion, agreed, words } },
      async (tx) => {
        const meeting = await meetingToChange(tx, meetingId, expectedVersion);
        stillScheduled(meeting, 'given a new answer');
        const before = pick(meeting, MEETING_FIELDS);
        meeting.youngPersonAgreedToBeDiscussed = agreed;
        if (words) meeting.youngPersonViews = words;
        return { resultId: meeting.id, subject: meeting.youngPerson.id, changes: [meetingChange(meeting, before)] };
      },
    );
    return reloadMeeting(ctx, id);
  }

  @Mutation(() => Meeting, {
    description:
      'The chair shares the meeting with invitees from other agencies although the young person did not agree to be discussed, with why (at least 20 characters). Recorded, and raised as an alert for auditors, like break-glass. The chair only.',
  })
  async overrideYoungPersonsConsent(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('reason', () => String) reason: string,
  ): Promise<Meeting> {
    const why = requiredText('reason', reason, 1000);
    if (why.replace(/\s/g, '').length < 20)
      throw badUserInput('reason', 'say why sharing is needed despite the young person, in at least 20 characters');
    await authorisedMeeting(ctx, meetingId, "override the young person's consent");
    const id = await performWrite(
      ctx,
      { operation: 'overrideYoungPersonsConsent', input: { meetingId, expectedVersion, why } },
      async (tx) => {
        const meeting = await meetingToChange(tx, meetingId, expectedVersion);
        if (meeting.chairId !== ctx.viewer.id) throw forbidden("Only the meeting's chair may override the young person's consent.");
        if (meeting.youngPersonAgreedToBeDiscussed !== false)
          throw badUserInput('meetingId', 'the young person has not refused to be discussed: there is nothing to override');
        const before = pick(meeting, MEETING_FIELDS);
        meeting.consentOverrideReason = why;
        meeting.consentOverriddenById = ctx.viewer.id;
        return { resultId: meeting.id, subject: meeting.youngPerson.id, changes: [meetingChange(meeting, before)], alert: why };
      },
    );
    return reloadMeeting(ctx, id);
  }

  @Mutation(() => Meeting, {
    description:
      'Records a held meeting: attendance of every invitee, consent and views, scaling scores, strengths, risks by category, analysis, the plan, the next review and actions owned by agencies (a deep dive also its findings and significant events). All or nothing. The chair or allocated social care staff.',
  })
  async recordMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('input', () => RecordMeetingInput) input: RecordMeetingInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey?: string | null,
  ): Promise<Meeting> {
    await authorisedMeeting(ctx, meetingId, 'record it');
    const id = await performWrite(
      ctx,
      { operation: 'recordMeeting', idempotencyKey, input: { meetingId, expectedVersion, input } },
      async (tx) => {
        const meeting = await meetingToChange(tx, meetingId, expectedVersion);
        stillScheduled(meeting, 'recorded again');
        const attendees = await tx.find(MeetingAttendee, { meeting: meeting.id });
        const record = checkRecord(input, meeting, attendees, ctx.today);
        const before = pick(meeting, MEETING_FIELDS);
        const changes: Change[] = [];
        for (const [attendee, attendance] of record.attendance) {
          changes.push({
            entity: 'MeetingAttendee',
            id: String(attendee.id),
            before: pick(attendee, ['attendance']),
            after: { attendance },
          });
          attendee.attendance = attendance;
        }
        const rows: { entity: string; row: object; fields: string[] }[] = [
          ...record.scores.map((s) => ({
            entity: 'ScalingScore',
            row: tx.create(ScalingScore, { meeting, ...s }),
            fields: ['professional', 'agency', 'score', 'rationale'],
          })),
          ...record.observations.map((o) => ({
            entity: 'MeetingObservation',
            row: tx.create(MeetingObservation, { meeting, ...o }),
            fields: ['kind', 'category', 'text'],
          })),
          ...record.actions.map((a) => ({
            entity: 'MeetingAction',
            row: tx.create(MeetingAction, { meeting, ...a, status: ActionStatus.OPEN }),
            fields: ['description', 'owningAgency', 'ownerId', 'owner', 'dueDate', 'status'],
          })),
          ...record.significantEvents.map((e) => ({
            entity: 'SignificantEvent',
            row: tx.create(SignificantEvent, { meeting, ...e }),
            fields: ['occurredOn', 'agency', 'summary'],
          })),
        ];
        Object.assign(meeting, record.meeting, {
          status: MeetingStatus.HELD,
          statusChangedOn: ctx.today,
          recordedAt: ctx.now,
          recordedById: ctx.viewer.id,
        });
        await tx.flush();
        for (const { entity, row, fields } of rows) {
          const r = row as Record<string, unknown> & { id: number };
          changes.push(created(entity, r.id, Object.fromEntries(fields.map((f) => [f, r[f]]))));
        }
        return { resultId: meeting.id, subject: meeting.youngPerson.id, changes: [meetingChange(meeting, before), ...changes] };
      },
    );
    return reloadMeeting(ctx, id);
  }
}

/** The meeting as stored now, for the answer (never the copy this request may have read before writing). */
export async function reloadMeeting(ctx: SocialCareContext, id: string): Promise<Meeting> {
  ctx.loaders.meeting.clear(id);
  ctx.loaders.attendees.clear(id);
  ctx.loaders.actions.clear(id);
  const meeting = await ctx.em.findOne(Meeting, { id }, { refresh: true });
  if (!meeting) throw notFound('meetingId', id);
  return meeting;
}

interface CheckedRecord {
  meeting: Partial<Meeting>;
  attendance: [MeetingAttendee, Attendance][];
  scores: { professional: string; agency: Agency; score: number; rationale: string | null }[];
  observations: { kind: ObservationKind; category: MeetingObservation['category']; text: string }[];
  actions: { description: string; owningAgency: Agency; ownerId: string; owner: string; dueDate: string }[];
  significantEvents: { occurredOn: string; agency: Agency; summary: string }[];
}

/** Every part of a meeting's record checked, each error naming the field (input.scalingScores[2].score). */
function checkRecord(input: RecordMeetingInput, meeting: Meeting, attendees: MeetingAttendee[], today: string): CheckedRecord {
  const heldOn = input.heldOn == null ? meeting.heldOn : localDate('input.heldOn', input.heldOn);
  notAfter('input.heldOn', heldOn, today, 'today: record a meeting once it has been held');
  const byId = new Map(attendees.map((a) => [String(a.id), a]));
  const attendance = atMost('input.attendance', input.attendance, 100).map((a, i): [MeetingAttendee, Attendance] => {
    const attendee = byId.get(a.attendeeId);
    if (!attendee) throw badUserInput(`input.attendance[${i}].attendeeId`, `no invitee ${a.attendeeId} at this meeting`);
    return [attendee, a.attendance];
  });
  const recorded = new Map(attendance.map(([a, how]) => [a, how]));
  if (recorded.size !== attendance.length) throw badUserInput('input.attendance', 'each invitee once');
  const missing = attendees.find((a) => !recorded.has(a));
  if (missing)
    throw badUserInput('input.attendance', `say whether every invitee attended (missing: ${missing.name}, attendee ${missing.id})`);
  const scored = new Set<MeetingAttendee>();
  const scores = atMost('input.scalingScores', input.scalingScores, 100).map((s, i) => {
    const field = `input.scalingScores[${i}]`;
    const attendee = byId.get(s.attendeeId);
    if (!attendee) throw badUserInput(`${field}.attendeeId`, `no invitee ${s.attendeeId} at this meeting`);
    if (!ATTENDED.has(recorded.get(attendee)!))
      throw badUserInput(`${field}.attendeeId`, `${attendee.name} did not attend, so gave no score`);
    if (scored.has(attendee)) throw badUserInput(`${field}.attendeeId`, `${attendee.name} already gave a score`);
    scored.add(attendee);
    return {
      professional: attendee.name,
      agency: attendee.agency,
      score: wholeNumberIn(`${field}.score`, s.score, 0, 10),
      rationale: optionalText(`${field}.rationale`, s.rationale, 2000),
    };
  });
  const observations = [
    ...atMost('input.strengths', input.strengths, 50).map((text, i) => ({
      kind: ObservationKind.STRENGTH,
      category: null,
      text: requiredText(`input.strengths[${i}]`, text, 2000),
    })),
    ...atMost('input.risks', input.risks, 50).map((r, i) => ({
      kind: ObservationKind.RISK,
      category: r.category,
      text: requiredText(`input.risks[${i}].text`, r.text, 2000),
    })),
  ];
  const nextReviewOn = input.nextReviewOn == null ? null : localDate('input.nextReviewOn', input.nextReviewOn);
  if (nextReviewOn && nextReviewOn <= heldOn) throw badUserInput('input.nextReviewOn', `must be after the meeting (${heldOn})`);
  const actions = atMost('input.actions', input.actions, 50).map((a, i) => {
    const field = `input.actions[${i}]`;
    return {
      description: requiredText(`${field}.description`, a.description, 2000),
      owningAgency: partner(`${field}.owningAgency`, a.owningAgency),
      ownerId: userId(`${field}.ownerId`, a.ownerId),
      owner: requiredText(`${field}.ownerName`, a.ownerName, 200),
      dueDate: notBefore(`${field}.dueDate`, localDate(`${field}.dueDate`, a.dueDate), heldOn, 'the meeting'),
    };
  });
  const deepDive = meeting.kind === MeetingKind.DEEP_DIVE;
  const findings = optionalText('input.findings', input.findings, 8000);
  if (deepDive && !findings) throw badUserInput('input.findings', 'a deep dive records its findings');
  if (!deepDive && (findings || input.significantEvents?.length))
    throw badUserInput(deepDive ? 'input.significantEvents' : 'input.findings', 'findings and significant events belong to a deep dive');
  const significantEvents = atMost('input.significantEvents', input.significantEvents ?? [], 200).map((e, i) => ({
    occurredOn: notAfter(
      `input.significantEvents[${i}].occurredOn`,
      localDate(`input.significantEvents[${i}].occurredOn`, e.occurredOn),
      heldOn,
      'the meeting',
    ),
    agency: e.agency,
    summary: requiredText(`input.significantEvents[${i}].summary`, e.summary, 2000),
  }));
  return {
    meeting: {
      heldOn,
      youngPersonAgreedToBeDiscussed: input.youngPersonAgreedToBeDiscussed,
      youngPersonViews: optionalText('input.youngPersonViews', input.youngPersonViews),
      analysis: optionalText('input.analysis', input.analysis, 8000),
      plan: requiredText('input.plan', input.plan, 8000),
      findings,
      nextReviewOn,
    },
    attendance,
    scores,
    observations,
    actions,
    significantEvents,
  };
}
