import { ageOn, type LocalDate } from '../../../kit/subgraph/dates';
import { academicYearStarting } from './terms';

/**
 * National curriculum year group on a date: reception (0) is the academic year in which a child turns 5,
 * so it is the age on 31 August before the academic year starts, minus 4. Below 0: not yet in reception.
 */
export function yearGroupOn(dateOfBirth: LocalDate, date: LocalDate): number {
  return ageOn(dateOfBirth, `${academicYearStarting(date)}-08-31`) - 4;
}

/** The census code for a year group number (NCyearActual): N1 and N2 nursery, R reception, then 1 to 14. */
export function nationalCurriculumYear(yearGroup: number): string | null {
  if (yearGroup === -2) return 'N1';
  if (yearGroup === -1) return 'N2';
  if (yearGroup === 0) return 'R';
  return yearGroup >= 1 && yearGroup <= 14 ? String(yearGroup) : null;
}
