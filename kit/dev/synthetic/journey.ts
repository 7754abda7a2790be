import { addDays, addMonths, daysBetween, type LocalDate } from '../../subgraph/dates';
import { earlierOf, eventDays, laterOf } from './events';
import { Random } from './random';

/**
 * The facts about a young person's journey that more than one agency records, drawn once here so
 * every agency's seeder reads the same dates: the No Wrong Door referral and closure, entering care
 * from the edge of care, and the missing episodes (social care records those while looked after
 * under SSDA903; the police record every one, so they hold at least as many).
 */

/** The outcome recorded when an NWD involvement closes (social care's NwdClosureOutcome). */
export type NwdClosureOutcomeCode =
  'REMAINED_AT_HOME' | 'STABLE_PLACEMENT' | 'INDEPENDENT_LIVING' | 'BECAME_LOOKED_AFTER' | 'MOVED_AWAY' | 'OTHER';

export interface NwdJourney {
  referredOn: LocalDate;
  /** When the hub's support began (23 days after referral on average, 000:1946); null: not yet. */
  supportStartedOn: LocalDate | null;
  /** Null while the involvement is open. */
  closedOn: LocalDate | null;
  closureOutcome: NwdClosureOutcomeCode | null;
}

export interface EdgeOfCare {
  /** When social care judged the young person at risk of becoming looked after. */
  since: LocalDate;
  /** When they entered care after all (about 1 in 8, 003:1486-1490); null: still at home or with family. */
  enteredCareOn: LocalDate | null;
}

export interface SyntheticMissingEpisode {
  /** The instant the young person was reported missing: the same to the minute in every agency. */
  startedAt: Date;
  /** Null: still missing when the data was taken. */
  endedAt: Date | null;
  /** Looked after when it began, so social care records it too (SSDA903 missing or absent). */
  whileLookedAfter: boolean;
}

/** What the journey needs to know about the person. */
export interface JourneyBasis {
  index: number;
  dateOfBirth: LocalDate;
  nwd: boolean;
  /** Status and since when, before the journey (an edge-of-care young person may enter care). */
  status: string;
  statusSince: LocalDate;
  /** Position among the edge-of-care group, or null when not in it. */
  edgeOfCareOrdinal: number | null;
}

export interface Journey {
  status: string;
  statusSince: LocalDate;
  edgeOfCare: EdgeOfCare | null;
  nwdJourney: NwdJourney | null;
  missingEpisodes: SyntheticMissingEpisode[];
}

/** Every 8th edge-of-care young person enters care after referral: 87.5 % remain at home or with family (003:1486-1490). */
const ENTERS_CARE_EVERY = 8;
/** How far back the missing-episode history runs. */
const MISSING_HISTORY_MONTHS = 36;
/** NWD support halves how often a young person goes missing (North Yorkshire, 002:1088-1100). */
export const NWD_MISSING_FALL = 0.45;

export function journeyOf(basis: JourneyBasis, seed: string, asOf: LocalDate): Journey {
  const j = new Random(seed, 'journey', basis.index);
  let { status, statusSince } = basis;
  let edgeOfCare: EdgeOfCare | null = null;
  let nwdJourney: NwdJourney | null = null;
  if (basis.edgeOfCareOrdinal !== null) {
    const since = laterOf(addDays(asOf, -j.int(60, 900)), addMonths(basis.dateOfBirth, 144));
    const referredOn = earlierOf(addDays(since, j.int(7, 42)), addDays(asOf, -7));
    const room = daysBetween(referredOn, asOf);
    const entersCare = basis.edgeOfCareOrdinal % ENTERS_CARE_EVERY === ENTERS_CARE_EVERY - 1 && room > 45;
    const enteredCareOn = entersCare ? addDays(referredOn, j.int(30, Math.min(300, room - 14))) : null;
    edgeOfCare = { since, enteredCareOn };
    status = enteredCareOn ? 'LOOKED_AFTER' : 'EDGE_OF_CARE';
    statusSince = enteredCareOn ?? since;
    nwdJourney = involvement(j, basis, referredOn, asOf, enteredCareOn ? 'BECAME_LOOKED_AFTER' : 'REMAINED_AT_HOME', enteredCareOn);
  } else if (basis.nwd) {
    // Referred after the current status began (a care leaver may have been referred while in care).
    const earliest = status === 'CARE_LEAVER' ? addMonths(basis.dateOfBirth, 144) : statusSince;
    const referredOn = earlierOf(laterOf(earliest, addDays(asOf, -j.int(30, 1000))), asOf);
    nwdJourney = involvement(j, basis, referredOn, asOf, closureFor(j, status), null);
  }
  const missingEpisodes = missing(j, basis, status, statusSince, nwdJourney, asOf);
  return { status, statusSince, edgeOfCare, nwdJourney, missingEpisodes };
}

