import { nhsCheckDigit, pncCheckLetter, upnCheckLetter } from '../../shared/identifiers';
import { addDays, addMonths, parseLocalDate, type LocalDate } from '../../subgraph/dates';
import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, inventedSurname } from './names';
import { Random } from './random';

/**
 * The synthetic population every agency seeds from: the same young people, each agency seeing only
 * its own identifier. Distributions follow DOMAIN.md §6 (Middlesbrough figures, 001 and 000).
 */

export interface PopulationOptions {
  /** Number of young people known to children's social care. */
  size: number;
  /** Seed for every random stream. */
  seed: string;
  /** The date the data describes: events are generated before it. */
  asOf: LocalDate;
}

export const DEFAULT_POPULATION: Omit<PopulationOptions, 'asOf'> = { size: 600, seed: 'nwd-synthetic-1' };

/** Middlesbrough's DfE local-authority code. */
export const LA_CODE = '806';

export type CaseStatus = 'LOOKED_AFTER' | 'CHILD_PROTECTION' | 'CHILD_IN_NEED' | 'CARE_LEAVER';
export type Sex = 'MALE' | 'FEMALE';

export interface SyntheticYoungPerson {
  index: number;
  /** Social care's person id. */
  id: string;
  laChildId: string;
  givenName: string;
  familyName: string;
  sex: Sex;
  dateOfBirth: LocalDate;
  ethnicity: string;
  status: CaseStatus;
  /** When the current episode of care (or plan) began. */
  statusSince: LocalDate;
  /** On the No Wrong Door caseload. */
  nwd: boolean;
  /** Identifiers in social care's cross-reference (null: not linked). */
  nhsNumber: string | null;
  upn: string | null;
  pncId: string | null;
  /** Whether each agency really holds a record under the linked identifier. */
  heldByHealth: boolean;
  heldByEducation: boolean;
  heldByPolice: boolean;
}

// 001:181-188 (looked-after ages); NWD works with 12-25 year olds (002:87).
const AGE_BANDS: [readonly [number, number], number][] = [
  [[0, 0], 5.6],
  [[1, 4], 21.4],
  [[5, 9], 23],
  [[10, 15], 35.4],
  [[16, 17], 14.5],
];
// 001:192-196, as SSDA903 / CIN ethnicity codes.
const ETHNICITY: [string, number][] = [
  ['WBRI', 80.9],
  ['WOTH', 3.0],
  ['WIRI', 1.0],
  ['MWBC', 2.6],
  ['MWBA', 1.5],
  ['MWAS', 1.0],
  ['MOTH', 1.0],
  ['APKN', 1.2],
  ['AOTH', 1.1],
  ['BAFR', 3.6],
  ['BOTH', 1.4],
  ['OOTH', 0.9],
];
// NWD caseload: 57% looked after, 28% CP, 13% CIN (000:2750-2782); the rest care leavers.
const NWD_STATUS: [CaseStatus, number][] = [
  ['LOOKED_AFTER', 57],
  ['CHILD_PROTECTION', 28],
  ['CHILD_IN_NEED', 13],
  ['CARE_LEAVER', 2],
];
/** About 50 of 600 looked-after children are on the NWD caseload. */
const NWD_SHARE = 50 / 600;

export function personId(index: number): string {
  return `YP-${String(index + 1).padStart(6, '0')}`;
}

