import type { LocalDate } from '../../../kit/subgraph/dates';
import { RollStatus } from '../enums';
import { currentEpisode, isCurrent, type Episode } from './episodes';

/** When dual registered, the main registration is "the" school; subsidiary and guest ones are extras. */
const SECONDARY_ROLL = new Set([RollStatus.SUBSIDIARY, RollStatus.GUEST]);

/** The school the pupil is on roll at today (the main one when dual registered); null when on no roll. */
export function currentEnrolment<T extends Episode & { rollStatus: RollStatus }>(enrolments: T[], today: LocalDate): T | null {
  const main = enrolments.filter((e) => !SECONDARY_ROLL.has(e.rollStatus) && isCurrent(e, today));
  return currentEpisode(main, today) ?? currentEpisode(enrolments, today);
}
