import { addDays, addMonths, daysBetween, type LocalDate } from '../../../kit/subgraph/dates';
import type { SyntheticYoungPerson } from '../../../kit/dev/synthetic/population';
import type { AgencyCode } from '../../../kit/shared/roles';
import type { Random } from '../../../kit/dev/synthetic/random';
import type { Nominal } from '../entities';
import type { SeedingSession } from '../../../kit/dev/synthetic/seeding-session';

/** What every generator needs for one young person: where to persist, the random stream, and the time window. */
export interface Scene {
  em: SeedingSession;
  r: Random;
  /**
   * A separate stream for the young person's wishes about sharing, so adding them changed none of
   * the other seeded records.
   */
  wishes: Random;
  person: SyntheticYoungPerson;
  nominal: Nominal;
  /** First day the police could hold anything: the later of the 10th birthday and the PNC ID's year. */
  from: LocalDate;
  /** The last day anything happened: the day before the data's asOf date. */
  to: LocalDate;
}

export function sceneFor(
  em: SeedingSession,
  r: Random,
  wishes: Random,
  person: SyntheticYoungPerson,
  nominal: Nominal,
  pncId: string,
  asOf: LocalDate,
): Scene {
  const to = addDays(asOf, -1);
  const from = latest(addMonths(person.dateOfBirth, 120), `${pncId.slice(0, 4)}-01-01`);
  // A PNC ID issued days ago still gets up to a month of history, never before the birth date.
  const fallback = latest(addDays(to, -30), addDays(person.dateOfBirth, 1));
  return { em, r, wishes, person, nominal, from: from < to ? from : fallback, to };
}

function latest(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

export function dateIn(r: Random, from: LocalDate, to: LocalDate): LocalDate {
  return to <= from ? from : addDays(from, r.int(0, daysBetween(from, to)));
}

export const MINUTE_MS = 60_000;
export const HOUR_MINUTES = 60;

export function instantOn(r: Random, date: LocalDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + r.int(0, 24 * HOUR_MINUTES - 1) * MINUTE_MS);
}

export function minutesAfter(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE_MS);
}

/** The first instant of the day after the scene: nothing may be recorded from then on. */
export function endOf(scene: Scene): Date {
  return new Date(Date.parse(`${addDays(scene.to, 1)}T00:00:00Z`));
}

/** Marks invented free text so nobody mistakes it for a real record. */
export function synthetic(text: string): string {
  return `${text} [synthetic]`;
}

/** Share of arrests and missing episodes the young person asked not to be shared with their school. */
export const NOT_SHARED_WITH_SCHOOL_SHARE = 0.1;

/**
 * The young person's wish for one record: now and then they asked that their school is not told
 * (young people felt singled out and labelled, DOMAIN.md §4). Deterministic from the wishes stream.
 */
export function youngPersonsWish(scene: Scene): AgencyCode[] | null {
  return scene.wishes.chance(NOT_SHARED_WITH_SCHOOL_SHARE) ? ['EDUCATION'] : null;
}
