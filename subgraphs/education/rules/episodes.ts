import type { LocalDate } from '../../../kit/subgraph/dates';

export interface Episode {
  startDate: LocalDate;
  endDate: LocalDate | null;
}

/** Open on `today`: started on or before it and not ended before it (the end date is the last day). */
export function isCurrent(e: Episode, today: LocalDate): boolean {
  return e.startDate <= today && (e.endDate === null || e.endDate >= today);
}

/** The current episode that started last; null when none is open today. */
export function currentEpisode<T extends Episode>(episodes: T[], today: LocalDate): T | null {
  return latestStart(episodes.filter((e) => isCurrent(e, today)));
}

function latestStart<T extends Episode>(episodes: T[]): T | null {
  return episodes.reduce<T | null>((best, e) => (!best || e.startDate > best.startDate ? e : best), null);
}
