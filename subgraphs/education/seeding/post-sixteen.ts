import { addDays } from '../../../kit/subgraph/dates';
import { PostSixteenStatus } from '../entities/post-sixteen-status';
import { PostSixteenActivity, ReasonForLeaving, RiskOfNeet, SenProvision } from '../enums';
import { academicYearStarting } from '../rules/terms';
import { autumnTermBegins, schoolDayBetween } from './calendar';
import type { Stint } from './enrolments';
import { record, type PupilSeed } from './pupil-seed';

const RISK_NWD: [RiskOfNeet, number][] = [
  [RiskOfNeet.LOW, 10],
  [RiskOfNeet.MEDIUM, 25],
  [RiskOfNeet.HIGH, 35],
  [RiskOfNeet.VERY_HIGH, 30],
];
const RISK_OTHER: [RiskOfNeet, number][] = [
  [RiskOfNeet.LOW, 45],
  [RiskOfNeet.MEDIUM, 30],
  [RiskOfNeet.HIGH, 17],
  [RiskOfNeet.VERY_HIGH, 8],
];

function activityAfterLeaving(seed: PupilSeed, sen: SenProvision): PostSixteenActivity {
  return seed.r.weighted<PostSixteenActivity>([
    [PostSixteenActivity.FULL_TIME_EDUCATION, 45],
    [PostSixteenActivity.APPRENTICESHIP, 8],
    [PostSixteenActivity.SUPPORTED_INTERNSHIP, sen === SenProvision.E ? 6 : 0],
    [PostSixteenActivity.EMPLOYMENT_WITH_TRAINING, 4],
    [PostSixteenActivity.EMPLOYMENT_WITHOUT_TRAINING, 7],
    [PostSixteenActivity.NEET_AVAILABLE, seed.person.nwd ? 40 : 20],
    [PostSixteenActivity.NEET_NOT_AVAILABLE, 5],
    [PostSixteenActivity.NOT_KNOWN, 8],
  ]);
}

/**
 * Years 10 and 11: the Risk of NEET Indicator each autumn, a transition plan when the risk is high.
 * Year 12: the activity in September, and for some who went to college a later drop-out (003:1421).
 */
export function seedPostSixteen(seed: PupilSeed, stints: Stint[], sen: SenProvision): void {
  const { r, person, asOf, yearGroup } = seed;
  if (yearGroup < 10) return;
  const thisYear = academicYearStarting(asOf);
  const risk = r.weighted(person.nwd ? RISK_NWD : RISK_OTHER);
  for (const year of [10, 11]) {
    const autumn = thisYear - yearGroup + year;
    const recordedOn = schoolDayBetween(r, `${autumn}-10-01`, `${autumn}-11-20`);
    const planned = year === 11 && (risk === RiskOfNeet.HIGH || risk === RiskOfNeet.VERY_HIGH) && r.chance(0.9);
    const transitionPlanDate = recordedOn && planned ? addDays(recordedOn, r.int(10, 60)) : null;
    if (!recordedOn || recordedOn > asOf) continue;
    record(seed, PostSixteenStatus, {
      recordedOn,
      activity: null,
      riskOfNeet: risk,
      transitionPlanDate: transitionPlanDate && transitionPlanDate <= asOf ? transitionPlanDate : null,
    });
  }
  if (yearGroup < 12) return;
  const leftSchool = stints.some((s) => s.enrolment.reasonForLeaving === ReasonForLeaving.NO_LONGER_OF_COMPULSORY_SCHOOL_AGE);
  const september = addDays(autumnTermBegins(thisYear), r.int(0, 14));
  const activity = leftSchool ? activityAfterLeaving(seed, sen) : PostSixteenActivity.FULL_TIME_EDUCATION;
  if (september > asOf) return;
  record(seed, PostSixteenStatus, { recordedOn: september, activity, riskOfNeet: null, transitionPlanDate: null });
  const droppedOut = leftSchool && activity === PostSixteenActivity.FULL_TIME_EDUCATION && r.chance(0.15);
  const later = droppedOut ? schoolDayBetween(r, addDays(september, 30), asOf) : null;
  if (later)
    record(seed, PostSixteenStatus, {
      recordedOn: later,
      activity: PostSixteenActivity.NEET_AVAILABLE,
      riskOfNeet: null,
      transitionPlanDate: null,
    });
}
