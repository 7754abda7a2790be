import { addDays, daysBetween, type LocalDate } from '../../subgraph/dates';
import type { Random } from './random';

/** Days in an average six months: the period North Yorkshire reports its outcomes over (002:919-1132). */
export const SIX_MONTHS_DAYS = 182.5;

/**
 * Days on which events happen at `perSixMonths` on average from `from` to `to` (both included): a
 * Poisson process, drawn as exponential gaps, so a rate can change at a date (before and after NWD
 * referral) simply by calling this once for each side. One draw per event, whatever the window.
 */
export function eventDays(r: Random, from: LocalDate, to: LocalDate, perSixMonths: number): LocalDate[] {
  const days: LocalDate[] = [];
  if (perSixMonths <= 0 || from > to) return days;
  const perDay = perSixMonths / SIX_MONTHS_DAYS;
  const span = daysBetween(from, to);
  for (let t = gap(r, perDay); t <= span; t += gap(r, perDay)) days.push(addDays(from, Math.floor(t)));
  return days;
}

function gap(r: Random, perDay: number): number {
  return -Math.log(1 - r.next()) / perDay;
}

/** The later of two dates. */
export function laterOf(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function earlierOf(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

/** The weekday nearest a date: Saturday moves back to Friday, Sunday on to Monday (meetings are held on weekdays). */
export function nearestWeekday(date: LocalDate): LocalDate {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(date, -1) : dow === 0 ? addDays(date, 1) : date;
}
