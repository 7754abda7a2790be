import type { RequiredEntityData } from '@mikro-orm/core';
import type { LocalDate } from '../../../kit/subgraph/dates';
import type { SyntheticYoungPerson } from '../../../kit/dev/synthetic/population';
import type { Random } from '../../../kit/dev/synthetic/random';
import type { Pupil } from '../entities/pupil';
import type { PupilRecord } from '../entities/pupil-record';
import type { SeedingSession } from '../../../kit/dev/synthetic/seeding-session';

/** What each seeding step needs about the one pupil being seeded. */
export interface PupilSeed {
  em: SeedingSession;
  /** The pupil's one random stream (seed, 'education', index): every draw comes from it, in a fixed order. */
  r: Random;
  /** The young person's wishes about what is shared (seed, 'education-wishes', index): a stream of its own. */
  wishes: Random;
  person: SyntheticYoungPerson;
  pupil: Pupil;
  asOf: LocalDate;
  /** National curriculum year group on asOf (0 = reception). */
  yearGroup: number;
  /** First day in school (nursery or reception). */
  educationStart: LocalDate;
}

// Writable keys only: computed getters (attendancePercentage, daysLost, ...) are readonly and never given.
type IfEquals<X, Y, A> = (<G>() => G extends X ? 1 : 2) extends <G>() => G extends Y ? 1 : 2 ? A : never;
type WritableKeys<T> = { [P in keyof T]-?: IfEquals<{ [Q in P]: T[P] }, { -readonly [Q in P]: T[P] }, P> }[keyof T];
export type RecordData<T> = Pick<T, Exclude<WritableKeys<T>, 'id' | 'pupil'>>;

/** Creates and persists (no flush) one of the pupil's records. */
export function record<T extends PupilRecord>(seed: PupilSeed, entity: new () => T, data: RecordData<T>): T {
  return seed.em.create(entity, { ...data, pupil: seed.pupil } as RequiredEntityData<T>) as T;
}
