import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import type { CohortMember, ReportingPeriod } from '../access/access-grant';
import { addDays, addMonths, daysBetween, type LocalDate } from '../dates';
import { OutcomeUnit, type CountedBeforeAfter, type CountedFigure } from './figures';
import { referralWindows, REFERRAL_WINDOW_MONTHS, within } from './periods';
import { plainQuery } from '../plain-query';

/**
 * The counting every agency does the same way: records of the cohort's members loaded in chunks (a
 * cohort at council scale is tens of thousands of identifiers, more than one IN list should hold),
 * then counted per period in memory from dates.
 */
const CHUNK = 5_000;

export async function loadInChunks<V, T>(values: readonly V[], load: (chunk: V[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await load(values.slice(i, i + CHUNK))));
  return out;
}

/** plainQuery for the rows whose `key` is one of `values`, in chunks. */
export function plainRows<Row extends object>(
  em: EntityManager,
  entity: EntityName<object>,
  fields: readonly (keyof Row & string)[],
  key: string,
  values: readonly (string | number)[],
  where: FilterQuery<object> = {},
): Promise<Row[]> {
  return loadInChunks(values, (chunk) => plainQuery<Row>(em, entity, fields, { ...(where as object), [key]: { $in: chunk } }));
}

/** An instant as the database driver returns it in a plain row (a Date, an ISO string or epoch milliseconds). */
export const asInstant = (value: Date | string | number): Date => (value instanceof Date ? value : new Date(value));

/** Rows grouped by their owner's id (the loaders' grouping). */
export { byOwner } from '../loaders';

/** The total of some counts. */
export const sum = (counts: readonly number[]): number => counts.reduce((total, n) => total + n, 0);

/** The referral date of each member, by the agency's identifier. */
export const referralDates = (members: readonly CohortMember[]): Map<string, LocalDate | null> => new Map(members);

/** Events (by date) counted per period: how many, and how many of the young people had one. */
export function eventsPerPeriod<Owner>(
  periods: ReportingPeriod[],
  owners: readonly Owner[],
  dates: (owner: Owner) => LocalDate[],
): CountedFigure[] {
  return periods.map((period) => {
    let numerator = 0;
    let people = 0;
    for (const owner of owners) {
      const n = dates(owner).filter((d) => within(d, period)).length;
      numerator += n;
      if (n) people++;
    }
    return { numerator, denominator: owners.length, people };
  });
}

/** A share per period: of the young people the measure applies to then, how many met it. */
export function sharePerPeriod<Owner>(
  periods: ReportingPeriod[],
  owners: readonly Owner[],
  appliesTo: (owner: Owner, period: ReportingPeriod) => boolean,
  meets: (owner: Owner, period: ReportingPeriod) => boolean,
): CountedFigure[] {
  return periods.map((period) => {
    const eligible = owners.filter((o) => appliesTo(o, period));
    const met = eligible.filter((o) => meets(o, period)).length;
    return { numerator: met, denominator: eligible.length, people: met, peopleLeftOut: eligible.length - met };
  });
}

/** Whether a date falls in the `months` before a period's end (its last day included). */
export const inMonthsTo = (date: LocalDate | null | undefined, periodEnd: LocalDate, months: number): boolean =>
  within(date, { from: addDays(addMonths(periodEnd, -months), 1), to: periodEnd });

/** Members referred long enough before the report's end for six months after referral to have passed. */
export const comparable = (referredOn: LocalDate | null | undefined, reportEnd: LocalDate): referredOn is LocalDate =>
  !!referredOn && addMonths(referredOn, REFERRAL_WINDOW_MONTHS) <= addDays(reportEnd, 1);

/** Events in the six months before each comparable member's referral and in the six from it, totalled. */
export function eventsBeforeAndAfter<Owner>(
  owners: readonly Owner[],
  referredOn: (owner: Owner) => LocalDate | null | undefined,
  dates: (owner: Owner) => LocalDate[],
  reportEnd: LocalDate,
): { youngPeople: number; before: number; after: number } {
  let youngPeople = 0;
  let before = 0;
  let after = 0;
  for (const owner of owners) {
    const referral = referredOn(owner);
    if (!comparable(referral, reportEnd)) continue;
    const windows = referralWindows(referral);
    youngPeople++;
    for (const d of dates(owner)) {
      if (within(d, windows.before)) before++;
      else if (within(d, windows.after)) after++;
    }
  }
  return { youngPeople, before, after };
}

/**
 * The North Yorkshire comparison for events an agency records by date: how many in the six months
 * before each comparable member's referral and in the six from it, per young person compared.
 */
export function eventsAroundReferral<Owner extends { referredOn: LocalDate | null }>(
  code: string,
  events: string,
  owners: readonly Owner[],
  dates: (owner: Owner) => LocalDate[],
  reportEnd: LocalDate,
): CountedBeforeAfter {
  return {
    code,
    name: `${events} per young person`,
    definition: `${events} in the six months before the NWD referral and the six months from it, per young person compared.`,
    unit: OutcomeUnit.PER_YOUNG_PERSON,
    ...eventsBeforeAndAfter(owners, (o) => o.referredOn, dates, reportEnd),
  };
}

/** Days of a dated episode that fall in a period (both ends included; an open episode runs on). */
export function daysWithin(episode: { startDate: LocalDate; endDate?: LocalDate | null }, period: ReportingPeriod): number {
  const from = episode.startDate > period.from ? episode.startDate : period.from;
  const to = episode.endDate && episode.endDate < period.to ? episode.endDate : period.to;
  if (to < from) return 0;
  return daysBetween(from, to) + 1;
}
