import { addMonths, ukDate, type LocalDate } from '../../../kit/subgraph/dates';

/**
 * NWD outcome measures count missing episodes and arrests per six months (002:1096, 002:1112).
 * The window runs from the same day six months ago (included) to today (included).
 */
export const OUTCOME_WINDOW_MONTHS = 6;

/** The window's first day. */
export const outcomeWindowStart = (today: LocalDate): LocalDate => addMonths(today, -OUTCOME_WINDOW_MONTHS);

export function inLastSixMonths(date: LocalDate, today: LocalDate): boolean {
  return date >= outcomeWindowStart(today) && date <= today;
}

/** Episodes count on the UK date they were reported. */
export function missingEpisodesInLastSixMonths(episodes: { reportedAt: Date }[], today: LocalDate): number {
  return episodes.filter((e) => inLastSixMonths(ukDate(e.reportedAt), today)).length;
}

export function arrestsInLastSixMonths(arrests: { arrestedOn: LocalDate }[], today: LocalDate): number {
  return arrests.filter((a) => inLastSixMonths(a.arrestedOn, today)).length;
}

/** Missing now: reported (at or before now) and not yet found. */
export function isCurrentlyMissing(episodes: { reportedAt: Date; foundAt: Date | null }[], now: Date): boolean {
  return episodes.some((e) => !e.foundAt && e.reportedAt.getTime() <= now.getTime());
}
