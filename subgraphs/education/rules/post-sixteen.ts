import { EetGroup, PostSixteenActivity } from '../enums';

const NEET = new Set([PostSixteenActivity.NEET_AVAILABLE, PostSixteenActivity.NEET_NOT_AVAILABLE]);

export function eetGroupOf(activity: PostSixteenActivity): EetGroup {
  if (activity === PostSixteenActivity.NOT_KNOWN) return EetGroup.NOT_KNOWN;
  return NEET.has(activity) ? EetGroup.NEET : EetGroup.EET;
}

/** Employment without training is not NEET, yet does not meet the duty to participate to 18 (003:1671). */
export function meetsParticipationDuty(activity: PostSixteenActivity): boolean {
  return eetGroupOf(activity) === EetGroup.EET && activity !== PostSixteenActivity.EMPLOYMENT_WITHOUT_TRAINING;
}
