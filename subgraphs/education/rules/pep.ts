import { addMonths, addWorkingDays, type LocalDate } from '../../../kit/subgraph/dates';
import { statusFor, Timeliness, TimelinessStatus } from '../../../kit/subgraph/graphql/timeliness';
import { nextTerm, termEnd, termOf } from './terms';

/** The first PEP is due within 20 school days of entering care (school days = weekdays; holidays not modelled). */
export const FIRST_PEP_SCHOOL_DAYS = 20;

function timeliness(status: TimelinessStatus, dueDate: LocalDate | null, lastDone: LocalDate | null): Timeliness {
  return Object.assign(new Timeliness(), { status, dueDate, lastDone });
}

/**
 * PEP timeliness for a looked-after child: the first PEP within 20 school days of entering care, then a
 * review every term, due by the end of the term after the last PEP's term (so a PEP this term makes the
 * next due at the end of next term; one last term makes it due at the end of this term; older is overdue).
 * NOT_APPLICABLE when not looked after. Only PEPs of the current period of care count.
 */
export function pepTimeliness(meetingDates: LocalDate[], enteredCareDate: LocalDate | null, today: LocalDate): Timeliness {
  if (!enteredCareDate || enteredCareDate > today) return timeliness(TimelinessStatus.NOT_APPLICABLE, null, null);
  const inCare = meetingDates.filter((d) => d >= enteredCareDate && d <= today).sort();
  const last = inCare[inCare.length - 1] ?? null;
  const due = last ? termEnd(nextTerm(termOf(last))) : addWorkingDays(enteredCareDate, FIRST_PEP_SCHOOL_DAYS);
  return timeliness(statusFor(due, today), due, last);
}

/**
 * The local KPI "PEP within the last 6 months" (000:294), inclusive of the day exactly 6 months ago.
 * Null when not looked after: the KPI counts looked-after children only.
 */
export function pepWithinLastSixMonths(meetingDates: LocalDate[], enteredCareDate: LocalDate | null, today: LocalDate): boolean | null {
  if (!enteredCareDate || enteredCareDate > today) return null;
  const since = addMonths(today, -6);
  return meetingDates.some((d) => d >= since && d <= today);
}
