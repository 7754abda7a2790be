import { loadEach } from '../../../kit/subgraph/loaders';
import type { HealthContext } from '../context';
import type { HealthHistory } from '../rules/chronology';

const KINDS = [
  'initialHealthAssessments',
  'reviewHealthAssessments',
  'dentalChecks',
  'immunisationStatuses',
  'developmentChecks',
  'sdqScores',
  'substanceMisuse',
  'camhsInvolvements',
  'lifeCoachInvolvements',
  'slcnScreenings',
  'selfHarmEpisodes',
  'sexualHealthContacts',
  'emergencyAttendances',
] as const satisfies readonly (keyof HealthHistory)[];

/** Everything health holds about one patient, through the request's loaders (so it batches with every other field). */
export function loadHistory(patientId: number, { loaders }: HealthContext): Promise<HealthHistory> {
  return loadEach(loaders, KINDS, patientId);
}
