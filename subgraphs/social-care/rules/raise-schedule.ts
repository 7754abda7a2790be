import { addDays, type LocalDate } from '../../../kit/subgraph/dates';
import { MeetingKind, MeetingStatus, type RagPriority } from '../enums';

/**
 * How often a young person on the NWD caseload is reviewed at a RAISE meeting: the hub's local review
 * schedule, by the priority given at referral (the seeds give no national frequency; North Yorkshire
 * held 90 RAISE meetings in year four, 002:1152). Red every 4 weeks, amber every 6, green every 8; the
 * first within 4 weeks of referral.
 */
export const RAISE_INTERVAL_DAYS: Record<RagPriority, number> = { RED: 28, AMBER: 42, GREEN: 56 };
export const FIRST_RAISE_WITHIN_DAYS = 28;

/** The longest any review may be put off: the interval of the lowest priority. */
export const LONGEST_RAISE_INTERVAL_DAYS = Math.max(...Object.values(RAISE_INTERVAL_DAYS));

interface MeetingFacts {
  id?: string;
  kind: MeetingKind;
  status: MeetingStatus;
  heldOn: LocalDate;
  nextReviewOn?: LocalDate | null;
  recordedAt?: Date | null;
}

/** Held later; on the same day, recorded later; then the later meeting number. */
function heldAfter(a: MeetingFacts, b: MeetingFacts): boolean {
  if (a.heldOn !== b.heldOn) return a.heldOn > b.heldOn;
  const recorded = (a.recordedAt?.getTime() ?? 0) - (b.recordedAt?.getTime() ?? 0);
  if (recorded !== 0) return recorded > 0;
  const number = (m: MeetingFacts) => Number(/-M(\d+)$/.exec(m.id ?? '')?.[1] ?? 0);
  return number(a) > number(b);
}

/** The last RAISE meeting held on or before `today`, if any (the same whatever order the meetings come in). */
export function lastHeldRaise<M extends MeetingFacts>(meetings: readonly M[], today: LocalDate): M | null {
  return meetings
    .filter((m) => m.kind === MeetingKind.RAISE && m.status === MeetingStatus.HELD && m.heldOn <= today)
    .reduce<M | null>((last, m) => (!last || heldAfter(m, last) ? m : last), null);
}

/**
 * When the next RAISE meeting is due: the last one held plus the interval for the priority, or sooner
 * if that meeting agreed an earlier review (never later: a review date cannot take a young person off
 * the schedule); the first is due 4 weeks after referral.
 */
export function nextRaiseDue(meetings: readonly MeetingFacts[], priority: RagPriority, referredOn: LocalDate, today: LocalDate): LocalDate {
  const last = lastHeldRaise(meetings, today);
  if (!last) return addDays(referredOn, FIRST_RAISE_WITHIN_DAYS);
  const byPriority = addDays(last.heldOn, RAISE_INTERVAL_DAYS[priority]);
  return last.nextReviewOn && last.nextReviewOn < byPriority ? last.nextReviewOn : byPriority;
}

/** The next RAISE meeting already scheduled, on or after today, if any. */
export function nextScheduledRaise<M extends MeetingFacts>(meetings: readonly M[], today: LocalDate): M | null {
  return meetings
    .filter((m) => m.kind === MeetingKind.RAISE && m.status === MeetingStatus.SCHEDULED && m.heldOn >= today)
    .reduce<M | null>((next, m) => (!next || m.heldOn < next.heldOn ? m : next), null);
}
