import { ukDate } from '../../../kit/subgraph/dates';
import { MissingEpisode, ReturnHomeInterview } from '../entities';
import { MissingRiskGrading, ReturnHomeInterviewTakeUp } from '../enums';
import { dateIn, endOf, HOUR_MINUTES, instantOn, minutesAfter, synthetic, youngPersonsWish, type Scene } from './scene';

// NWD young people go missing far more (Middlesbrough: 94 episodes across 11 young people in a year, 001:471).
const EPISODES_OTHERS: [number, number][] = [
  [0, 45],
  [1, 30],
  [2, 15],
  [3, 10],
];
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
// Most episodes last hours; some a day or two; a few most of a week (in minutes).
const DURATION: [[number, number], number][] = [
  [[60, 720], 50],
  [[720, 2880], 35],
  [[2880, 10080], 15],
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

export function seedMissingEpisodes(scene: Scene): void {
  const { r, person } = scene;
  const end = endOf(scene);
  const count = person.nwd ? r.int(3, 16) : r.weighted(EPISODES_OTHERS);
  const reports = Array.from({ length: count }, () => instantOn(r, dateIn(r, scene.from, scene.to))).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  // Now and then an NWD young person is missing as the data is taken.
  const missingNow = person.nwd && count > 0 && r.chance(0.08);
  if (missingNow) {
    const recent = minutesAfter(end, -r.int(2 * HOUR_MINUTES, 30 * HOUR_MINUTES));
    if (recent > reports[count - 1]) reports[count - 1] = recent;
  }
  reports.forEach((reportedAt, i) => {
    const isLast = i === count - 1;
    const foundAt = isLast && missingNow ? null : foundTime(scene, reportedAt, reports[i + 1] ?? end, isLast);
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
  });
}

/** Found before the next report (episodes never overlap); the latest may still be open when the data ends. */
function foundTime(scene: Scene, reportedAt: Date, next: Date, isLast: boolean): Date | null {
  const [lo, hi] = scene.r.weighted(DURATION);
  const found = minutesAfter(reportedAt, scene.r.int(lo, hi));
  if (found < next) return found;
  if (isLast) return null;
  return new Date((reportedAt.getTime() + next.getTime()) / 2);
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
