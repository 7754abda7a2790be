import type { ReportingPeriod } from '../access/access-grant';
import { addDays, addMonths, type LocalDate } from '../dates';

/** The most quarters one question may ask for: three years of trend. */
export const MAX_QUARTERS = 12;

/** How far either side of the NWD referral the before/after outcomes look (North Yorkshire counted per six months). */
export const REFERRAL_WINDOW_MONTHS = 6;

/** The last day of the last complete calendar quarter on or before `upTo` (quarters end 31 Mar, 30 Jun, 30 Sep, 31 Dec). */
export function lastQuarterEnd(upTo: LocalDate): LocalDate {
  const [year, month] = upTo.split('-').map(Number);
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const end = addDays(`${year}-${String(quarterStartMonth).padStart(2, '0')}-01`, -1);
  // upTo is itself the last day of its quarter: that quarter is complete.
  return addDays(upTo, 1) === addMonths(addDays(end, 1), 3) ? upTo : end;
}

/**
 * `count` consecutive complete quarters ending on or before `upTo`, oldest first: a board compares
 * like with like, so a quarter still running is never one of them.
 */
export function quartersEnding(upTo: LocalDate, count: number): ReportingPeriod[] {
  const end = lastQuarterEnd(upTo);
  const periods: ReportingPeriod[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const to = addDays(addMonths(addDays(end, 1), -3 * i), -1);
    periods.push({ from: addMonths(addDays(to, 1), -3), to });
  }
  return periods;
}

/** The six months before a referral and the six months from it. */
export function referralWindows(referredOn: LocalDate): { before: ReportingPeriod; after: ReportingPeriod } {
  return {
    before: { from: addMonths(referredOn, -REFERRAL_WINDOW_MONTHS), to: addDays(referredOn, -1) },
    after: { from: referredOn, to: addDays(addMonths(referredOn, REFERRAL_WINDOW_MONTHS), -1) },
  };
}

/** Whether a date falls in a period (both ends included). */
export const within = (date: LocalDate | null | undefined, period: ReportingPeriod): boolean =>
  !!date && date >= period.from && date <= period.to;
