import { addDays, addMonths, daysBetween, type LocalDate } from '../../../kit/subgraph/dates';
import {
  DentalCheck,
  DevelopmentCheck,
  ImmunisationStatus,
  InitialHealthAssessment,
  ReviewHealthAssessment,
  type PatientRecord,
} from '../entities';
import { DevelopmentReviewStage, HealthAssessorRole } from '../enums';
import { initialHealthAssessmentDue } from '../rules/initial-health-assessment';
import { nextReviewDue } from '../rules/review-health-assessment';
import { type Life, maxDate, syntheticNote } from './life';
import { SYNTHETIC_NOTES } from './notes';

/**
 * Health assessments while looked after: the initial one (75% within 20 working days), then reviews at
 * 6 or 12 month intervals, 70% on time (about 92% assessed within 12 months, 000:298).
 * An immunisation status is recorded at each assessment.
 */
export function healthAssessments(life: Life): PatientRecord[] {
  const { r, patient } = life;
  const entered = patient.enteredCareOn;
  if (!entered) return [];
  // A child can enter care on the day of birth; the request follows birth.
  const requestedOn = life.happened(maxDate(addDays(entered, r.int(0, 5)), addDays(life.person.dateOfBirth, 1)));
  if (!requestedOn) return [];
  const timing = r.weighted([
    ['in time', 75],
    ['late', 20],
    ['not yet', 5],
  ] as const);
  const due = initialHealthAssessmentDue(entered);
  // Left undone only while recent: after months in care it has happened, if late.
  const undone = timing === 'not yet' && life.monthsAgo(3) < entered;
  const completedOn = undone
    ? null
    : life.happened(
        timing === 'in time' ? addDays(requestedOn, r.int(3, Math.max(3, daysBetween(requestedOn, due)))) : addDays(due, r.int(1, 56)),
      );
  const initial = life.record(InitialHealthAssessment, {
    requestedOn,
    completedOn,
    assessorRole: completedOn ? HealthAssessorRole.REGISTERED_MEDICAL_PRACTITIONER : null,
  });
  const reviews = completedOn ? reviewsAfter(life, completedOn) : [];
  const assessedOn = [completedOn, ...reviews.map((x) => x.assessedOn)].filter((d): d is LocalDate => d !== null);
  const immunisations = assessedOn.map((recordedOn) =>
    life.record(ImmunisationStatus, { recordedOn, upToDate: r.chance(life.nwd ? 0.8 : 0.88) }),
  );
  return [initial, ...reviews, ...immunisations];
}

function reviewsAfter(life: Life, firstAssessment: LocalDate): ReviewHealthAssessment[] {
  const { r } = life;
  const reviews: ReviewHealthAssessment[] = [];
  let last = firstAssessment;
  for (;;) {
    const due = nextReviewDue(last, life.person.dateOfBirth);
    const assessedOn = life.happened(addDays(due, r.chance(0.7) ? r.int(-28, 7) : r.int(8, 180)));
    if (!assessedOn || assessedOn <= last) break;
    reviews.push(
      life.record(ReviewHealthAssessment, {
        assessedOn,
        assessorRole: r.chance(0.85) ? HealthAssessorRole.REGISTERED_NURSE : HealthAssessorRole.REGISTERED_MEDICAL_PRACTITIONER,
        outcomeSummary: syntheticNote(r, SYNTHETIC_NOTES.reviewOutcome),
      }),
    );
    last = assessedOn;
  }
  return reviews;
}

/** Children not looked after: health still records immunisations when it sees them (70%). */
export function immunisationsOutsideCare(life: Life): PatientRecord[] {
  const { r } = life;
  if (life.patient.enteredCareOn || !r.chance(0.7)) return [];
  const recordedOn = life.dateIn(life.monthsAgo(12));
  return recordedOn ? [life.record(ImmunisationStatus, { recordedOn, upToDate: r.chance(0.85) })] : [];
}

/** Dental checks: 66.8% within the last 12 months (000:300), fewer on the NWD caseload; none before age 1. */
export function dentalChecks(life: Life): PatientRecord[] {
  const { r } = life;
  const earliest = life.birthday(1);
  const last = r.chance(life.nwd ? 0.58 : 0.71)
    ? life.dateIn(maxDate(earliest, addDays(life.monthsAgo(12), 1)))
    : r.chance(0.8)
      ? life.dateIn(maxDate(earliest, life.monthsAgo(36)), addDays(life.monthsAgo(12), -1))
      : null;
  if (!last) return [];
  const dates = [last];
  for (let more = r.int(0, 3); more > 0; more--) {
    const earlier = addMonths(dates[dates.length - 1], -r.int(6, 12));
    if (earlier < earliest) break;
    dates.push(earlier);
  }
  return dates.map((checkedOn) => life.record(DentalCheck, { checkedOn }));
}

/** Healthy Child Programme reviews, by the age (in days) each is offered. */
const DEVELOPMENT_REVIEWS: [DevelopmentReviewStage, number][] = [
  [DevelopmentReviewStage.NEW_BABY_REVIEW, 10],
  [DevelopmentReviewStage.SIX_TO_EIGHT_WEEK_REVIEW, 42],
  [DevelopmentReviewStage.ONE_YEAR_REVIEW, 300],
  [DevelopmentReviewStage.TWO_TO_TWO_AND_A_HALF_YEAR_REVIEW, 760],
];

/** Development checks for children under 5 (OC2 HEALTH_CHECK): most reviews held, most up to date. */
export function developmentChecks(life: Life): PatientRecord[] {
  const { r } = life;
  if (life.age >= 5) return [];
  return DEVELOPMENT_REVIEWS.flatMap(([stage, days]) => {
    const reviewedOn = life.happened(addDays(life.person.dateOfBirth, days + r.int(0, 21)));
    if (!reviewedOn || !r.chance(0.9)) return [];
    return [life.record(DevelopmentCheck, { reviewedOn, stage, developmentChecksUpToDate: r.chance(0.88) })];
  });
}
