import type { HealthContext } from '../context';
import type { HealthHistory } from '../rules/chronology';

/** Everything health holds about one patient, through the request's loaders (so it batches with every other field). */
export async function loadHistory(patientId: number, { loaders }: HealthContext): Promise<HealthHistory> {
  const [
    initialHealthAssessments,
    reviewHealthAssessments,
    dentalChecks,
    immunisationStatuses,
    developmentChecks,
    sdqScores,
    substanceMisuse,
    camhsInvolvements,
    lifeCoachInvolvements,
    slcnScreenings,
    selfHarmEpisodes,
    sexualHealthContacts,
    emergencyAttendances,
  ] = await Promise.all([
    loaders.initialHealthAssessments.load(patientId),
    loaders.reviewHealthAssessments.load(patientId),
    loaders.dentalChecks.load(patientId),
    loaders.immunisationStatuses.load(patientId),
    loaders.developmentChecks.load(patientId),
    loaders.sdqScores.load(patientId),
    loaders.substanceMisuse.load(patientId),
    loaders.camhsInvolvements.load(patientId),
    loaders.lifeCoachInvolvements.load(patientId),
    loaders.slcnScreenings.load(patientId),
    loaders.selfHarmEpisodes.load(patientId),
    loaders.sexualHealthContacts.load(patientId),
    loaders.emergencyAttendances.load(patientId),
  ]);
  return {
    initialHealthAssessments,
    reviewHealthAssessments,
    dentalChecks,
    immunisationStatuses,
    developmentChecks,
    sdqScores,
    substanceMisuse,
    camhsInvolvements,
    lifeCoachInvolvements,
    slcnScreenings,
    selfHarmEpisodes,
    sexualHealthContacts,
    emergencyAttendances,
  };
}
