import { codeList } from '../graphql/code-list';

/**
 * Why a user may see a young person's record: the legitimate relationship (DOMAIN.md §4). Social care
 * holds the facts (allocations, meeting invitations) and decides; every agency records the purpose
 * with each read, and an agency's policy may narrow what a purpose shows.
 */
export enum PurposeKind {
  ALLOCATION = 'ALLOCATION',
  STATUTORY_ROLE = 'STATUTORY_ROLE',
  MEETING_INVITATION = 'MEETING_INVITATION',
  BREAK_GLASS = 'BREAK_GLASS',
  AUDIT = 'AUDIT',
}

codeList(PurposeKind, 'PurposeKind', 'The legitimate relationship under which a record was read.', {
  ALLOCATION: 'Allocated to the young person (social worker, NWD key worker, IRO).',
  STATUTORY_ROLE: 'A statutory role over the young person (the virtual school head for every looked-after child of the authority).',
  MEETING_INVITATION:
    'Invited to a RAISE meeting or deep dive about the young person, from the invitation until the set period after the meeting.',
  BREAK_GLASS: 'Emergency access with a typed justification: allowed, recorded, and raised as an alert for auditors.',
  AUDIT: 'An information-governance auditor answering a subject access request: access logs only.',
});

export interface Purpose {
  kind: PurposeKind;
  /** The meeting whose invitation gives the relationship. */
  meetingId?: string;
  /** The user's typed justification, for break-glass. */
  reason?: string;
}

/** Days after a meeting during which an invitee may still read the young person's record. */
export const INVITATION_GRACE_DAYS = 28;

/** A break-glass justification must say something: at least this many characters. */
export const MIN_BREAK_GLASS_REASON = 20;
