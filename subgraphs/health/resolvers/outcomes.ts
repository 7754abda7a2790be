import type { CohortScope } from '../../../kit/subgraph/access/access-grant';
import { byOwner, plainRows, referralDates } from '../../../kit/subgraph/outcomes/counting';
import { receivingCohortType, receivingOutcomeFields } from '../../../kit/subgraph/outcomes/receiving';
import { HEALTH } from '../agency';
import type { HealthContext } from '../context';
import { DentalCheck, EmergencyAttendance, InitialHealthAssessment, Patient, ReviewHealthAssessment, SdqScore } from '../entities';
import { countHealthOutcomes, type PatientFacts } from '../rules/outcomes';

export const CohortOutcomes = receivingCohortType(HEALTH);

type Dates<K extends string> = { patient: number } & Record<K, string>;

/** Health's records of the cohort's members (by NHS number), as the facts the measures count. */
async function patientFacts(ctx: HealthContext, cohort: CohortScope): Promise<PatientFacts[]> {
  const referred = referralDates(cohort.members);
  const { em } = ctx;
  const patients = await plainRows<{ id: number; nhsNumber: string; enteredCareOn: string | null }>(
    em,
    Patient,
    ['id', 'nhsNumber', 'enteredCareOn'],
    'nhsNumber',
    [...referred.keys()],
  );
  const ids = patients.map((p) => p.id);
  const datesOf = async <K extends string>(
    entity: typeof DentalCheck | typeof EmergencyAttendance | typeof ReviewHealthAssessment | typeof InitialHealthAssessment,
    field: K,
    where = {},
  ) => byOwner(await plainRows<Dates<K>>(em, entity, ['patient', field], 'patient', ids, where), (r) => r.patient);
  const [initial, reviews, dental, attendances] = await Promise.all([
    datesOf(InitialHealthAssessment, 'completedOn', { completedOn: { $ne: null } }),
    datesOf(ReviewHealthAssessment, 'assessedOn'),
    datesOf(DentalCheck, 'checkedOn'),
    datesOf(EmergencyAttendance, 'attendedOn'),
  ]);
  const sdq = byOwner(
    await plainRows<{ patient: number; completedOn: string; total: number }>(
      em,
      SdqScore,
      ['patient', 'completedOn', 'total'],
      'patient',
      ids,
    ),
    (r) => r.patient,
  );
  return patients.map((p) => ({
    referredOn: referred.get(p.nhsNumber) ?? null,
    enteredCareOn: p.enteredCareOn,
    healthAssessments: [...(initial.get(p.id) ?? []).map((a) => a.completedOn), ...(reviews.get(p.id) ?? []).map((a) => a.assessedOn)],
    dentalChecks: (dental.get(p.id) ?? []).map((d) => d.checkedOn),
    emergencyAttendances: (attendances.get(p.id) ?? []).map((a) => a.attendedOn),
    sdqScores: (sdq.get(p.id) ?? []).map(({ completedOn, total }) => ({ completedOn, total })),
  }));
}

export const HealthOutcomeFields = receivingOutcomeFields(
  HEALTH,
  CohortOutcomes,
  async (ctx: HealthContext, cohort) => countHealthOutcomes(await patientFacts(ctx, cohort), cohort.periods),
  "Health's figures about the cohort: health assessments and dental checks within 12 months, A&E attendances, SDQ before and after referral.",
);
