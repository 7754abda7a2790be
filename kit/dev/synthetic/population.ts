import { nhsCheckDigit, pncCheckLetter, upnCheckLetter } from '../../shared/identifiers';
import { addDays, addMonths, parseLocalDate, type LocalDate } from '../../subgraph/dates';
import { journeyOf, type EdgeOfCare, type NwdJourney, type SyntheticMissingEpisode } from './journey';
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

export type CaseStatus = 'LOOKED_AFTER' | 'CHILD_PROTECTION' | 'CHILD_IN_NEED' | 'CARE_LEAVER' | 'EDGE_OF_CARE';
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
  /** Referred to No Wrong Door (open or closed since), edge-of-care group included. */
  nwd: boolean;
  /** The NWD referral, support and closure every agency dates its before and after by (null: never referred). */
  nwdJourney: NwdJourney | null;
  /** In the edge-of-care group referred to NWD to keep them safely at home (null: not). */
  edgeOfCare: EdgeOfCare | null;
  /** When the current episode of care began (null: not looked after), as health and education learn it. */
  enteredCareOn: LocalDate | null;
  /** Every missing episode the police record; social care records those while looked after. */
  missingEpisodes: SyntheticMissingEpisode[];
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
// NWD caseload: 57% looked after, 28% CP, 13% CIN (000:2750-2782); the rest care leavers (16+).
const NWD_STATUS: [CaseStatus, number][] = [
  ['LOOKED_AFTER', 57],
  ['CHILD_PROTECTION', 28],
  ['CHILD_IN_NEED', 13],
  ['CARE_LEAVER', 2],
];
/** About 50 of 600 looked-after children are on the NWD caseload. */
const NWD_SHARE = 50 / 600;
/**
 * The edge-of-care group referred to NWD: Redcar counted 48 (003:1486-1490); 36 per 600 gives the
 * default population a reportable group. Stratified, half a step out of phase with the caseload.
 */
const EDGE_OF_CARE_SHARE = 36 / 600;
/** North Yorkshire worked with 42 young people aged 18 and over (care leavers) in year four (002:972). */
const NWD_ADULT_SHARE = 0.2;

function stratified(index: number, share: number, phase = 0): boolean {
  return Math.floor((index + 1) * share + phase) > Math.floor(index * share + phase);
}

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
  const caseload = stratified(index, NWD_SHARE);
  const edgeOfCare = !caseload && stratified(index, EDGE_OF_CARE_SHARE, 0.5);
  const nwd = caseload || edgeOfCare;
  // NWD works with 12-25 year olds (002:87), care leavers included; its own stream keeps other draws in place.
  const adult = caseload && new Random(options.seed, 'nwd-age', index).chance(NWD_ADULT_SHARE);
  const [minAge, maxAge] = nwd ? (adult ? [18, 25] : [12, 17]) : r.weighted(AGE_BANDS);
  const age = r.int(minAge, maxAge);
  const dateOfBirth = addDays(addMonths(options.asOf, -12 * age), -r.int(1, 364));
  const drawn: CaseStatus = caseload ? r.weighted(NWD_STATUS) : 'LOOKED_AFTER';
  // A care leaver is 16 or over; everyone over 18 known to NWD is one.
  const status: CaseStatus = adult ? 'CARE_LEAVER' : drawn === 'CARE_LEAVER' && age < 16 ? 'LOOKED_AFTER' : drawn;
  const sex: Sex = r.chance(0.54) ? 'MALE' : 'FEMALE';
  const givenName = r.pick(sex === 'MALE' ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
  const familyName = inventedSurname(r.int(0, 999), r.int(0, 999));
  // Time in the current status: up to the child's whole life, at most 6 years; care leavers left at 18.
  const monthsInStatus = Math.max(1, Math.min(age * 12 + 6, r.int(1, 72)));
  const drawnSince = addDays(addMonths(options.asOf, -monthsInStatus), r.int(0, 27));
  const since = adult ? addMonths(dateOfBirth, 216) : drawnSince < dateOfBirth ? dateOfBirth : drawnSince;
  const journey = journeyOf(
    {
      index,
      dateOfBirth,
      nwd,
      status,
      statusSince: since,
      edgeOfCareOrdinal: edgeOfCare ? Math.floor(index * EDGE_OF_CARE_SHARE + 0.5) : null,
    },
    options.seed,
    options.asOf,
  );

  const schoolAge = age >= 4 && age <= 16;
  const policeInvolved = age >= 10 && r.chance(nwd ? 0.45 : 0.06);
  // Drawn in this order, so that adding fields never moves another person's data.
  const ethnicity = r.weighted(ETHNICITY);
  // 2% not yet traced on the NHS spine (e.g. newly arrived unaccompanied children).
  const nhsNumber = r.chance(0.98) ? syntheticNhsNumber(index) : null;
  const upn = schoolAge && r.chance(0.95) ? syntheticUpn(index, schoolNumberFor(index, age, options.seed)) : null;
  // Whoever goes missing is known to the police, under a PNC ID from the year of the first report.
  const firstMissing = journey.missingEpisodes[0]?.startedAt.toISOString().slice(0, 4);
  const pncYear = policeInvolved ? Number(options.asOf.slice(0, 4)) - r.int(0, 3) : firstMissing ? Number(firstMissing) : null;
  const finalStatus = journey.status as CaseStatus;
  return {
    index,
    id: personId(index),
    laChildId: `MB${String(100000 + index)}`,
    givenName,
    familyName,
    sex,
    dateOfBirth,
    ethnicity,
    status: finalStatus,
    statusSince: journey.statusSince,
    nwd,
    nwdJourney: journey.nwdJourney,
    edgeOfCare: journey.edgeOfCare,
    enteredCareOn: finalStatus === 'LOOKED_AFTER' ? journey.statusSince : null,
    missingEpisodes: journey.missingEpisodes,
    nhsNumber,
    upn,
    pncId: pncYear !== null ? syntheticPncId(index, pncYear) : null,
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
