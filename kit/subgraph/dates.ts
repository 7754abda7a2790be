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
const DAY_MS = 24 * HOUR_MS;
/** A UTC day's UK dates: `before` until the instant `changesAt`, `after` from it (the same date all day in GMT). */
type UkDay = { before: LocalDate; after: LocalDate; changesAt: number };
const ukDays = new Map<number, UkDay | null>();
/** A century of days: more than any records' span, so the memo never churns. */
const MAX_DAYS_REMEMBERED = 40_000;

/**
 * A UTC day's UK dates, formatted at most four times: UK midnight falls at 00:00 UTC in GMT and at
 * 23:00 UTC in summer time, so a day's date changes at most once, on an hour. Null (and each instant
 * formatted on its own) for a day that does not fit that shape.
 */
function ukDayOf(day: number): UkDay | null {
  const start = day * DAY_MS;
  try {
    const before = UK_CALENDAR.format(start);
    const after = UK_CALENDAR.format(start + DAY_MS - 1);
    if (before === after) return { before, after, changesAt: start + DAY_MS };
    // The earliest hour already on the later date, counting back from the last.
    let changesAt = start + DAY_MS;
    for (let hour = 23; hour >= 1 && UK_CALENDAR.format(start + hour * HOUR_MS) === after; hour--) changesAt = start + hour * HOUR_MS;
    if (changesAt < start + DAY_MS && UK_CALENDAR.format(changesAt - 1) === before) return { before, after, changesAt };
  } catch {
    // At the ends of the representable range: left to format each instant.
  }
  return null;
}

/**
 * Today's date in the UK, from an instant (Europe/London: the councils' calendar). Formatting with
 * Intl costs microseconds, and a cohort's counting dates hundreds of thousands of instants (it was the
 * police's largest cost at council scale), so each UTC day's dates are worked out once (ukDayOf).
 */
export function ukDate(instant: Date): LocalDate {
  const ms = instant.getTime();
  const day = Math.floor(ms / DAY_MS);
  // An invalid date is Intl's to refuse (RangeError), and never remembered.
  if (!Number.isFinite(day)) return UK_CALENDAR.format(instant);
  let known = ukDays.get(day);
  if (known === undefined) {
    if (ukDays.size >= MAX_DAYS_REMEMBERED) ukDays.clear();
    known = ukDayOf(day);
    ukDays.set(day, known);
  }
  if (known === null) return UK_CALENDAR.format(instant);
  return ms < known.changesAt ? known.before : known.after;
}

/**
 * The last sums done, by date and amount, in a small fixed table (a slot per hash of the two). Counting
 * a cohort asks the same few sums millions of times (each period's end less 12 months, for every young
 * person): parsing and formatting them each time was most of education's and health's CPU for a
 * council-wide scorecard. A miss costs a few character reads and no allocation, so seeding's millions
 * of different sums are not slowed.
 */
class RecentSums {
  private static readonly SLOTS = 256;
  private readonly dates: (LocalDate | undefined)[] = new Array<LocalDate | undefined>(RecentSums.SLOTS);
  private readonly amounts = new Float64Array(RecentSums.SLOTS);
  private readonly sums: LocalDate[] = new Array<LocalDate>(RecentSums.SLOTS);

  constructor(private readonly add: (date: LocalDate, amount: number) => LocalDate) {}

  sum(date: LocalDate, amount: number): LocalDate {
    // The year's last two digits, the month and the day, and the amount (characters past the end read as NaN, slot 0).
    const slot =
      (date.charCodeAt(2) * 7 +
        date.charCodeAt(3) * 11 +
        date.charCodeAt(5) * 13 +
        date.charCodeAt(6) * 17 +
        date.charCodeAt(8) * 19 +
        date.charCodeAt(9) * 23 +
        amount * 29) &
      (RecentSums.SLOTS - 1);
    if (this.dates[slot] === date && this.amounts[slot] === amount) return this.sums[slot];
    const sum = this.add(date, amount);
    this.dates[slot] = date;
    this.amounts[slot] = amount;
    this.sums[slot] = sum;
    return sum;
  }
}

const daysAdded = new RecentSums((date, days) => {
  const d = parseLocalDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return toLocalDate(d);
});

const monthsAdded = new RecentSums((date, months) => {
  const d = parseLocalDate(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return toLocalDate(d);
});

export function addDays(date: LocalDate, days: number): LocalDate {
  return daysAdded.sum(date, days);
}

/** Adds calendar months; a day that does not exist in the target month is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return monthsAdded.sum(date, months);
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
  // Month and day compare as text ("MM-DD"): ages are asked for every young person in every period.
  const age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) < dateOfBirth.slice(5) ? age - 1 : age;
}

/** Days from a to b (b - a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((parseLocalDate(b).getTime() - parseLocalDate(a).getTime()) / 86_400_000);
}
