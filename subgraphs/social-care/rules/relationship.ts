import { addDays } from '../../../kit/subgraph/dates';
import { INVITATION_GRACE_DAYS, MIN_BREAK_GLASS_REASON, PurposeKind, type Purpose } from '../../../kit/subgraph/access/purpose';
import type { Viewer } from '../../../kit/shared/roles';
import { isOpenOn } from './episodes';

/**
 * The legitimate relationship rule (DOMAIN.md §4): a user sees a young person's record only with a
 * purpose. Social care decides, because it holds the facts; every agency then records the purpose.
 */
export interface RelationshipFacts {
  allocations: { practitionerId: string; startDate: string; endDate?: string | null }[];
  invitations: { practitionerId?: string | null; invitedOn: string; meetingId: string; heldOn: string }[];
  /** Whether the young person is looked after today (the virtual school head's statutory duty). */
  lookedAfter: boolean;
}

export function legitimateRelationship(viewer: Viewer, facts: RelationshipFacts, today: string, breakGlassReason?: string): Purpose | null {
  if (viewer.role === 'IG_AUDITOR') return { kind: PurposeKind.AUDIT };
  if (facts.allocations.some((a) => a.practitionerId === viewer.id && isOpenOn(a, today))) return { kind: PurposeKind.ALLOCATION };
  // Children Act 1989 s22(3A): the virtual school head promotes the education of every looked-after child.
  if (viewer.role === 'VIRTUAL_SCHOOL_HEAD' && facts.lookedAfter) return { kind: PurposeKind.STATUTORY_ROLE };
  const invitation = facts.invitations
    .filter((i) => i.practitionerId === viewer.id && i.invitedOn <= today && today <= addDays(i.heldOn, INVITATION_GRACE_DAYS))
    .sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1))[0];
  if (invitation) return { kind: PurposeKind.MEETING_INVITATION, meetingId: invitation.meetingId };
  if (breakGlassReason && isValidBreakGlassReason(breakGlassReason))
    return { kind: PurposeKind.BREAK_GLASS, reason: breakGlassReason.trim() };
  return null;
}

export function isValidBreakGlassReason(reason: string): boolean {
  return reason.trim().length >= MIN_BREAK_GLASS_REASON;
}
