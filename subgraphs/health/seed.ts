import type { EntityManager } from '@mikro-orm/core';
import type { SeedingSession } from '../../kit/dev/synthetic/seeding-session';
import type { AgencySeeder } from '../../kit/subgraph/service';
import { inventedSurname } from '../../kit/dev/synthetic/names';
import type { PopulationOptions, SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { Random } from '../../kit/dev/synthetic/random';
import { Patient, RegisteredGpPractice, type PatientRecord } from './entities';
import { Life } from './seeding/life';
import { youngPersonsWishes } from './seeding/wishes';
import { dentalChecks, developmentChecks, healthAssessments, immunisationsOutsideCare } from './seeding/statutory-checks';
import {
  camhsInvolvements,
  emergencyAttendances,
  lifeCoachInvolvements,
  sdqScores,
  selfHarmEpisodes,
  sexualHealthContacts,
  slcnScreenings,
  substanceMisuse,
} from './seeding/wellbeing';

/** Each generator draws from the person's one stream in this fixed order, so the data never changes. */
const GENERATORS: ((life: Life) => PatientRecord[])[] = [
  healthAssessments,
  immunisationsOutsideCare,
  dentalChecks,
  developmentChecks,
  sdqScores,
  substanceMisuse,
  camhsInvolvements,
  lifeCoachInvolvements,
  slcnScreenings,
  selfHarmEpisodes,
  sexualHealthContacts,
  emergencyAttendances,
];

const PRACTICE_KINDS = ['Medical Practice', 'Surgery', 'Health Centre'] as const;
const PRACTICES = 40;

/** One of 40 invented practices: the ODS code fixes the name, so a practice is the same for everyone. */
function gpPractice(r: Random): RegisteredGpPractice {
  const n = r.int(0, PRACTICES - 1);
  return Object.assign(new RegisteredGpPractice(), {
    odsCode: `Y99${String(n).padStart(3, '0')}`,
    name: `${inventedSurname(n, n * 5 + 3)} ${PRACTICE_KINDS[n % PRACTICE_KINDS.length]} (synthetic)`,
  });
}

function newPatient(em: SeedingSession, r: Random, person: SyntheticYoungPerson, nhsNumber: string): Patient {
  return em.create(Patient, {
    nhsNumber,
    dateOfBirth: person.dateOfBirth,
    // Health learns of entry to care from the local authority's request for an initial assessment.
    enteredCareOn: person.enteredCareOn,
    // A few children are not yet registered with a GP (e.g. newly arrived).
    registeredGp: r.chance(0.97) ? gpPractice(r) : null,
  });
}

export const healthSeeder: AgencySeeder = {
  async isSeeded(em: EntityManager): Promise<boolean> {
    return (await em.count(Patient)) > 0;
  },

  seedPerson(em: SeedingSession, person: SyntheticYoungPerson, options: PopulationOptions): void {
    if (!person.nhsNumber || !person.heldByHealth) return;
    const r = new Random(options.seed, 'health', person.index);
    const patient = newPatient(em, r, person, person.nhsNumber);
    const life = new Life(em, r, person, patient, options.asOf);
    const records = GENERATORS.flatMap((generate) => generate(life));
    youngPersonsWishes(r, records);
    for (const record of records) em.persist(record);
  },
};
