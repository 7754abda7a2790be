import { addDays, addWorkingDays, type LocalDate } from '../../../kit/subgraph/dates';
import { NotInSchoolEpisode } from '../entities/not-in-school-episode';
import { PermanentExclusion } from '../entities/permanent-exclusion';
import { SchoolEnrolment } from '../entities/school-enrolment';
import { ExclusionReason, NotInSchoolKind, ReasonForLeaving, RollStatus, SchoolPhase } from '../enums';
import { academicYearStarting } from '../rules/terms';
import { autumnTermBegins, earliest, schoolDayBetween, summerTermEnds } from './calendar';
import { record, type PupilSeed } from './pupil-seed';
import { phaseOf, PRIMARY_NUMBERS, PUPIL_REFERRAL_UNIT, schoolRef, SECONDARY_NUMBERS } from './schools';
import { wishesAbout } from './wishes';

/** One period on a school roll, as seeded; later steps place suspensions and attendance within them. */
export interface Stint {
  school: number;
  enrolment: SchoolEnrolment;
}

/** A phase of schooling (primary, then secondary) that ends at a known school. */
interface Segment {
  pool: number[];
  start: LocalDate;
  /** Last day on roll at the final school; null while still there. */
  end: LocalDate | null;
  finalSchool: number;
  finalReason: ReasonForLeaving | null;
}

// Children in care move school more often than their peers; the NWD cohort most of all.
const MOVES_NWD: [number, number][] = [
  [0, 40],
  [1, 35],
  [2, 25],
];
const MOVES_LAC: [number, number][] = [
  [0, 65],
  [1, 25],
  [2, 10],
];
const MOVES_OTHER: [number, number][] = [
  [0, 75],
  [1, 20],
  [2, 5],
];
const PEX_REASONS: [ExclusionReason, number][] = [
  [ExclusionReason.PD, 30],
  [ExclusionReason.PA, 20],
  [ExclusionReason.PP, 12],
  [ExclusionReason.DA, 12],
  [ExclusionReason.WP, 12],
  [ExclusionReason.VP, 8],
  [ExclusionReason.OT, 6],
];
/** Days a school move needs at the least, so stints do not collapse into each other. */
const MIN_STINT_DAYS = 60;

export function enrol(
  seed: PupilSeed,
  school: number,
  startDate: LocalDate,
  endDate: LocalDate | null,
  reason: ReasonForLeaving | null,
  rollStatus = RollStatus.SINGLE,
): Stint {
  const enrolment = record(seed, SchoolEnrolment, {
    school: schoolRef(seed.em, school),
    startDate,
    endDate,
    rollStatus,
    reasonForLeaving: reason,
  });
  return { school, enrolment };
}

function notInSchool(seed: PupilSeed, kind: NotInSchoolKind, startDate: LocalDate, endDate: LocalDate): void {
  if (endDate >= startDate) record(seed, NotInSchoolEpisode, { kind, startDate, endDate });
}

function leavingReason(seed: PupilSeed, canExclude: boolean): ReasonForLeaving {
  const { r, person } = seed;
  if (canExclude && r.chance(person.nwd ? 0.12 : 0.02)) return ReasonForLeaving.PERMANENTLY_EXCLUDED;
  return r.weighted<ReasonForLeaving>([
    [ReasonForLeaving.REGISTERED_AT_ANOTHER_SCHOOL, 55],
    [ReasonForLeaving.CEASED_TO_RESIDE_NEARBY, 35],
    [ReasonForLeaving.CONTINUOUS_ABSENCE, person.nwd ? 6 : 1],
    // A local authority as corporate parent does not elect home education for a child in its care.
    [ReasonForLeaving.ELECTIVE_HOME_EDUCATION, person.status === 'LOOKED_AFTER' ? 0 : 5],
    [ReasonForLeaving.OTHER, 2],
  ]);
}

