import type { ChronologyLine } from '../../../kit/subgraph/access/chronology-guard';
import { toLocalDate } from '../../../kit/subgraph/dates';
import { byDateDescending, chronologyEntry, Significance } from '../../../kit/subgraph/graphql/chronology';
import { SOCIAL_CARE } from '../agency';
import type { CaseStatusEpisode, LegalStatusEpisode, MissingFromCareEpisode, PlacementEpisode } from '../entities/episodes';
import type { Meeting } from '../entities/meetings';
import type { NwdInvolvement } from '../entities/nwd';
import type { Plan } from '../entities/plans';
import {
  CASE_STATUS_MEANINGS,
  CaseStatus,
  LEGAL_STATUS_MEANINGS,
  LegalStatus,
  MeetingKind,
  MeetingStatus,
  MISSING_FROM_CARE_TYPE_MEANINGS,
  PLACEMENT_CHANGE_REASON_MEANINGS,
  PLACEMENT_TYPE_MEANINGS,
  PlacementChangeReason,
  PLAN_TYPE_MEANINGS,
} from '../enums';

/** Everything social care holds that its chronology tells, as loaded for one request. */
export interface SocialCareHistory {
  statuses: CaseStatusEpisode[];
  legal: LegalStatusEpisode[];
  placements: PlacementEpisode[];
  missing: MissingFromCareEpisode[];
  plans: Plan[];
  nwd: NwdInvolvement[];
  meetings: Meeting[];
}

const line = (record: object, date: string, kind: string, summary: string, significance: Significance): ChronologyLine => ({
  entry: chronologyEntry(SOCIAL_CARE.name, date, kind, summary, significance),
  record,
});

/** Entering care, a protection plan, emergency orders and remand are what a deep dive must not miss. */
const HIGH_STATUS = new Set([CaseStatus.CHILD_PROTECTION, CaseStatus.LOOKED_AFTER]);
const HIGH_LEGAL = new Set([LegalStatus.L1, LegalStatus.L2, LegalStatus.J1, LegalStatus.J2]);
/** A placement that ended because of an allegation, standards, the carer or the child, or custody: unplanned. */
const UNPLANNED_END = new Set([
  PlacementChangeReason.ALLEG,
  PlacementChangeReason.STAND,
  PlacementChangeReason.CREQB,
  PlacementChangeReason.CREQO,
  PlacementChangeReason.CHILD,
  PlacementChangeReason.CUSTOD,
]);

/** A code as the record holds it, in words, with the code kept for those who use it ("Full care order (C2)"). */
const said = (meaning: string, code: string) => `${meaning.replace(/\.$/, '')} (${code})`;

/** Social care's lines carry no guarded field: placement types, not providers; statuses, not categories. */
export const SOCIAL_CARE_CHRONOLOGY_DRAWS_ON: readonly string[] = [];

/**
 * Social care's dated events as chronology lines, newest first, in words: what each status, order,
 * placement and plan code means, not the code alone.
 */
export function socialCareChronology(h: SocialCareHistory): ChronologyLine[] {
  return [
    ...h.statuses.map((s) =>
      line(
        s,
        s.startDate,
        'Status began',
        said(CASE_STATUS_MEANINGS[s.status], s.status),
        HIGH_STATUS.has(s.status) ? Significance.HIGH : Significance.MEDIUM,
      ),
    ),
    ...h.statuses.flatMap((s) =>
      s.endDate ? [line(s, s.endDate, 'Status ended', said(CASE_STATUS_MEANINGS[s.status], s.status), Significance.MEDIUM)] : [],
    ),
    ...h.legal.map((s) =>
      line(
        s,
        s.startDate,
        'Legal status',
        said(LEGAL_STATUS_MEANINGS[s.legalStatus], s.legalStatus),
        HIGH_LEGAL.has(s.legalStatus) ? Significance.HIGH : Significance.MEDIUM,
      ),
    ),
    ...h.placements.map((s) =>
      line(s, s.startDate, 'Placement began', said(PLACEMENT_TYPE_MEANINGS[s.placementType], s.placementType), Significance.MEDIUM),
    ),
    ...h.placements.flatMap((s) =>
      s.endDate
        ? [
            line(
              s,
              s.endDate,
              'Placement ended',
              s.reasonForChange ? said(PLACEMENT_CHANGE_REASON_MEANINGS[s.reasonForChange], s.reasonForChange) : 'No reason recorded',
              s.reasonForChange && UNPLANNED_END.has(s.reasonForChange) ? Significance.HIGH : Significance.MEDIUM,
            ),
          ]
        : [],
    ),
    ...h.missing.map((m) =>
      line(m, toLocalDate(m.startedAt), 'Missing from care', MISSING_FROM_CARE_TYPE_MEANINGS[m.type], Significance.HIGH),
    ),
    ...h.plans.map((s) => line(s, s.agreedOn, 'Plan agreed', PLAN_TYPE_MEANINGS[s.type], Significance.MEDIUM)),
    ...h.nwd.map((n) =>
      line(
        n,
        n.referredOn,
        'Referred to No Wrong Door',
        `${n.priority.toLowerCase()} priority referral, from ${n.referralSource}.`,
        Significance.MEDIUM,
      ),
    ),
    ...h.meetings
      .filter((m) => m.status !== MeetingStatus.SCHEDULED)
      .map((m) =>
        line(
          m,
          m.heldOn,
          m.kind === MeetingKind.RAISE ? 'RAISE meeting' : 'Deep dive',
          meetingSummary(m),
          m.status === MeetingStatus.HELD ? Significance.MEDIUM : Significance.LOW,
        ),
      ),
  ].sort((a, b) => byDateDescending(a.entry, b.entry));
}

function meetingSummary(m: Meeting): string {
  const what = m.kind === MeetingKind.RAISE ? 'RAISE meeting' : 'Deep dive';
  if (m.status === MeetingStatus.HELD) return `${what} held; plan agreed.`;
  return `${what} ${m.status === MeetingStatus.POSTPONED ? 'postponed' : 'cancelled'}${m.statusReason ? `: ${m.statusReason.replace(/\.$/, '')}` : ''}.`;
}
