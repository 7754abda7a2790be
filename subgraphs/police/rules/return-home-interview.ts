import { ReturnHomeInterviewStatus } from '../enums';

/**
 * Return home interviews are to be offered within 72 hours of a missing child being found (DfE statutory
 * guidance on children who run away or go missing). Instants, not dates: 72 hours is not 3 calendar days.
 */
export const RETURN_HOME_INTERVIEW_WINDOW_MS = 72 * 60 * 60 * 1000;

export interface FoundTime {
  foundAt: Date | null;
}

export interface Offer {
  offeredAt: Date;
}

/** The latest moment the interview can be offered in time; null while the child is still missing. */
export function returnHomeInterviewDueBy(episode: FoundTime): Date | null {
  return episode.foundAt ? new Date(episode.foundAt.getTime() + RETURN_HOME_INTERVIEW_WINDOW_MS) : null;
}

/** 72 hours exactly after being found is still in time; one minute later is late. */
export function offeredInTime(episode: FoundTime, offer: Offer): boolean {
  const dueBy = returnHomeInterviewDueBy(episode);
  return dueBy !== null && offer.offeredAt.getTime() <= dueBy.getTime();
}

export function returnHomeInterviewStatus(episode: FoundTime, offer: Offer | null, now: Date): ReturnHomeInterviewStatus {
  const dueBy = returnHomeInterviewDueBy(episode);
  if (!dueBy) return ReturnHomeInterviewStatus.NOT_APPLICABLE;
  if (offer) return offeredInTime(episode, offer) ? ReturnHomeInterviewStatus.OFFERED_IN_TIME : ReturnHomeInterviewStatus.OFFERED_LATE;
  return now.getTime() <= dueBy.getTime() ? ReturnHomeInterviewStatus.DUE : ReturnHomeInterviewStatus.OVERDUE;
}
