import { MIN_BREAK_GLASS_REASON, PurposeKind, type Purpose } from '../../../kit/subgraph/access/purpose';
import type { LocalDate } from '../../../kit/subgraph/dates';
import type { Viewer } from '../../../kit/shared/roles';
import { SOCIAL_CARE } from '../agency';
import { ActionStatus, type MeetingStatus } from '../enums';
import { isOpenOn } from './episodes';
import { invitationEndsOn } from './meetings';

/**
 * The legitimate relationship rule (DOMAIN.md §4): a user sees a young person's record only with a
 * purpose. Social care decides, because it holds the facts; every agency then records the purpose.
 */
export interface RelationshipFacts {
  allocations: { practitionerId: string; startDate: LocalDate; endDate?: LocalDate | null }[];
  /** Hub specialists' involvements (life coach, speech and language therapist, CAMHS, police liaison). */
  specialistInvolvements: { practitionerId: string; startDate: LocalDate; endDate?: LocalDate | null }[];
  /** The viewer's invitations to meetings about the young person, with the meeting's state and consent. */
  invitations: {
    practitionerId?: string | null;
    invitedOn: LocalDate;
    meeting: {
      id: string;
      heldOn: LocalDate;
      status: MeetingStatus;
      statusChangedOn?: LocalDate | null;
      youngPersonAgreedToBeDiscussed?: boolean | null;
      consentOverrideReason?: string | null;
    };
  }[];
  /** Actions from meetings about the young person that the viewer owns. */
  actions: { ownerId: string; status: ActionStatus; completedOn?: LocalDate | null; meetingId: string }[];
  /** Whether the young person is looked after today (the virtual school head's statutory duty). */
  lookedAfter: boolean;
}

/**
 * An invitation counts from the day it is sent to the day it ends (invitationEndsOn). When the young
 * person did not agree to be discussed, it does not count for invitees from other agencies unless the
 * chair recorded why sharing was needed anyway (audited and alerted).
 */
function invitationCounts(viewer: Viewer, invitation: RelationshipFacts['invitations'][number], today: LocalDate): boolean {
  const { meeting } = invitation;
  if (invitation.practitionerId !== viewer.id || today < invitation.invitedOn || today > invitationEndsOn(meeting)) return false;
  const refused = meeting.youngPersonAgreedToBeDiscussed === false && !meeting.consentOverrideReason;
  return !refused || viewer.agency === SOCIAL_CARE.code;
}

/** An action keeps its owner's relationship while open, and on the day it was closed. */
function actionCounts(viewer: Viewer, action: RelationshipFacts['actions'][number], today: LocalDate): boolean {
  if (action.ownerId !== viewer.id) return false;
  return action.status === ActionStatus.OPEN || (!!action.completedOn && today <= action.completedOn);
}

export function legitimateRelationship(
  viewer: Viewer,
  facts: RelationshipFacts,
  today: LocalDate,
  breakGlassReason?: string,
): Purpose | null {
  if (viewer.role === 'IG_AUDITOR') return { kind: PurposeKind.AUDIT };
  if (facts.allocations.some((a) => a.practitionerId === viewer.id && isOpenOn(a, today))) return { kind: PurposeKind.ALLOCATION };
  if (facts.specialistInvolvements.some((s) => s.practitionerId === viewer.id && isOpenOn(s, today)))
    return { kind: PurposeKind.SPECIALIST_INVOLVEMENT };
  // Children Act 1989 s22(3A): the virtual school head promotes the education of every looked-after child.
  if (viewer.role === 'VIRTUAL_SCHOOL_HEAD' && facts.lookedAfter) return { kind: PurposeKind.STATUTORY_ROLE };
  const invitation = facts.invitations
    .filter((i) => invitationCounts(viewer, i, today))
    .sort((a, b) => (a.meeting.heldOn < b.meeting.heldOn ? 1 : -1))[0];
  if (invitation) return { kind: PurposeKind.MEETING_INVITATION, meetingId: invitation.meeting.id };
  const action = facts.actions.find((a) => actionCounts(viewer, a, today));
  if (action) return { kind: PurposeKind.ACTION_OWNER, meetingId: action.meetingId };
  if (breakGlassReason && isValidBreakGlassReason(breakGlassReason))
    return { kind: PurposeKind.BREAK_GLASS, reason: breakGlassReason.trim() };
  return null;
}

export function isValidBreakGlassReason(reason: string): boolean {
  return reason.trim().length >= MIN_BREAK_GLASS_REASON;
}
