import type { RequiredEntityData } from '@mikro-orm/core';
import { addDays, addMonths, ageOn, daysBetween, type LocalDate } from '../../../kit/subgraph/dates';
import type { Random } from '../../../kit/dev/synthetic/random';
import type { SyntheticYoungPerson } from '../../../kit/dev/synthetic/population';
import type { Patient, PatientRecord } from '../entities';
import type { SeedingSession } from '../../../kit/dev/synthetic/seeding-session';

/**
 * One young person's life as the seed sees it: a random stream and the window in which their
 * records may fall (after the date of birth, on or before the as-of date).
 */
export class Life {
  readonly age: number;

  constructor(
    private readonly em: SeedingSession,
    readonly r: Random,
    readonly person: SyntheticYoungPerson,
    readonly patient: Patient,
    readonly asOf: LocalDate,
  ) {
    this.age = ageOn(person.dateOfBirth, asOf);
  }

  get nwd(): boolean {
    return this.person.nwd;
  }

  /** The day the child reaches `years` of age. */
  birthday(years: number): LocalDate {
    return addMonths(this.person.dateOfBirth, 12 * years);
  }

  monthsAgo(months: number): LocalDate {
    return addMonths(this.asOf, -months);
  }

  /** A random date in [from, to], kept after birth and on or before asOf; null when that window is empty. */
  dateIn(from: LocalDate, to: LocalDate = this.asOf): LocalDate | null {
    const start = maxDate(from, addDays(this.person.dateOfBirth, 1));
    const end = to < this.asOf ? to : this.asOf;
    if (start > end) return null;
    return addDays(start, this.r.int(0, daysBetween(start, end)));
  }

  /** Whether the child has a kind of record: never before `fromAge`, with different odds on the NWD caseload. */
  has(fromAge: number, nwdOdds: number, otherOdds: number): boolean {
    return this.age >= fromAge && this.r.chance(this.nwd ? nwdOdds : otherOdds);
  }

  /** A random date within the last `months` months, not before the child was `fromAge`. */
  recentDate(months: number, fromAge = 0): LocalDate | null {
    return this.dateIn(maxDate(this.birthday(fromAge), this.monthsAgo(months)));
  }

  /** `date` if it has happened by asOf, else null (the event is still to come). */
  happened(date: LocalDate | null): LocalDate | null {
    return date !== null && date <= this.asOf ? date : null;
  }

  /** A whole number drawn from a normal distribution (Box-Muller), clamped to [min, max]. */
  normalInt(mean: number, sd: number, min: number, max: number): number {
    const z = Math.sqrt(-2 * Math.log(1 - this.r.next())) * Math.cos(2 * Math.PI * this.r.next());
    return Math.min(max, Math.max(min, Math.round(mean + sd * z)));
  }

  /** A new record of this patient, persisted by the seeder once the young person's wishes are added to it. */
  record<T extends PatientRecord>(entity: new () => T, fields: Omit<Partial<T>, 'id' | 'patient'>): T {
    return this.em.create(entity, { ...fields, patient: this.patient } as RequiredEntityData<T>, { persist: false }) as T;
  }
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** Invented free text, marked so no one mistakes it for a real record. */
export function syntheticNote(r: Random, notes: readonly string[]): string {
  return `[Synthetic, invented] ${r.pick(notes)}`;
}
