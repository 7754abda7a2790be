import { addWorkingDays, type LocalDate } from '../../../kit/subgraph/dates';
import { statusFor, type Timeliness, TimelinessStatus } from '../../../kit/subgraph/graphql/timeliness';
import { notApplicable, timeliness } from './timeliness';

/** The practitioner timescale: the initial assessment is done within 20 working days of entering care. */
export const INITIAL_ASSESSMENT_WORKING_DAYS = 20;

export function initialHealthAssessmentDue(enteredCareOn: LocalDate): LocalDate {
  return addWorkingDays(enteredCareOn, INITIAL_ASSESSMENT_WORKING_DAYS);
}

/**
 * Only an assessment done in the current period of care counts. Once done it is UP_TO_DATE even if it
 * was late (nothing is left to do); lastDone after dueDate shows the lateness.
 */
export function initialHealthAssessmentTimeliness(
  assessments: readonly { completedOn: LocalDate | null }[],
  enteredCareOn: LocalDate | null,
  today: LocalDate,
): Timeliness {
  if (!enteredCareOn) return notApplicable();
  const due = initialHealthAssessmentDue(enteredCareOn);
  const done = assessments
    .map((a) => a.completedOn)
    .filter((d): d is LocalDate => d !== null && d >= enteredCareOn && d <= today)
    .sort()[0];
  if (done) return timeliness(TimelinessStatus.UP_TO_DATE, due, done);
  return timeliness(statusFor(due, today), due, null);
}
