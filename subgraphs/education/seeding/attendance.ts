import type { LocalDate } from '../../../kit/subgraph/dates';
import { TermAttendance } from '../entities/term-attendance';
import { RollStatus, SchoolTerm } from '../enums';
import { academicYearLabel, academicYearStarting, termEnd, termsBetween, termStart, type Term } from '../rules/terms';
import { autumnTermBegins, earliest, latest, summerTermEnds, weekdaysBetween } from './calendar';
import type { Stint } from './enrolments';
import { record, type PupilSeed } from './pupil-seed';

/** Sessions a school is open in a whole term (190 days a year, two sessions a day). */
const FULL_TERM_SESSIONS: Record<SchoolTerm, number> = { AUTUMN: 140, SPRING: 120, SUMMER: 120 };
/** The virtual school keeps the current and the two previous academic years to hand. */
const YEARS_KEPT = 3;

/** The weekdays of a term the school is open (holidays inside a term are not modelled). */
function schoolDays(term: Term): [LocalDate, LocalDate] {
  const y = term.startYear;
  if (term.term === SchoolTerm.AUTUMN) return [autumnTermBegins(y), `${y}-12-19`];
  if (term.term === SchoolTerm.SPRING) return [`${y + 1}-01-05`, termEnd(term)];
  return [termStart(term), summerTermEnds(y + 1)];
}

/** Weekdays of the term the pupil was on a main roll (subsidiary registrations would double count). */
function weekdaysOnRoll(stints: Stint[], term: Term, asOf: LocalDate): number {
  const [from, end] = schoolDays(term);
  const to = earliest(end, asOf);
  return stints
    .filter((s) => s.enrolment.rollStatus !== RollStatus.SUBSIDIARY)
    .reduce((n, { enrolment: e }) => {
      const a = latest(e.startDate, from);
      const b = earliest(e.endDate ?? asOf, to);
      return b >= a ? n + weekdaysBetween(a, b) : n;
    }, 0);
}

/**
 * Attendance term by term while on a roll, the current term so far. Each pupil has an underlying
 * absence rate, higher and more often persistent for the NWD cohort, varying from term to term.
 */
export function seedAttendance(seed: PupilSeed, stints: Stint[]): void {
  const { r, person, asOf } = seed;
  if (seed.yearGroup < 0) return;
  const baseRate = person.nwd ? 0.02 + 0.22 * r.next() ** 1.5 : 0.015 + 0.12 * r.next() ** 2.5;
  const unauthorisedShare = person.nwd ? 0.35 + 0.35 * r.next() : 0.1 + 0.3 * r.next();
  const firstYear = `${academicYearStarting(asOf) - YEARS_KEPT + 1}-09-01`;
  for (const term of termsBetween(latest(seed.educationStart, firstYear), asOf)) {
    const onRoll = weekdaysOnRoll(stints, term, asOf);
    if (onRoll === 0) continue;
    const sessionsPossible = Math.round((FULL_TERM_SESSIONS[term.term] * onRoll) / weekdaysBetween(...schoolDays(term)));
    const missed = Math.min(sessionsPossible, Math.round(sessionsPossible * baseRate * (0.6 + 0.8 * r.next())));
    const unauthorisedAbsence = Math.round(missed * unauthorisedShare);
    record(seed, TermAttendance, {
      academicYear: academicYearLabel(term.startYear),
      term: term.term,
      sessionsPossible,
      authorisedAbsence: missed - unauthorisedAbsence,
      unauthorisedAbsence,
    });
  }
}
