import { addMonths } from '../../../kit/subgraph/dates';

/** Anything that runs from a start date to an end date (null: still open). */
export interface DatedEpisode {
  startDate: string;
  endDate?: string | null;
}

/** Open on `today`: started on or before it and not ended before it (the end date is the last day). */
export function isOpenOn(episode: DatedEpisode, today: string): boolean {
  return episode.startDate <= today && (!episode.endDate || episode.endDate >= today);
}

/** The episode in force on `today` (the latest-starting, if records overlap). */
export function currentEpisode<T extends DatedEpisode>(episodes: readonly T[], today: string): T | null {
  let current: T | null = null;
  for (const e of episodes) {
    if (isOpenOn(e, today) && (!current || e.startDate > current.startDate)) current = e;
  }
  return current;
}

/**
 * Placement moves in the 12 months to `today`: placements in force at any time in that window, less
 * the one the young person was already in. The "3+ placement moves" KPI (000:280) counts these.
 */
export function placementMovesInLast12Months(placements: readonly DatedEpisode[], today: string): number {
  const windowStart = addMonths(today, -12);
  const inWindow = placements.filter((p) => p.startDate <= today && (!p.endDate || p.endDate >= windowStart));
  return Math.max(0, inWindow.length - 1);
}

/** An open action is overdue the day after its due date. */
export function isActionOverdue(action: { status: string; dueDate: string }, today: string): boolean {
  return action.status === 'OPEN' && today > action.dueDate;
}
