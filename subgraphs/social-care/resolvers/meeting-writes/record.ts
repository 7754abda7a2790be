import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { addDays } from '../../../../kit/subgraph/dates';
import { badUserInput } from '../../../../kit/subgraph/errors';
import {
  atMost,
  localDate,
  notAfter,
  notBefore,
  optionalText,
  requiredText,
  userId,
  wholeNumberIn,
} from '../../../../kit/subgraph/validate';
import { pick, type Change } from '../../../../kit/subgraph/writes/write';
import { allocatedStaff } from '../../access';
import { SOCIAL_CARE } from '../../agency';
import type { SocialCareContext } from '../../context';
import { Meeting, MeetingAction, MeetingAttendee, MeetingObservation, ScalingScore, SignificantEvent } from '../../entities/meetings';
import { ActionStatus, Agency, Attendance, MeetingKind, MeetingStatus, ObservationKind } from '../../enums';
import { answeringAgency } from '../../rules/meetings';
import { LONGEST_RAISE_INTERVAL_DAYS } from '../../rules/raise-schedule';
import { RecordMeetingInput } from '../meeting-inputs';
import { recordConsent } from './consent';
import { authorisedMeeting, changeMeeting, created, IDEMPOTENCY, partnerAgency, stillScheduled, VERSION } from './shared';

const ATTENDED = new Set([Attendance.ATTENDED_IN_PERSON, Attendance.ATTENDED_VIRTUALLY]);

/** The record of a held meeting, written all at once. */
@Resolver(() => Meeting)
export class MeetingRecording {
  @Mutation(() => Meeting, {
    description:
      "Records a held meeting: attendance of every invitee, consent and views, scaling scores, strengths, risks by category, analysis, the plan, the next review and actions (each owned by an invitee of the owning agency, or for the hub's own, by social care staff allocated to the young person); a deep dive also its findings and significant events. All or nothing. The chair or allocated social care staff.",
  })
  async recordMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('input', () => RecordMeetingInput) input: RecordMeetingInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey?: string | null,
  ): Promise<Meeting> {
    const found = await authorisedMeeting(ctx, meetingId, 'record it');
    const staff = await allocatedStaff(ctx, found.youngPerson.id);
    const request = {
      operation: 'recordMeeting',
      idempotencyKey,
      meetingId,
      expectedVersion,
      input: { meetingId, expectedVersion, input },
    };
    return changeMeeting(ctx, request, async (meeting, tx) => {
      stillScheduled(meeting, 'recorded again');
      const attendees = await tx.find(MeetingAttendee, { meeting: meeting.id });
      const record = checkRecord(input, meeting, attendees, staff, ctx.today);
      const changes: Change[] = [];
      for (const [attendee, attendance] of record.attendance) {
        changes.push({ entity: 'MeetingAttendee', id: String(attendee.id), before: pick(attendee, ['attendance']), after: { attendance } });
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
      recordConsent(meeting, input.youngPersonAgreedToBeDiscussed, record.views);
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
      return { changes };
    });
  }
}

interface CheckedRecord {
  meeting: Partial<Meeting>;
  views: string | null;
  attendance: [MeetingAttendee, Attendance][];
  scores: { professional: string; agency: Agency; score: number; rationale: string | null }[];
  observations: { kind: ObservationKind; category: MeetingObservation['category']; text: string }[];
  actions: { description: string; owningAgency: Agency; ownerId: string; owner: string; dueDate: string }[];
  significantEvents: { occurredOn: string; agency: Agency; summary: string }[];
}

/**
 * Who may own an action, and under what name: an invitee of this meeting from the owning agency, or,
 * for the hub's and social care's own actions, social care staff allocated to the young person. The
 * name is the one on the invitation or allocation, never typed in.
 */
function actionOwner(
  field: string,
  ownerId: string,
  owningAgency: Agency,
  attendees: MeetingAttendee[],
  staff: Map<string, string>,
): string {
  const answering = answeringAgency(owningAgency);
  const invitee = attendees.find((a) => a.practitionerId === ownerId && answeringAgency(a.agency) === answering);
  if (invitee) return invitee.name;
  const byAllocation = answering === SOCIAL_CARE.code ? staff.get(ownerId) : undefined;
  if (byAllocation) return byAllocation;
  throw badUserInput(
    `${field}.ownerId`,
    `must be an invitee of this meeting from that agency${answering === SOCIAL_CARE.code ? ', or social care staff allocated to the young person' : ''}`,
  );
}

/** Every part of a meeting's record checked, each error naming the field (input.scalingScores[2].score). */
function checkRecord(
  input: RecordMeetingInput,
  meeting: Meeting,
  attendees: MeetingAttendee[],
  staff: Map<string, string>,
  today: string,
): CheckedRecord {
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
  if (nextReviewOn) {
    if (nextReviewOn <= heldOn) throw badUserInput('input.nextReviewOn', `must be after the meeting (${heldOn})`);
    notAfter(
      'input.nextReviewOn',
      nextReviewOn,
      addDays(heldOn, LONGEST_RAISE_INTERVAL_DAYS),
      `${LONGEST_RAISE_INTERVAL_DAYS} days after the meeting`,
    );
  }
  const actions = atMost('input.actions', input.actions, 50).map((a, i) => {
    const field = `input.actions[${i}]`;
    const owningAgency = partnerAgency(`${field}.owningAgency`, a.owningAgency, 'an action');
    const ownerId = userId(`${field}.ownerId`, a.ownerId);
    return {
      description: requiredText(`${field}.description`, a.description, 2000),
      owningAgency,
      ownerId,
      owner: actionOwner(field, ownerId, owningAgency, attendees, staff),
      dueDate: notBefore(`${field}.dueDate`, localDate(`${field}.dueDate`, a.dueDate), heldOn, 'the meeting'),
    };
  });
  const deepDive = meeting.kind === MeetingKind.DEEP_DIVE;
  const findings = optionalText('input.findings', input.findings, 8000);
  if (deepDive && !findings) throw badUserInput('input.findings', 'a deep dive records its findings');
  if (!deepDive && findings) throw badUserInput('input.findings', 'findings belong to a deep dive');
  if (!deepDive && input.significantEvents?.length)
    throw badUserInput('input.significantEvents', 'significant events belong to a deep dive');
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
      analysis: optionalText('input.analysis', input.analysis, 8000),
      plan: requiredText('input.plan', input.plan, 8000),
      findings,
      nextReviewOn,
    },
    views: optionalText('input.youngPersonViews', input.youngPersonViews),
    attendance,
    scores,
    observations,
    actions,
    significantEvents,
  };
}