/** NHS numbers from 999 000 0000-999 999 9999: never issued, so obviously synthetic. */
export function syntheticNhsNumber(index: number): string {
  for (let j = 0; j < 9; j++) {
    const first9 = `999${String(index * 9 + j).padStart(6, '0')}`;
    const check = nhsCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
  throw new Error(`no valid synthetic NHS number for index ${index}`);
}

export function syntheticUpn(index: number, school: number): string {
  const digits = `${LA_CODE}${String(school).padStart(4, '0')}${String(Math.floor(index / 1000) % 100).padStart(2, '0')}${String(index % 1000).padStart(3, '0')}`;
  return `${upnCheckLetter(digits)}${digits}`;
}

export function syntheticPncId(index: number, year: number): string {
  const serial = String(index).padStart(7, '0');
  return `${year}/${serial}${pncCheckLetter(String(year), serial)}`;
}

/** Establishment numbers schoolNumberFor gives: primary 2001-2040, secondary 4001-4012. */
export const PRIMARY_SCHOOL_NUMBERS = { from: 2001, to: 2040 } as const;
export const SECONDARY_SCHOOL_NUMBERS = { from: 4001, to: 4012 } as const;

/** The school a pupil attends, by number (4 digits: 2xxx primary, 4xxx secondary). Shared so UPNs agree. */
export function schoolNumberFor(index: number, age: number, seed: string): number {
  const r = new Random(seed, 'school', index);
  const range = age < 11 ? PRIMARY_SCHOOL_NUMBERS : SECONDARY_SCHOOL_NUMBERS;
  return r.int(range.from, range.to);
}

export function generatePerson(index: number, options: PopulationOptions): SyntheticYoungPerson {
  const r = new Random(options.seed, 'person', index);
  // Stratified rather than drawn: exactly round(size x share) NWD young people in any population.
  const nwd = Math.floor((index + 1) * NWD_SHARE) > Math.floor(index * NWD_SHARE);
  const [minAge, maxAge] = nwd ? [12, 17] : r.weighted(AGE_BANDS);
  const age = r.int(minAge, maxAge);
  const dateOfBirth = addDays(addMonths(options.asOf, -12 * age), -r.int(1, 364));
  const status: CaseStatus = nwd ? r.weighted(NWD_STATUS) : 'LOOKED_AFTER';
  const sex: Sex = r.chance(0.54) ? 'MALE' : 'FEMALE';
  const givenName = r.pick(sex === 'MALE' ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
  const familyName = inventedSurname(r.int(0, 999), r.int(0, 999));
  // Time in the current status: up to the child's whole life, at most 6 years.
  const monthsInStatus = Math.max(1, Math.min(age * 12 + 6, r.int(1, 72)));
  const statusSince = addDays(addMonths(options.asOf, -monthsInStatus), r.int(0, 27));

  const schoolAge = age >= 4 && age <= 16;
  const policeInvolved = age >= 10 && r.chance(nwd ? 0.45 : 0.06);
  return {
    index,
    id: personId(index),
    laChildId: `MB${String(100000 + index)}`,
    givenName,
    familyName,
    sex,
    dateOfBirth,
    ethnicity: r.weighted(ETHNICITY),
    status,
    statusSince: statusSince < dateOfBirth ? dateOfBirth : statusSince,
    nwd,
    // 2% not yet traced on the NHS spine (e.g. newly arrived unaccompanied children).
    nhsNumber: r.chance(0.98) ? syntheticNhsNumber(index) : null,
    upn: schoolAge && r.chance(0.95) ? syntheticUpn(index, schoolNumberFor(index, age, options.seed)) : null,
    pncId: policeInvolved ? syntheticPncId(index, Number(options.asOf.slice(0, 4)) - r.int(0, 3)) : null,
    heldByHealth: r.chance(0.97),
    heldByEducation: r.chance(0.97),
    heldByPolice: r.chance(0.98),
  };
}

/** The whole population, generated lazily so 100 000 people never sit in memory at once. */
export function* population(options: PopulationOptions): Generator<SyntheticYoungPerson> {
  for (let i = 0; i < options.size; i++) yield generatePerson(i, options);
}

export function populationOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, today: LocalDate): PopulationOptions {
  const size = env.SEED_SIZE ? Number(env.SEED_SIZE) : DEFAULT_POPULATION.size;
  if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
    throw new Error(`SEED_SIZE must be a whole number from 1 to 1000000 (got "${env.SEED_SIZE}")`);
  }
  const asOf = env.SEED_AS_OF ?? today;
  try {
    parseLocalDate(asOf);
  } catch {
    throw new Error(`SEED_AS_OF must be a date YYYY-MM-DD (got "${asOf}")`);
  }
  return { size, seed: env.SEED ?? DEFAULT_POPULATION.seed, asOf };
}
