import { ukDate } from '../../../kit/subgraph/dates';
import { MissingEpisode, ReturnHomeInterview } from '../entities';
import { MissingRiskGrading, ReturnHomeInterviewTakeUp } from '../enums';
import { endOf, HOUR_MINUTES, minutesAfter, synthetic, youngPersonsWish, type Scene } from './scene';

const RISK_NWD: [MissingRiskGrading, number][] = [
  [MissingRiskGrading.NO_APPARENT_RISK, 8],
  [MissingRiskGrading.LOW, 42],
  [MissingRiskGrading.MEDIUM, 40],
  [MissingRiskGrading.HIGH, 10],
];
const RISK_OTHERS: [MissingRiskGrading, number][] = [
  [MissingRiskGrading.NO_APPARENT_RISK, 15],
  [MissingRiskGrading.LOW, 50],
  [MissingRiskGrading.MEDIUM, 28],
  [MissingRiskGrading.HIGH, 7],
];
const LOCATIONS_FOUND = [
  "At a friend's home in the same town",
  'In the town centre',
  'At a fast-food restaurant',
  'At a railway station in another town',
  'Returned to the placement of their own accord',
  "At a relative's home",
  'In a local park',
  'At a shopping centre',
  'At an address in another force area',
];
// The (invented) force revised its risk assessment scheme; gradings keep the version they were made under.
const SCHEME_REVISED_ON = '2024-04-01';
const SCHEME_BEFORE = 'Synthetic force missing person risk assessment v2 (2021)';
const SCHEME_AFTER = 'Synthetic force missing person risk assessment v3 (2024)';
const TAKE_UP: [ReturnHomeInterviewTakeUp, number][] = [
  [ReturnHomeInterviewTakeUp.YES, 60],
  [ReturnHomeInterviewTakeUp.DECLINED, 30],
  [ReturnHomeInterviewTakeUp.NO, 10],
];
const RHI_WINDOW_MINUTES = 72 * HOUR_MINUTES;

/**
 * Every missing episode of the young person, as the shared population dates them: social care records
 * the same reports (to the minute) for those that began while looked after, so the police hold at least
 * as many as social care for the same child.
 */
export function seedMissingEpisodes(scene: Scene): void {
  const { r, person } = scene;
  const end = endOf(scene);
  for (const { startedAt: reportedAt, endedAt: foundAt } of person.missingEpisodes) {
    const episode = scene.em.create(MissingEpisode, {
      nominal: scene.nominal,
      reportedAt,
      foundAt,
      riskGrading: r.weighted(person.nwd ? RISK_NWD : RISK_OTHERS),
      riskGradingSchemeVersion: ukDate(reportedAt) < SCHEME_REVISED_ON ? SCHEME_BEFORE : SCHEME_AFTER,
      locationFound: foundAt ? synthetic(r.pick(LOCATIONS_FOUND)) : null,
      notSharedWith: youngPersonsWish(scene),
    });
    if (foundAt) seedReturnHomeInterview(scene, episode, foundAt, end);
  }
}

/** Most interviews are offered within 72 hours; some late; a few never recorded. */
function seedReturnHomeInterview(scene: Scene, episode: MissingEpisode, foundAt: Date, end: Date): void {
  const { r } = scene;
  if (!r.chance(0.95)) return;
  const delay = r.chance(0.88) ? r.int(30, RHI_WINDOW_MINUTES) : r.int(RHI_WINDOW_MINUTES + 1, 14 * 24 * HOUR_MINUTES);
  const offeredAt = minutesAfter(foundAt, delay);
  if (offeredAt >= end) return; // not offered yet when the data was taken
  let takenUp: ReturnHomeInterviewTakeUp | null = r.weighted(TAKE_UP);
  let tookPlaceAt: Date | null =
    takenUp === ReturnHomeInterviewTakeUp.YES ? minutesAfter(offeredAt, r.int(HOUR_MINUTES, 5 * 24 * HOUR_MINUTES)) : null;
  if (tookPlaceAt && tookPlaceAt >= end) {
    takenUp = null; // offer still open
    tookPlaceAt = null;
  }
  scene.em.create(ReturnHomeInterview, { missingEpisode: episode, offeredAt, tookPlaceAt, takenUp });
}