function closureFor(j: Random, status: string): NwdClosureOutcomeCode {
  const settled: NwdClosureOutcomeCode =
    status === 'LOOKED_AFTER' ? 'STABLE_PLACEMENT' : status === 'CARE_LEAVER' ? 'INDEPENDENT_LIVING' : 'REMAINED_AT_HOME';
  return j.weighted<NwdClosureOutcomeCode>([
    [settled, 75],
    ['MOVED_AWAY', 10],
    ['OTHER', 15],
  ]);
}

/**
 * Referral, support and (for about a third of those referred more than six months ago) closure.
 * NWD works with young people until they are 25, so it closes on the 25th birthday at the latest.
 */
function involvement(
  j: Random,
  basis: JourneyBasis,
  referredOn: LocalDate,
  asOf: LocalDate,
  outcome: NwdClosureOutcomeCode,
  enteredCareOn: LocalDate | null,
): NwdJourney {
  const support = addDays(referredOn, j.int(10, 36));
  let closedOn: LocalDate | null = null;
  if (enteredCareOn) closedOn = addDays(enteredCareOn, j.int(14, 90));
  else if (daysBetween(referredOn, asOf) > 180 && j.chance(0.35)) closedOn = addDays(referredOn, j.int(150, 600));
  const twentyFifth = addMonths(basis.dateOfBirth, 300);
  if (twentyFifth <= asOf && (!closedOn || closedOn > twentyFifth)) {
    closedOn = twentyFifth;
    outcome = 'INDEPENDENT_LIVING';
  }
  // Closed only once support began, and at least a fortnight before the data was taken.
  if (closedOn && (closedOn > addDays(asOf, -14) || closedOn <= support)) closedOn = null;
  return {
    referredOn,
    supportStartedOn: support <= asOf ? support : null,
    closedOn,
    closureOutcome: closedOn ? outcome : null,
  };
}

/**
 * Missing episodes from age 11 over the last three years: most NWD young people go missing, often
 * (Middlesbrough: 94 episodes across 11 young people in a year, 001:471), at a rate that falls after
 * referral; about 1 in 9 looked-after children goes missing in a year.
 */
function missing(
  j: Random,
  basis: JourneyBasis,
  status: string,
  statusSince: LocalDate,
  nwd: NwdJourney | null,
  asOf: LocalDate,
): SyntheticMissingEpisode[] {
  const from = laterOf(addMonths(basis.dateOfBirth, 132), addMonths(asOf, -MISSING_HISTORY_MONTHS));
  const to = addDays(asOf, -1);
  if (from > to) return [];
  let days: LocalDate[];
  if (nwd) {
    if (!j.chance(0.75)) return [];
    const before = 2 + 6 * j.next();
    const referral = laterOf(nwd.referredOn, from);
    days = [...eventDays(j, from, earlierOf(addDays(referral, -1), to), before), ...eventDays(j, referral, to, before * NWD_MISSING_FALL)];
  } else {
    if (!j.chance(0.2)) return [];
    days = eventDays(j, from, to, 0.6 + 1.4 * j.next());
  }
  if (days.length === 0) return [];
  const starts = days.map((day) => new Date(Date.parse(`${day}T00:00:00Z`) + j.int(0, 24 * 60 - 1) * 60_000)).sort((a, b) => +a - +b);
  const end = Date.parse(`${asOf}T00:00:00Z`);
  // Now and then an NWD young person is missing as the data is taken.
  const missingNow = nwd !== null && j.chance(0.08);
  if (missingNow) {
    const recent = new Date(end - j.int(2 * 60, 30 * 60) * 60_000);
    if (recent > starts[starts.length - 1]) starts[starts.length - 1] = recent;
  }
  const lookedAfterFrom = status === 'LOOKED_AFTER' ? Date.parse(`${statusSince}T00:00:00Z`) : Infinity;
  return starts.map((startedAt, i) => {
    const next = i + 1 < starts.length ? +starts[i + 1] : end;
    const last = i === starts.length - 1;
    let endedAt: Date | null = new Date(+startedAt + j.weighted(DURATION_MINUTES)(j) * 60_000);
    // Found before the next report (episodes never overlap); the latest may still be open.
    if (+endedAt >= next) endedAt = last ? null : new Date((+startedAt + next) / 2);
    if (last && missingNow) endedAt = null;
    return { startedAt, endedAt, whileLookedAfter: +startedAt >= lookedAfterFrom };
  });
}

// Most episodes last hours; some a day or two; a few most of a week.
const DURATION_MINUTES: [(j: Random) => number, number][] = [
  [(j) => j.int(60, 720), 50],
  [(j) => j.int(720, 2880), 35],
  [(j) => j.int(2880, 10080), 15],
];
