import type { CohortScope } from '../../../kit/subgraph/access/access-grant';
import { byOwner, plainRows, referralDates } from '../../../kit/subgraph/outcomes/counting';
import { receivingCohortType, receivingOutcomeFields } from '../../../kit/subgraph/outcomes/receiving';
import { EDUCATION } from '../agency';
import type { EducationContext } from '../context';
import { PersonalEducationPlan, Pupil } from '../entities';
import { countEducationOutcomes, type PupilFacts } from '../rules/outcomes';

export const CohortOutcomes = receivingCohortType(EDUCATION);

/** Education's records of the cohort's members (by UPN), as the facts the measures count. */
async function pupilFacts(ctx: EducationContext, cohort: CohortScope): Promise<PupilFacts[]> {
  const { em } = ctx;
  const pupils = await plainRows<{ id: number; dateOfBirth: string; enteredCareDate: string | null }>(
    em,
    Pupil,
    ['id', 'dateOfBirth', 'enteredCareDate'],
    'upn',
    [...referralDates(cohort.members).keys()],
  );
  const peps = byOwner(
    await plainRows<{ pupil: number; meetingDate: string }>(
      em,
      PersonalEducationPlan,
      ['pupil', 'meetingDate'],
      'pupil',
      pupils.map((p) => p.id),
    ),
    (pep) => pep.pupil,
  );
  return pupils.map((p) => ({
    dateOfBirth: p.dateOfBirth,
    enteredCareDate: p.enteredCareDate,
    pepMeetings: (peps.get(p.id) ?? []).map((pep) => pep.meetingDate),
  }));
}

export const EducationOutcomeFields = receivingOutcomeFields(
  EDUCATION,
  CohortOutcomes,
  async (ctx: EducationContext, cohort) => countEducationOutcomes(await pupilFacts(ctx, cohort), cohort.periods),
  "Education's figures about the cohort: PEPs within the last six months.",
);
