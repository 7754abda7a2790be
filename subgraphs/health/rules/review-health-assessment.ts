import { addMonths, ageOn, type LocalDate } from '../../../kit/subgraph/dates';
import type { Timeliness } from '../../../kit/subgraph/graphql/timeliness';
import { notApplicable, scheduled } from './timeliness';

/** Reviews are due every 6 months before the fifth birthday, every 12 months from it. */
export function reviewIntervalMonths(dateOfBirth: LocalDate, assessedOn: LocalDate): number {
  return ageOn(dateOfBirth, assessedOn) < 5 ? 6 : 12;
}

export function nextReviewDue(lastAssessedOn: LocalDate, dateOfBirth: LocalDate): LocalDate {
  return addMonths(lastAssessedOn, reviewIntervalMonths(dateOfBirth, lastAssessedOn));
}

export interface CarePeriod {
  dateOfBirth: LocalDate;
  /** Null: not looked after, so no statutory review applies. */
  enteredCareOn: LocalDate | null;
}

/**
 * Next review = last assessment of the current period of care (initial or review) + 6 or 12 months.
 * Before any assessment this period, the initial assessment's timescale applies instead: NOT_APPLICABLE.
 */
export function reviewHealthAssessmentTimeliness(
  initial: readonly { completedOn: LocalDate | null }[],
  reviews: readonly { assessedOn: LocalDate }[],
  care: CarePeriod,
  today: LocalDate,
): Timeliness {
  const since = care.enteredCareOn;
  if (!since) return notApplicable();
  const dates = [...initial.map((a) => a.completedOn), ...reviews.map((r) => r.assessedOn)];
  const last = dates
    .filter((d): d is LocalDate => d !== null && d >= since && d <= today)
    .sort()
    .at(-1);
  if (!last) return notApplicable();
  return scheduled(last, nextReviewDue(last, care.dateOfBirth), today);
}
