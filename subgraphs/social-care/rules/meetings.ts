import { randomBytes } from 'node:crypto';
import { addDays, type LocalDate } from '../../../kit/subgraph/dates';
import { MeetingStatus } from '../enums';

/** The id of a young person's next meeting: their person id and the next number ("YP-000123-M7"). */
export function nextMeetingId(personId: string, existing: readonly string[]): string {
  const numbers = existing.map((id) => Number(/-M(\d+)$/.exec(id)?.[1] ?? 0));
  return `${personId}-M${Math.max(0, ...numbers) + 1}`;
}

/** Days after a meeting during which an invitee may still read the young person's record. */
export const INVITATION_GRACE_DAYS = 28;

/**
 * The last day an invitation is a legitimate relationship: 28 days after the meeting while it is on
 * (scheduled or held); the day it was called off when postponed or cancelled (a replacement meeting
 * has invitations of its own).
 */
export function invitationEndsOn(meeting: { status: MeetingStatus; heldOn: LocalDate; statusChangedOn?: LocalDate | null }): LocalDate {
  if (meeting.status === MeetingStatus.POSTPONED || meeting.status === MeetingStatus.CANCELLED)
    return meeting.statusChangedOn ?? meeting.heldOn;
  return addDays(meeting.heldOn, INVITATION_GRACE_DAYS);
}

/** A meeting pack's reference for other agencies: random, so nothing about the meeting can be read from it. */
export function newPackReference(): string {
  return randomBytes(16).toString('hex');
}
