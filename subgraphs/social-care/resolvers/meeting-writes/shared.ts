import { LockMode, type EntityManager } from '@mikro-orm/core';
import { addDays, type LocalDate } from '../../../../kit/subgraph/dates';
import { badUserInput, notFound } from '../../../../kit/subgraph/errors';
import { localDate, notAfter, notBefore } from '../../../../kit/subgraph/validate';
import { performWrite, pick, type Change, type WriteRequest } from '../../../../kit/subgraph/writes/write';
import { meetingAuthority } from '../../access';
import type { SocialCareContext } from '../../context';
import { Meeting } from '../../entities/meetings';
import { Agency, MeetingStatus } from '../../enums';

/** What every meeting write shares: how it finds, checks, changes and answers with a meeting. */
export const MEETING_ID = /^YP-\d{6}-M\d+$/;
export const IDEMPOTENCY = {
  nullable: true,
  description: 'A key of your own for this request (a UUID): a retry with the same key creates nothing twice.',
} as const;
export const VERSION = {
  description: 'The version you read (Meeting.version): a change made since is never overwritten (CONFLICT).',
} as const;

/** How far ahead a meeting may be put: a year (a date beyond would keep invitations open for ever). */
export const MEETING_HORIZON_DAYS = 365;

/** A meeting date: today at the earliest (or after today), a year ahead at the latest. */
export function meetingDate(field: string, value: string, today: LocalDate, afterToday = false): LocalDate {
  const date = localDate(field, value);
  if (afterToday && date <= today) throw badUserInput(field, `must be after today (${today}); got ${date}`);
  notBefore(field, date, today, 'today');
  return notAfter(field, date, addDays(today, MEETING_HORIZON_DAYS), 'a year from today');
}

/**
 * Whether the viewer may write this meeting, decided before the write's transaction: it reads the
 * relationship through the request's loaders (and SQLite's one connection is the transaction's).
 */
export async function authorisedMeeting(ctx: SocialCareContext, meetingId: string, doing: string): Promise<Meeting> {
  if (!MEETING_ID.test(meetingId)) throw badUserInput('meetingId', 'a meeting id looks like "YP-000123-M1"');
  return meetingAuthority(ctx, await ctx.em.findOne(Meeting, { id: meetingId }), meetingId, doing);
}

/** The meeting a write changes, read again in the write's own transaction, at the version the client read. */
export async function meetingToChange(tx: EntityManager, meetingId: string, expectedVersion: number): Promise<Meeting> {
  const meeting = await tx.findOneOrFail(Meeting, { id: meetingId }, { refresh: true });
  await tx.lock(meeting, LockMode.OPTIMISTIC, expectedVersion);
  return meeting;
}

export function stillScheduled(meeting: Meeting, doing: string): void {
  if (meeting.status !== MeetingStatus.SCHEDULED)
    throw badUserInput('meetingId', `a ${meeting.status.toLowerCase()} meeting cannot be ${doing}; only a scheduled one`);
}

/** Scheduled or held: a meeting that is, or was, on (not postponed or cancelled). */
export function onOrHeld(meeting: Meeting, doing: string): void {
  if (meeting.status !== MeetingStatus.SCHEDULED && meeting.status !== MeetingStatus.HELD)
    throw badUserInput('meetingId', `a ${meeting.status.toLowerCase()} meeting cannot be ${doing}`);
}

export const MEETING_FIELDS = [
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
export function meetingChange(meeting: Meeting, before: Record<string, unknown> | null): Change {
  return { entity: 'Meeting', id: meeting.id, before, after: pick(meeting, MEETING_FIELDS) };
}

export function created(entity: string, id: string | number, after: Record<string, unknown>): Change {
  return { entity, id: String(id), before: null, after };
}

/** A partner agency of the table or the NWD hub: who an invitation or an action can be for. */
export function partnerAgency(field: string, agency: Agency, what: string): Agency {
  if (agency === Agency.OTHER) throw badUserInput(field, `${what} must be for a partner agency or the NWD hub`);
  return agency;
}

/** What a change to a meeting did besides the meeting itself (rows it created), and any alert for auditors. */
export interface MeetingChangeResult {
  changes?: Change[];
  alert?: string;
}

/**
 * Every write to an existing meeting, one way: in one transaction with its audit record, at the version
 * the client read (a change made since is a CONFLICT), the meeting's fields before and after recorded.
 * `change` checks the meeting's state and changes it (it throws before changing anything it refuses).
 */
export async function changeMeeting(
  ctx: SocialCareContext,
  request: WriteRequest & { meetingId: string; expectedVersion: number },
  change: (meeting: Meeting, tx: EntityManager) => Promise<MeetingChangeResult | void> | MeetingChangeResult | void,
): Promise<Meeting> {
  const id = await performWrite(ctx, request, async (tx) => {
    const meeting = await meetingToChange(tx, request.meetingId, request.expectedVersion);
    const before = pick(meeting, MEETING_FIELDS);
    const result = (await change(meeting, tx)) ?? {};
    return {
      resultId: meeting.id,
      subject: meeting.youngPerson.id,
      changes: [meetingChange(meeting, before), ...(result.changes ?? [])],
      ...(result.alert && { alert: result.alert }),
    };
  });
  return reloadMeeting(ctx, id);
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
