import type { LocalDate } from '../../../kit/subgraph/dates';
import { academicYearOf } from './terms';

export interface SessionCounts {
  sessionsPossible: number;
  authorisedAbsence: number;
  unauthorisedAbsence: number;
}

/** Persistent absence: missing 10% or more of possible sessions (DfE definition). */
export const PERSISTENT_ABSENCE_PERCENT = 10;

/** Attended sessions as a percentage of possible, one decimal place; null when none were possible. */
export function attendancePercentage(t: SessionCounts): number | null {
  if (t.sessionsPossible <= 0) return null;
  const attended = t.sessionsPossible - t.authorisedAbsence - t.unauthorisedAbsence;
  return Math.round((attended * 1000) / t.sessionsPossible) / 10;
}

/** Persistently absent over the given terms taken together; null when no sessions were possible. */
export function isPersistentlyAbsent(terms: SessionCounts[]): boolean | null {
  const possible = terms.reduce((s, t) => s + t.sessionsPossible, 0);
  if (possible <= 0) return null;
  const missed = terms.reduce((s, t) => s + t.authorisedAbsence + t.unauthorisedAbsence, 0);
  // Whole-number comparison, so exactly 10% counts without floating-point doubt.
  return missed * 100 >= possible * PERSISTENT_ABSENCE_PERCENT;
}

/** Persistent absence over the academic year that contains today; null when nothing is recorded for it yet. */
export function persistentlyAbsentThisYear(terms: (SessionCounts & { academicYear: string })[], today: LocalDate): boolean | null {
  const year = academicYearOf(today);
  return isPersistentlyAbsent(terms.filter((t) => t.academicYear === year));
}
