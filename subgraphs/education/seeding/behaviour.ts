import { addDays, addMonths } from '../../../kit/subgraph/dates';
import { AlternativeProvisionEpisode } from '../entities/alternative-provision-episode';
import { ReducedTimetable } from '../entities/reduced-timetable';
import { Suspension } from '../entities/suspension';
import { ExclusionReason, RollStatus } from '../enums';
import { earliest, latest, schoolDayBetween } from './calendar';
import { enrol, type Stint } from './enrolments';
import { record, type PupilSeed } from './pupil-seed';
import { PUPIL_REFERRAL_UNIT, schoolName, schoolRef } from './schools';
import { wishesAbout } from './wishes';

// Persistent disruptive behaviour is by far the most common reason nationally.
const SUSPENSION_REASONS: [ExclusionReason, number][] = [
  [ExclusionReason.PD, 32],
  [ExclusionReason.VP, 14],
  [ExclusionReason.PA, 12],
  [ExclusionReason.VA, 8],
  [ExclusionReason.PP, 7],
  [ExclusionReason.OT, 6],
  [ExclusionReason.DA, 4],
  [ExclusionReason.DM, 4],
  [ExclusionReason.WP, 3],
  [ExclusionReason.MT, 3],
  [ExclusionReason.BU, 3],
  [ExclusionReason.SM, 1],
  [ExclusionReason.TH, 1],
  [ExclusionReason.RA, 1],
  [ExclusionReason.LG, 0.5],
  [ExclusionReason.DS, 0.5],
];
const SUSPENSIONS_NWD: [number, number][] = [
  [0, 35],
  [1, 20],
  [2, 15],
  [3, 12],
  [4, 8],
  [6, 6],
  [8, 4],
];
const SUSPENSIONS_SECONDARY: [number, number][] = [
  [0, 85],
  [1, 9],
  [2, 4],
  [3, 2],
];
const SUSPENSIONS_PRIMARY: [number, number][] = [
  [0, 96],
  [1, 3],
  [2, 1],
];
const SESSIONS_LOST: [number, number][] = [
  [1, 10],
  [2, 30],
  [3, 10],
  [4, 25],
  [6, 15],
  [10, 10],
];
const AP_PROVIDERS = [
  'Synthetic Riverside Skills Centre',
  'Synthetic Moorland Outdoor Learning',
  'Synthetic Workshop Motor Vehicle Project',
];

const currentStint = (stints: Stint[]) => stints.find((s) => s.enrolment.endDate === null) ?? null;

/** Suspensions over the last three school years, at whichever school the pupil was on roll that day. */
export function seedSuspensions(seed: PupilSeed, stints: Stint[]): void {
  const { r, person, asOf, yearGroup } = seed;
  if (yearGroup < 1) return;
  const count = r.weighted(person.nwd ? SUSPENSIONS_NWD : yearGroup >= 7 ? SUSPENSIONS_SECONDARY : SUSPENSIONS_PRIMARY);
  const from = latest(seed.educationStart, addMonths(asOf, -36));
  for (let i = 0; i < count; i++) {
    const day = schoolDayBetween(r, from, asOf);
    const stint = day && stints.find((s) => s.enrolment.startDate <= day && (s.enrolment.endDate ?? asOf) >= day);
    const sessionsLost = r.weighted(SESSIONS_LOST);
    const reason = r.weighted(SUSPENSION_REASONS);
    // Schools are shut in August: a suspension then would be implausible.
    if (!day || !stint || day.slice(5, 7) === '08') continue;
    // Some young people asked that police are not told (DOMAIN.md §4: "treated like criminals").
    record(seed, Suspension, {
      school: schoolRef(seed.em, stint.school),
      startDate: day,
      sessionsLost,
      reason,
      notSharedWith: wishesAbout(seed, ['POLICE']),
    });
  }
}

/** A recent period (ending on or before asOf, or still open) within the current stint. */
function recentPeriod(seed: PupilSeed, stint: Stint, withinMonths: number, ongoingChance: number) {
  const { r, asOf } = seed;
  const startDate = schoolDayBetween(r, latest(stint.enrolment.startDate, addMonths(asOf, -withinMonths)), asOf);
  const ongoing = r.chance(ongoingChance);
  const ends = startDate && earliest(addDays(startDate, r.int(20, 90)), asOf);
  return startDate && ends ? { startDate, endDate: ongoing || ends === startDate ? null : ends } : null;
}

/** Reduced timetables: 1.7% of looked-after children (000:500), far more in the NWD cohort. */
export function seedReducedTimetable(seed: PupilSeed, stints: Stint[]): void {
  const stint = currentStint(stints);
  if (!stint || seed.yearGroup < 1 || !seed.r.chance(seed.person.nwd ? 0.15 : 0.02)) return;
  const period = recentPeriod(seed, stint, 9, 0.4);
  if (period)
    record(seed, ReducedTimetable, { ...period, hoursPerWeek: seed.r.int(20, 45) / 2, notSharedWith: wishesAbout(seed, ['POLICE']) });
}

/** Alternative provision; at the pupil referral unit while still on the school's roll it is a dual registration. */
export function seedAlternativeProvision(seed: PupilSeed, stints: Stint[]): void {
  const { r, person, yearGroup } = seed;
  const stint = currentStint(stints);
  if (!stint || yearGroup < 1 || !r.chance(person.nwd ? 0.12 : yearGroup >= 7 ? 0.02 : 0)) return;
  const period = recentPeriod(seed, stint, 12, 0.5);
  const atUnit = r.chance(0.4);
  const providerName = atUnit ? schoolName(PUPIL_REFERRAL_UNIT) : r.pick(AP_PROVIDERS);
  const registeredProvider = atUnit || r.chance(0.75);
  const hoursPerWeek = r.int(15, 25);
  if (!period) return;
  record(seed, AlternativeProvisionEpisode, { ...period, providerName, registeredProvider, hoursPerWeek });
  if (atUnit && period.endDate === null) {
    stint.enrolment.rollStatus = RollStatus.MAIN;
    stints.push(enrol(seed, PUPIL_REFERRAL_UNIT, period.startDate, null, null, RollStatus.SUBSIDIARY));
  }
}