/** What happens between leaving one school and joining the next; returns the next admission date. */
function afterLeaving(
  seed: PupilSeed,
  stints: Stint[],
  school: number,
  left: LocalDate,
  reason: ReasonForLeaving,
  latestStart: LocalDate,
): LocalDate {
  const { r } = seed;
  const next = (weekdays: number) => earliest(addWorkingDays(left, weekdays), latestStart);
  switch (reason) {
    case ReasonForLeaving.PERMANENTLY_EXCLUDED: {
      // Sessions lost until the local authority's provision starts on the sixth school day.
      const notSharedWith = wishesAbout(seed, ['POLICE']);
      record(seed, PermanentExclusion, {
        school: schoolRef(seed.em, school),
        startDate: left,
        sessionsLost: 10,
        reason: r.weighted(PEX_REASONS),
        notSharedWith,
      });
      // The reason for leaving that school would tell the same agencies: it carries the same wishes.
      const excludedFrom = stints.find((s) => s.school === school && s.enrolment.endDate === left);
      if (notSharedWith && excludedFrom) excludedFrom.enrolment.reasonForLeavingNotSharedWith = notSharedWith;
      // Then the pupil referral unit until a new school is found.
      const pruStart = next(6);
      const nextSchool = next(6 + r.int(20, 60));
      if (nextSchool <= pruStart) return pruStart;
      stints.push(enrol(seed, PUPIL_REFERRAL_UNIT, pruStart, addDays(nextSchool, -1), ReasonForLeaving.REGISTERED_AT_ANOTHER_SCHOOL));
      return nextSchool;
    }
    case ReasonForLeaving.CONTINUOUS_ABSENCE:
    case ReasonForLeaving.CEASED_TO_RESIDE_NEARBY: {
      const start = next(reason === ReasonForLeaving.CONTINUOUS_ABSENCE ? r.int(11, 40) : r.int(1, 12));
      // More than two school weeks off any roll: the child is missing education.
      if (start > addWorkingDays(left, 10))
        notInSchool(seed, NotInSchoolKind.CHILD_MISSING_EDUCATION, addDays(left, 1), addDays(start, -1));
      return start;
    }
    case ReasonForLeaving.ELECTIVE_HOME_EDUCATION: {
      const start = next(r.int(20, 120));
      notInSchool(seed, NotInSchoolKind.ELECTIVE_HOME_EDUCATION, addDays(left, 1), addDays(start, -1));
      return start;
    }
    default:
      return next(r.int(1, 5));
  }
}

function seedSegment(seed: PupilSeed, seg: Segment, stints: Stint[]): void {
  const { r, person, asOf } = seed;
  const limit = seg.end ?? asOf;
  let moves = r.weighted(person.nwd ? MOVES_NWD : person.status === 'LOOKED_AFTER' ? MOVES_LAC : MOVES_OTHER);
  let start = seg.start;
  for (; moves > 0; moves--) {
    const left = schoolDayBetween(r, addDays(start, MIN_STINT_DAYS), addDays(limit, -moves * MIN_STINT_DAYS));
    if (!left) break;
    const school = r.pick(seg.pool.filter((n) => n !== seg.finalSchool));
    const reason = leavingReason(seed, phaseOf(school) === SchoolPhase.SECONDARY);
    stints.push(enrol(seed, school, start, left, reason));
    start = afterLeaving(seed, stints, school, left, reason, addDays(limit, -MIN_STINT_DAYS / 2));
  }
  stints.push(enrol(seed, seg.finalSchool, start, seg.end, seg.finalReason));
}

/**
 * The pupil's schools from nursery or reception to now, ending at the school in the UPN: a primary
 * phase, then (from Year 7) a secondary one; some Year 12s have left school for college or work.
 */
export function seedEnrolments(seed: PupilSeed): Stint[] {
  const { r, person, asOf, yearGroup, educationStart } = seed;
  const current = Number(person.upn!.slice(4, 8));
  const thisYear = academicYearStarting(asOf);
  const year7 = thisYear - yearGroup + 7;
  const leftAfterYear11 = yearGroup >= 12 && r.chance(0.55);
  const segments: Segment[] = [];
  if (phaseOf(current) === SchoolPhase.SECONDARY && yearGroup >= 7) {
    segments.push({
      pool: PRIMARY_NUMBERS,
      start: educationStart,
      end: summerTermEnds(year7),
      finalSchool: r.pick(PRIMARY_NUMBERS),
      finalReason: ReasonForLeaving.COMPLETED_SCHOOL_PHASE,
    });
    segments.push({
      pool: SECONDARY_NUMBERS,
      start: earliest(autumnTermBegins(year7), asOf),
      end: leftAfterYear11 ? summerTermEnds(thisYear) : null,
      finalSchool: current,
      finalReason: leftAfterYear11 ? ReasonForLeaving.NO_LONGER_OF_COMPULSORY_SCHOOL_AGE : null,
    });
  } else {
    const pool = phaseOf(current) === SchoolPhase.SECONDARY ? SECONDARY_NUMBERS : PRIMARY_NUMBERS;
    segments.push({ pool, start: educationStart, end: null, finalSchool: current, finalReason: null });
  }
  const stints: Stint[] = [];
  for (const seg of segments) seedSegment(seed, seg, stints);
  return stints;
}
