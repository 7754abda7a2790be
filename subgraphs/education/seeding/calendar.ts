import { addDays, daysBetween, parseLocalDate, type LocalDate } from '../../../kit/subgraph/dates';
import type { Random } from '../../../kit/dev/synthetic/random';

/** Date helpers for plausible synthetic school dates (schools meet on weekdays). */

export function isWeekday(date: LocalDate): boolean {
  const dow = parseLocalDate(date).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The date itself if a weekday, else the Monday after. */
export function weekdayOnOrAfter(date: LocalDate): LocalDate {
  let d = date;
  while (!isWeekday(d)) d = addDays(d, 1);
  return d;
}

/** The date itself if a weekday, else the Friday before. */
export function weekdayOnOrBefore(date: LocalDate): LocalDate {
  let d = date;
  while (!isWeekday(d)) d = addDays(d, -1);
  return d;
}

/** A uniformly random date from..to inclusive (from when to is earlier). */
export function dateBetween(r: Random, from: LocalDate, to: LocalDate): LocalDate {
  return addDays(from, r.int(0, Math.max(0, daysBetween(from, to))));
}

/** A random school day from..to, never after `to` (null when the range holds no weekday). */
export function schoolDayBetween(r: Random, from: LocalDate, to: LocalDate): LocalDate | null {
  if (to < from) return null;
  const d = weekdayOnOrAfter(dateBetween(r, from, to));
  if (d <= to) return d;
  const back = weekdayOnOrBefore(to);
  return back >= from ? back : null;
}

/** Weekdays from..to inclusive (counted by whole weeks: seeding 100 000 pupils calls this a lot). */
export function weekdaysBetween(from: LocalDate, to: LocalDate): number {
  if (to < from) return 0;
  const days = daysBetween(from, to) + 1;
  const firstDow = parseLocalDate(from).getUTCDay();
  let n = Math.floor(days / 7) * 5;
  for (let i = 0; i < days % 7; i++) {
    const dow = (firstDow + i) % 7;
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
}

/** The first day of the autumn term at school (early September). */
export function autumnTermBegins(year: number): LocalDate {
  return weekdayOnOrAfter(`${year}-09-03`);
}

/** The last day of the summer term at school (late July). */
export function summerTermEnds(year: number): LocalDate {
  return weekdayOnOrBefore(`${year}-07-22`);
}

export function earliest(...dates: LocalDate[]): LocalDate {
  return dates.reduce((a, b) => (b < a ? b : a));
}

export function latest(...dates: LocalDate[]): LocalDate {
  return dates.reduce((a, b) => (b > a ? b : a));
}
