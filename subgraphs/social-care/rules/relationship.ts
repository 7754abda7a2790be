import { PurposeKind, type Purpose } from '../../../kit/subgraph/access/purpose';
import { justificationProblem } from '../../../kit/subgraph/justification';
import type { LocalDate } from '../../../kit/subgraph/dates';
import type { Role, Viewer } from '../../../kit/shared/roles';
import { ActionStatus, CaseStatus, type Agency, type MeetingStatus } from '../enums';
import { currentEpisode, isOpenOn, type DatedEpisode } from './episodes';
import { answeringAgency, invitationEndsOn, meetingSharedWith, type MeetingConsent } from './meetings';

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
    /** The agency the invitation is from (its staff only: a person from another agency gets nothing by it). */
    agency: Agency;
    invitedOn: LocalDate;
    meeting: MeetingConsent & {
      id: string;
      heldOn: LocalDate;
      status: MeetingStatus;
      statusChangedOn?: LocalDate | null;
    };
  }[];
  /** Actions from meetings about the young person that the viewer owns, with their meeting's consent. */
  actions: {
    ownerId: string;
    owningAgency: Agency;
    status: ActionStatus;
    completedOn?: LocalDate | null;
    meeting: MeetingConsent & { id: string };
  }[];
  /** The young person's case status history (looked after or not decides the virtual school head's statutory duty; read only for a statutory role). */
  caseStatuses: (DatedEpisode & { status: CaseStatus })[];
}

/**
 * An invitation counts for the person invited, in the agency it was from, from the day it is sent to
 * the day it ends (invitationEndsOn), as far as the meeting is shared with their agency.
 */
function invitationCounts(viewer: Viewer, invitation: RelationshipFacts['invitations'][number], today: LocalDate): boolean {
  const { meeting } = invitation;
  if (invitation.practitionerId !== viewer.id || answeringAgency(invitation.agency) !== viewer.agency) return false;
  if (today < invitation.invitedOn || today > invitationEndsOn(meeting)) return false;
  return meetingSharedWith(meeting, viewer.agency);
}

/**
 * An action keeps its owner's relationship while open, and on the day it was closed; only for its
 * owner in its owning agency, and only as far as its meeting is shared with that agency (an action
 * never gets round the young person's refusal).
 */
function actionCounts(viewer: Viewer, action: RelationshipFacts['actions'][number], today: LocalDate): boolean {
  if (action.ownerId !== viewer.id || answeringAgency(action.owningAgency) !== viewer.agency) return false;
  if (action.status !== ActionStatus.OPEN && !(action.completedOn && today <= action.completedOn)) return false;
  return meetingSharedWith(action.meeting, viewer.agency);
}

/** Children Act 1989 s22(3A): the virtual school head promotes the education of every looked-after child. */
export const hasStatutoryRole = (viewer: Viewer): boolean => viewer.role === 'VIRTUAL_SCHOOL_HEAD';

/** Roles that see figures, never children: a corporate parenting board member holds no relationship with anyone, break-glass included. */
export const FIGURES_ONLY_ROLES: readonly Role[] = ['CORPORATE_PARENTING_BOARD_MEMBER'];

/** The facts the rule reads before the viewer's meetings. */
export type FactsBeforeMeetings = Pick<RelationshipFacts, 'allocations' | 'specialistInvolvements' | 'caseStatuses'>;

/**
 * What the rule decides before it reads the viewer's invitations and actions: a purpose that outranks
 * them (audit, allocation, hub involvement, statutory duty), none for a figures-only role, or undefined
 * when the meetings decide. A key worker's caseload page is settled by their allocations without
 * loading the few hundred meetings they are invited to.
 */
export function purposeBeforeMeetings(viewer: Viewer, facts: FactsBeforeMeetings, today: LocalDate): Purpose | null | undefined {
  if (viewer.role === 'IG_AUDITOR') return { kind: PurposeKind.AUDIT };
  if (FIGURES_ONLY_ROLES.includes(viewer.role)) return null;
  if (facts.allocations.some((a) => a.practitionerId === viewer.id && isOpenOn(a, today))) return { kind: PurposeKind.ALLOCATION };
  if (facts.specialistInvolvements.some((s) => s.practitionerId === viewer.id && isOpenOn(s, today)))
    return { kind: PurposeKind.SPECIALIST_INVOLVEMENT };
  if (hasStatutoryRole(viewer) && currentEpisode(facts.caseStatuses, today)?.status === CaseStatus.LOOKED_AFTER)
    return { kind: PurposeKind.STATUTORY_ROLE };
  return undefined;
}

export function legitimateRelationship(
  viewer: Viewer,
  facts: RelationshipFacts,
  today: LocalDate,
  breakGlassReason?: string,
): Purpose | null {
  const before = purposeBeforeMeetings(viewer, facts, today);
  return before !== undefined ? before : purposeFromMeetings(viewer, facts, today, breakGlassReason);
}

/** The rest of the rule, where purposeBeforeMeetings left the answer open: the viewer's meetings, then breaking glass. */
export function purposeFromMeetings(
  viewer: Viewer,
  facts: Pick<RelationshipFacts, 'invitations' | 'actions'>,
  today: LocalDate,
  breakGlassReason?: string,
): Purpose | null {
  const invitation = facts.invitations
    .filter((i) => invitationCounts(viewer, i, today))
    .sort((a, b) => (a.meeting.heldOn < b.meeting.heldOn ? 1 : -1))[0];
  if (invitation) return { kind: PurposeKind.MEETING_INVITATION, meetingId: invitation.meeting.id };
  const action = facts.actions.find((a) => actionCounts(viewer, a, today));
  if (action) return { kind: PurposeKind.ACTION_OWNER, meetingId: action.meeting.id };
  if (breakGlassReason && isValidBreakGlassReason(breakGlassReason))
    return { kind: PurposeKind.BREAK_GLASS, reason: breakGlassReason.trim() };
  return null;
}

export function isValidBreakGlassReason(reason: string): boolean {
  return justificationProblem(reason.trim()) === null;
}
