import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { badUserInput } from '../../../../kit/subgraph/errors';
import { LocalDateScalar } from '../../../../kit/subgraph/graphql/scalars';
import { requiredText, userId } from '../../../../kit/subgraph/validate';
import { performWrite, pick, type Change } from '../../../../kit/subgraph/writes/write';
import { allocatedStaff, schedulingAuthority } from '../../access';
import type { SocialCareContext } from '../../context';
import { Meeting, MeetingAttendee } from '../../entities/meetings';
import { MeetingStatus } from '../../enums';
import { newPackReference, nextMeetingId } from '../../rules/meetings';
import { ScheduleMeetingInput } from '../meeting-inputs';
import {
  authorisedMeeting,
  changeMeeting,
  created,
  IDEMPOTENCY,
  meetingChange,
  meetingDate,
  reloadMeeting,
  stillScheduled,
  VERSION,
} from './shared';

/** The hub puts meetings in the diary: schedule, move, postpone (with a replacement) or cancel. */
@Resolver(() => Meeting)
export class MeetingScheduling {
  @Mutation(() => Meeting, {
    description:
      'Schedules a RAISE meeting or deep dive, up to a year ahead. Social care staff allocated to the young person (the hub) only; the chair is one of them (you, unless chairId says who).',
  })
  async scheduleMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('input', () => ScheduleMeetingInput) input: ScheduleMeetingInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey?: string | null,
  ): Promise<Meeting> {
    const date = meetingDate('input.date', input.date, ctx.today);
    const chairId = input.chairId != null ? userId('input.chairId', input.chairId) : ctx.viewer.id;
    const person = await schedulingAuthority(ctx, input.youngPersonId);
    // The chair's name is the allocation's: never free text a caller could make up.
    const chair = (await allocatedStaff(ctx, person.id)).get(chairId);
    if (!chair) throw badUserInput('input.chairId', 'the chair must be social care staff allocated to the young person');
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

  @Mutation(() => Meeting, {
    description: 'Moves a scheduled meeting to another date, up to a year ahead. The chair or allocated social care staff.',
  })
  async rescheduleMeeting(
    @Ctx() ctx: SocialCareContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('date', () => LocalDateScalar, { description: 'The new date: today or later, within a year.' }) newDate: string,
  ): Promise<Meeting> {
    const date = meetingDate('date', newDate, ctx.today);
    await authorisedMeeting(ctx, meetingId, 'reschedule it');
    return changeMeeting(
      ctx,
      { operation: 'rescheduleMeeting', meetingId, expectedVersion, input: { meetingId, expectedVersion, date } },
      (meeting) => {
        stillScheduled(meeting, 'rescheduled');
        meeting.heldOn = date;
      },
    );
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
    @Arg('newDate', () => LocalDateScalar, {
      nullable: true,
      description: 'The new date for the replacement meeting: after today, within a year.',
    })
    newDate?: string | null,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey?: string | null,
  ): Promise<Meeting> {
    const why = requiredText('reason', reason, 1000);
    const date = newDate == null ? null : meetingDate('newDate', newDate, ctx.today, true);
    await authorisedMeeting(ctx, meetingId, 'postpone it');
    return changeMeeting(
      ctx,
      { operation: 'postponeMeeting', idempotencyKey, meetingId, expectedVersion, input: { meetingId, expectedVersion, why, date } },
      async (meeting, tx) => {
        stillScheduled(meeting, 'postponed');
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
        return { changes };
      },
    );
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
    return changeMeeting(
      ctx,
      { operation: 'cancelMeeting', meetingId, expectedVersion, input: { meetingId, expectedVersion, why } },
      (meeting) => {
        stillScheduled(meeting, 'cancelled');
        meeting.status = MeetingStatus.CANCELLED;
        meeting.statusReason = why;
        meeting.statusChangedOn = ctx.today;
      },
    );
  }
}
