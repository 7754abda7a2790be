import { randomBytes } from 'node:crypto';
import { addDays, type LocalDate } from '../../../kit/subgraph/dates';
import { isAgencyCode, type AgencyCode } from '../../../kit/shared/roles';
import { SOCIAL_CARE } from '../agency';
import { Agency, MeetingStatus } from '../enums';

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

/**
 * Whose staff an invitation or an action is for: the agency's own, the hub's being social care's. No
 * one's for another organisation (OTHER): its people have no account here.
 */
export function answeringAgency(agency: Agency): AgencyCode | null {
  const code: string = agency === Agency.NWD_HUB ? SOCIAL_CARE.code : agency;
  return isAgencyCode(code) ? code : null;
}

/** What a meeting says about sharing: whether the young person agreed to be discussed, and any override. */
export interface MeetingConsent {
  youngPersonAgreedToBeDiscussed?: boolean | null;
  consentOverrideReason?: string | null;
}

/**
 * Whether what a meeting opens (an invitation, an action from it) opens it for staff of this agency:
 * when the young person did not agree to be discussed, only social care's (the hub's), unless the chair
 * recorded why sharing is needed anyway (an override, audited and alerted like break-glass).
 */
export function meetingSharedWith(meeting: MeetingConsent, agency: AgencyCode): boolean {
  const refused = meeting.youngPersonAgreedToBeDiscussed === false && !meeting.consentOverrideReason;
  return !refused || agency === SOCIAL_CARE.code;
}
