/**
 * Calendar arithmetic on local dates ("YYYY-MM-DD"), done in UTC so no time zone shifts a day.
 * Records of assessments, PEPs and episodes are dates, not instants; rules compare dates.
 */
export type LocalDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Both by the date's parts rather than through ISO text: seeding 100 000 young people makes tens of
// millions of these, and toISOString was a tenth of social care's seeding time.
export function parseLocalDate(value: LocalDate): Date {
  if (!ISO_DATE.test(value)) throw new Error(`not a local date (YYYY-MM-DD): ${value}`);
  const [year, month, day] = [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  // A day or month out of range rolls over (31 April is 1 May): not a calendar date.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    throw new Error(`not a calendar date: ${value}`);
  return d;
}

export function toLocalDate(d: Date): LocalDate {
  const year = d.getUTCFullYear();
  // Outside four-digit years (and for an invalid date, which throws) ISO text is the rule.
  if (!(year >= 1000 && year <= 9999)) return d.toISOString().slice(0, 10);
  const [month, day] = [d.getUTCMonth() + 1, d.getUTCDate()];
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** One formatter, made once: building an Intl.DateTimeFormat costs far more than formatting with one. */
const UK_CALENDAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
const HOUR_MS = 3_600_000;
/** The UK date of each UTC hour seen, while it is the same at the hour's start and end. */
const ukDateOfHour = new Map<number, LocalDate>();
/** About six years of hours: the dates a cohort's records span. Past it, the memo starts again. */
const MAX_HOURS_REMEMBERED = 50_000;

/**
 * Today's date in the UK, from an instant (Europe/London: the councils' calendar). Formatting with
 * Intl costs microseconds, and a cohort's counting dates hundreds of thousands of instants (it was the
 * police's largest cost at council scale), so the date is kept for each UTC hour whose first and last
 * millisecond fall on the same UK date: UK midnight, in GMT and in summer time alike, falls on a UTC
 * hour, so every hour qualifies and each is formatted once.
 */
export function ukDate(instant: Date): LocalDate {
  const ms = instant.getTime();
  const hour = Math.floor(ms / HOUR_MS);
  const known = ukDateOfHour.get(hour);
  if (known !== undefined) return known;
  const date = UK_CALENDAR.format(instant);
  if (UK_CALENDAR.format(hour * HOUR_MS) === date && UK_CALENDAR.format(hour * HOUR_MS + HOUR_MS - 1) === date) {
    if (ukDateOfHour.size >= MAX_HOURS_REMEMBERED) ukDateOfHour.clear();
    ukDateOfHour.set(hour, date);
  }
  return date;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = parseLocalDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return toLocalDate(d);
}

/** Adds calendar months; a day that does not exist in the target month is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const d = parseLocalDate(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return toLocalDate(d);
}

/**
 * Adds working days (Monday to Friday). Bank holidays are not modelled: a due date may fall up to a
 * few days early around Christmas and Easter, which errs on the side of the child.
 */
export function addWorkingDays(date: LocalDate, days: number): LocalDate {
  const d = parseLocalDate(date);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  return toLocalDate(d);
}

/** Whole years of age on a date (a birthday on 29 Feb is reached on 1 Mar in other years). */
export function ageOn(dateOfBirth: LocalDate, on: LocalDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Days from a to b (b - a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((parseLocalDate(b).getTime() - parseLocalDate(a).getTime()) / 86_400_000);
}
