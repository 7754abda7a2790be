import { addDays, type LocalDate } from '../../../kit/subgraph/dates';

/** An EHC plan must be issued within 20 weeks of the request for an assessment (SEND Regulations 2014, reg 13). */
export const EHCP_WEEKS = 20;

export function ehcpDueDate(requestDate: LocalDate): LocalDate {
  return addDays(requestDate, EHCP_WEEKS * 7);
}

/**
 * Whether the EHC plan was issued within 20 weeks (on the due date still counts). Null when no request
 * is recorded, or while a request is pending and not yet past its due date.
 */
export function ehcpIssuedWithinTwentyWeeks(requestDate: LocalDate | null, issueDate: LocalDate | null, today: LocalDate): boolean | null {
  if (!requestDate) return null;
  const due = ehcpDueDate(requestDate);
  if (issueDate) return issueDate <= due;
  return today > due ? false : null;
}
