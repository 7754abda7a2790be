import type { EntityManager } from '@mikro-orm/core';
import { PERSONAS } from '../../kit/dev/personas';
import { PurposeKind, type Purpose } from '../../kit/subgraph/access/purpose';
import type { Viewer } from '../../kit/shared/roles';
import {
  generatePerson,
  population,
  syntheticUpn,
  type PopulationOptions,
  type SyntheticYoungPerson,
} from '../../kit/dev/synthetic/population';
import { educationSeeder } from '../../subgraphs/education/seed';
import { TEST_TODAY, type TestAgency } from '../support/agency';

/** The population startTestAgency seeds (60 people, 'test-seed', as of TEST_TODAY). */
export const TEST_POPULATION = { size: 60, seed: 'test-seed', asOf: TEST_TODAY };

export function testPeople(): SyntheticYoungPerson[] {
  return Array.from({ length: TEST_POPULATION.size }, (_, i) => generatePerson(i, TEST_POPULATION));
}

/** People the virtual school was seeded with: a UPN in the cross-reference, really held. */
export function seededPupils(): SyntheticYoungPerson[] {
  return testPeople().filter((p) => p.upn && p.heldByEducation);
}

/** A UPN with a valid check letter for an index the 60-person population never reaches. */
export const UNKNOWN_UPN = syntheticUpn(999, 2001);

/** Who asks, and the purpose social care's grant names (the legitimate relationship it found). */
export interface Asking {
  viewer: Viewer;
  purpose: Purpose;
}

const meeting: Purpose = { kind: PurposeKind.MEETING_INVITATION, meetingId: 'YP-000001-M1' };

/** The personas as social care would grant them: each with the relationship it typically has. */
export const AS = {
  virtualSchoolHead: { viewer: PERSONAS.virtualSchoolHead, purpose: { kind: PurposeKind.STATUTORY_ROLE } },
  designatedTeacher: { viewer: PERSONAS.designatedTeacher, purpose: meeting },
  socialWorker: { viewer: PERSONAS.socialWorker, purpose: { kind: PurposeKind.ALLOCATION } },
  lacNurse: { viewer: PERSONAS.lacNurse, purpose: meeting },
  policeLiaison: { viewer: PERSONAS.policeLiaison, purpose: meeting },
  policeAnalyst: {
    viewer: PERSONAS.policeAnalyst,
    purpose: { kind: PurposeKind.BREAK_GLASS, reason: 'Missing tonight: checking the school for last sighting' },
  },
  auditor: { viewer: PERSONAS.auditor, purpose: { kind: PurposeKind.AUDIT } },
} satisfies Record<string, Asking>;

/** A representation without a grant (as nobody but the gateway, after social care, could send). */
export const youngPerson = (upn: string | null) => ({ __typename: 'YoungPerson', upn });

/**
 * Representations as the gateway sends them for the next request: each with social care's grant for
 * this viewer, that request and exactly that UPN.
 */
export async function representations(agency: TestAgency, upns: (string | null)[], as: Asking = AS.virtualSchoolHead) {
  const requestId = agency.nextRequestId();
  return Promise.all(upns.map(async (upn) => ({ ...youngPerson(upn), educationAccess: await agency.grant(upn, { ...as, requestId }) })));
}

/** Asks `query` about the young people as `as`, with their grants; returns the whole response. */
export async function entities(agency: TestAgency, query: string, upns: (string | null)[], as: Asking = AS.virtualSchoolHead) {
  const reps = await representations(agency, upns, as);
  return agency.request(query, { representations: reps }, { viewer: as.viewer });
}

/** `_entities` over the representations, asking `selection` of each young person's education record. */
export const educationQuery = (selection: string) => `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on YoungPerson { upn education { ${selection} } } }
  }
`;

/** The rows the education seeder persists for a population (in memory: the seeder only persists). */
export function seededRows(options: PopulationOptions): object[] {
  const rows: object[] = [];
  const em = {
    persist: (row: object) => rows.push(row),
    getReference: (entity: new () => object, urn: string) => Object.assign(new entity(), { urn }),
  } as unknown as EntityManager;
  for (const person of population(options)) educationSeeder.seedPerson(em, person, options);
  return rows;
}

export const ofType = <T extends object>(rows: object[], type: abstract new () => T): T[] => rows.filter((r): r is T => r instanceof type);

/** The WITHHELD notices in a response, as { path, rule, count }. */
export const withheld = (errors: any[] | undefined) =>
  (errors ?? [])
    .filter((e) => e.extensions?.code === 'WITHHELD')
    .map((e) => ({ path: e.path, agency: e.extensions.agency, rule: e.extensions.rule, count: e.extensions.count }));

/** Every field of the education record, nested lists and computed values included. */
export const DEEP_QUERY = `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on YoungPerson {
        upn
        education {
          matchStatus
          currentEnrolment { id yearGroup school { urn establishmentNumber localAuthorityCode name phase } }
          enrolments { id startDate endDate rollStatus reasonForLeaving yearGroup school { urn name phase } }
          attendance { id academicYear term sessionsPossible authorisedAbsence unauthorisedAbsence attendancePercentage persistentlyAbsent }
          persistentlyAbsent
          suspensions { id startDate sessionsLost daysLost reason school { urn name } }
          permanentExclusions { id startDate sessionsLost daysLost reason school { urn name } }
          reducedTimetables { id startDate endDate hoursPerWeek }
          alternativeProvision { id startDate endDate providerName registeredProvider hoursPerWeek }
          notInSchool { id kind startDate endDate }
          senProvision { id provision startDate endDate ehcpRequestDate ehcpIssueDate ehcpDueDate ehcpIssuedWithinTwentyWeeks }
          currentSenProvision { id provision }
          peps { id meetingDate quality targets pupilPremiumPlusAmount pupilPremiumPlusPurpose }
          pepTimeliness { status dueDate lastDone }
          pepWithinLastSixMonths
          postSixteen { id recordedOn activity eetGroup meetsParticipationDuty riskOfNeet transitionPlanDate }
          chronology { date agency kind summary }
        }
      }
    }
  }
`;

/** The nullable data fields: all null when not matched. */
export const DATA_FIELDS = [
  'currentEnrolment',
  'enrolments',
  'attendance',
  'persistentlyAbsent',
  'suspensions',
  'permanentExclusions',
  'reducedTimetables',
  'alternativeProvision',
  'notInSchool',
  'senProvision',
  'currentSenProvision',
  'peps',
  'pepTimeliness',
  'pepWithinLastSixMonths',
  'postSixteen',
  'chronology',
] as const;
