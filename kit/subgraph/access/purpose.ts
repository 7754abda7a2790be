import { codeList } from '../graphql/code-list';

/**
 * Why a user may see a young person's record: the legitimate relationship (DOMAIN.md §4). Social care
 * holds the facts (allocations, meeting invitations) and decides; every agency records the purpose
 * with each read, and an agency's policy may narrow what a purpose shows.
 */
export enum PurposeKind {
  ALLOCATION = 'ALLOCATION',
  SPECIALIST_INVOLVEMENT = 'SPECIALIST_INVOLVEMENT',
  STATUTORY_ROLE = 'STATUTORY_ROLE',
  MEETING_INVITATION = 'MEETING_INVITATION',
  ACTION_OWNER = 'ACTION_OWNER',
  BREAK_GLASS = 'BREAK_GLASS',
  AUDIT = 'AUDIT',
  AGGREGATE_REPORTING = 'AGGREGATE_REPORTING',
}

codeList(PurposeKind, 'PurposeKind', 'The legitimate relationship under which a record was read.', {
  ALLOCATION: 'Allocated to the young person (social worker, NWD key worker, IRO).',
  SPECIALIST_INVOLVEMENT:
    'A hub specialist (life coach, speech and language therapist, CAMHS worker, police liaison) while their involvement is open.',
  STATUTORY_ROLE: 'A statutory role over the young person (the virtual school head for every looked-after child of the authority).',
  MEETING_INVITATION:
    'Invited to a RAISE meeting or deep dive about the young person, from the invitation until 28 days after the meeting (until it was called off, if postponed or cancelled); not for invitees from other agencies when the young person did not agree to be discussed, unless the chair overrode that.',
  ACTION_OWNER: 'Named owner of an action agreed at a meeting about the young person, until the action is closed.',
  BREAK_GLASS: 'Emergency access with a typed justification: allowed, recorded, and raised as an alert for auditors.',
  AUDIT: 'An information-governance auditor answering a subject access request: access logs only.',
  AGGREGATE_REPORTING:
    'Figures about a cohort (the corporate parenting scorecard, NWD outcomes): each agency counts its own records of the cohort social care defined, and returns figures, never rows.',
});

export interface Purpose {
  kind: PurposeKind;
  /** The meeting whose invitation (or action) gives the relationship: in social care, which owns meetings. */
  meetingId?: string;
  /** That meeting in another agency: social care's reference for it, made for that agency alone (never its id). */
  meetingReference?: string;
  /** The user's typed justification, for break-glass. */
  reason?: string;
}

/** The meeting a purpose names, as this agency knows it: its id in social care, social care's reference for it elsewhere. */
export function purposeMeeting(purpose: Purpose): string | null {
  return purpose.meetingId ?? purpose.meetingReference ?? null;
}
