import { service as healthService } from '../../subgraphs/health/service';
import { healthSeeder } from '../../subgraphs/health/seed';
import { Patient } from '../../subgraphs/health/entities';
import { generatePerson, type PopulationOptions, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import type { Purpose } from '../../kit/subgraph/access/purpose';
import type { Viewer } from '../../kit/shared/roles';
import { TEST_TODAY, type TestAgency } from '../support/agency';
import type { EntityManager } from '@mikro-orm/core';

export { healthService };

/** The population startTestAgency seeds. */
export const OPTIONS: PopulationOptions = { size: 60, seed: 'test-seed', asOf: TEST_TODAY };
export const people: SyntheticYoungPerson[] = Array.from({ length: OPTIONS.size }, (_, i) => generatePerson(i, OPTIONS));

/** What the seeder writes for one person, captured without a database: the expected values. */
export interface Seeded {
  person: SyntheticYoungPerson;
  patient: Patient | null;
  rows: object[];
}

export function seeded(person: SyntheticYoungPerson, options: PopulationOptions = OPTIONS): Seeded {
  const rows: object[] = [];
  const em = { persist: (entity: object) => rows.push(entity) } as unknown as EntityManager;
  healthSeeder.seedPerson(em, person, options);
  const patient = (rows.find((row) => row instanceof Patient) as Patient | undefined) ?? null;
  return { person, patient, rows: rows.filter((row) => !(row instanceof Patient)) };
}

export function rowsOf<T>(s: Seeded, entity: new () => T): T[] {
  return s.rows.filter((row) => row instanceof entity) as T[];
}

/** The first seeded person holding at least one of each kind given. */
export function firstWith(...entities: (new () => object)[]): Seeded {
  for (const person of people) {
    const s = seeded(person);
    if (s.patient && entities.every((entity) => rowsOf(s, entity).length > 0)) return s;
  }
  throw new Error(`no seeded person has ${entities.map((e) => e.name).join(', ')}`);
}

/** A representation as the gateway sends it: the key and, unless left out, social care's grant. */
export const rep = (nhsNumber: string | null, healthAccess?: string | null) => ({
  __typename: 'YoungPerson',
  nhsNumber,
  ...(healthAccess !== undefined && { healthAccess }),
});

export interface AskAs {
  viewer?: Viewer;
  purpose?: Purpose;
}

/** Representations each carrying social care's grant for the next request, for `viewer` under `purpose`. */
export function granted(agency: TestAgency, nhsNumbers: (string | null)[], as: AskAs = {}) {
  return Promise.all(nhsNumbers.map(async (n) => rep(n, await agency.grant(n, as))));
}

/** One request about these young people, as `viewer` under `purpose`, with grants made for it. */
export async function ask(agency: TestAgency, query: string, nhsNumbers: (string | null)[], as: AskAs = {}) {
  const reps = await granted(agency, nhsNumbers, as);
  return agency.request(query, { reps }, { viewer: as.viewer });
}

/** `_entities` selecting `selection` on YoungPerson. */
export const entitiesQuery = (selection: string) => `query Health($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on YoungPerson { ${selection} } }
}`;

/** Every field HealthRecord has, deep enough to touch every loader and computed value. */
export const HEALTH_SELECTION = `
  matchStatus
  registeredGp { odsCode name }
  initialHealthAssessment { requestedOn completedOn assessorRole }
  initialHealthAssessmentTimeliness { status dueDate lastDone }
  reviewHealthAssessments { assessedOn assessorRole outcomeSummary }
  reviewHealthAssessmentTimeliness { status dueDate lastDone }
  dentalChecks { checkedOn }
  dentalCheckTimeliness { status dueDate lastDone }
  immunisationsUpToDate { recordedOn upToDate }
  developmentChecks { reviewedOn stage developmentChecksUpToDate }
  sdqScores { completedOn total band }
  latestSdq { completedOn total band }
  camhsInvolvements { referredOn decision decidedOn startedOn endedOn status clinicalNote }
  lifeCoachInvolvements { startedOn endedOn status clinicalNote }
  slcnScreenings { screenedOn receptiveLanguage socialCommunication vocabulary needIdentified }
  substanceMisuse { identifiedOn interventionOfferedOn interventionRefused interventionReceivedOn }
  selfHarmEpisodes { occurredOn clinicalNote }
  sexualHealthContacts { contactOn clinicalNote }
  emergencyAttendances { attendedOn reason }
  chronology { date agency kind summary }
`;

export const ENTITIES_QUERY = entitiesQuery(`nhsNumber health { ${HEALTH_SELECTION} }`);

export const newestFirst = (dates: string[]): string[] => [...dates].sort().reverse();
