import { collectingSession } from '../support/synthetic';
import type { AuditEntryBody, ChronologyEntryBody, TimelinessBody } from '../support/bodies';
import type { AgencyMatchStatus } from '../../kit/subgraph/graphql/match';
import {
  generatePerson,
  population,
  syntheticUpn,
  type PopulationOptions,
  type SyntheticYoungPerson,
} from '../../kit/dev/synthetic/population';
import type {
  EetGroup,
  ExclusionReason,
  NotInSchoolKind,
  PepQuality,
  PostSixteenActivity,
  ReasonForLeaving,
  RiskOfNeet,
  RollStatus,
  SchoolPhase,
  SchoolTerm,
  SenProvision,
} from '../../subgraphs/education/enums';
import { educationSeeder } from '../../subgraphs/education/seed';
import { TEST_TODAY } from '../support/agency';
import { dataOf, type GraphQLBody } from '../support/graphql';
import type { Entities } from '../support/receiving';

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

/** The rows the education seeder persists for a population (in memory: the seeder only persists). */
export function seededRows(options: PopulationOptions): object[] {
  const rows: object[] = [];
  const em = collectingSession(rows);
  for (const person of population(options)) educationSeeder.seedPerson(em, person, options);
  return rows;
}

export const ofType = <T extends object>(rows: object[], type: abstract new () => T): T[] => rows.filter((r): r is T => r instanceof type);

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

/*
 * What education's queries return, as JSON. A list or value on the record is null when the virtual
 * school holds no record (not matched) or a policy withholds it, and absent when a query does not
 * select it. Within a list item, each field is typed as it comes when selected: a policy withholds
 * only nullable fields (policy.test.ts checks this), so those are `| null`. Code lists arrive as
 * their values' names; dates as 'YYYY-MM-DD' strings.
 */

export interface SchoolBody {
  urn: string;
  establishmentNumber: string;
  localAuthorityCode: string;
  name: string;
  phase: `${SchoolPhase}`;
}

export interface SchoolEnrolmentBody {
  id: string;
  startDate: string;
  endDate: string | null;
  rollStatus: `${RollStatus}`;
  reasonForLeaving: `${ReasonForLeaving}` | null;
  yearGroup: string | null;
  school: SchoolBody;
}

export interface TermAttendanceBody {
  id: string;
  academicYear: string;
  term: `${SchoolTerm}`;
  sessionsPossible: number;
  authorisedAbsence: number;
  unauthorisedAbsence: number;
  attendancePercentage: number | null;
  persistentlyAbsent: boolean;
}

/** A suspension or a permanent exclusion. */
export interface ExclusionBody {
  id: string;
  startDate: string;
  sessionsLost: number;
  daysLost: number;
  reason: `${ExclusionReason}` | null;
  school: SchoolBody;
}

export interface ReducedTimetableBody {
  id: string;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number;
}

export interface AlternativeProvisionBody {
  id: string;
  startDate: string;
  endDate: string | null;
  providerName: string;
  registeredProvider: boolean;
  hoursPerWeek: number;
}

export interface NotInSchoolBody {
  id: string;
  kind: `${NotInSchoolKind}`;
  startDate: string;
  endDate: string | null;
}

export interface SenProvisionBody {
  id: string;
  provision: `${SenProvision}`;
  startDate: string | null;
  endDate: string | null;
  ehcpRequestDate: string | null;
  ehcpIssueDate: string | null;
  ehcpDueDate: string | null;
  ehcpIssuedWithinTwentyWeeks: boolean | null;
}

export interface PepBody {
  id: string;
  meetingDate: string;
  quality: `${PepQuality}` | null;
  targets: string[] | null;
  pupilPremiumPlusAmount: number | null;
  pupilPremiumPlusPurpose: string | null;
}

export interface PostSixteenBody {
  id: string;
  recordedOn: string;
  activity: `${PostSixteenActivity}` | null;
  eetGroup: `${EetGroup}` | null;
  meetsParticipationDuty: boolean | null;
  riskOfNeet: `${RiskOfNeet}` | null;
  transitionPlanDate: string | null;
}

/** YoungPerson.education: every field of DEEP_QUERY, and the access log. */
export interface EducationRecordBody {
  matchStatus?: `${AgencyMatchStatus}`;
  currentEnrolment?: SchoolEnrolmentBody | null;
  enrolments?: SchoolEnrolmentBody[] | null;
  attendance?: TermAttendanceBody[] | null;
  persistentlyAbsent?: boolean | null;
  suspensions?: ExclusionBody[] | null;
  permanentExclusions?: ExclusionBody[] | null;
  reducedTimetables?: ReducedTimetableBody[] | null;
  alternativeProvision?: AlternativeProvisionBody[] | null;
  notInSchool?: NotInSchoolBody[] | null;
  senProvision?: SenProvisionBody[] | null;
  currentSenProvision?: SenProvisionBody | null;
  peps?: PepBody[] | null;
  pepTimeliness?: TimelinessBody | null;
  pepWithinLastSixMonths?: boolean | null;
  postSixteen?: PostSixteenBody[] | null;
  chronology?: ChronologyEntryBody[] | null;
  accessLog?: AuditEntryBody[] | null;
}

/** A young person as education's `_entities` answers (DEEP_QUERY and the shared entitiesQuery select both fields). */
export interface EducationEntity {
  upn: string | null;
  education: EducationRecordBody;
}

/** The data of an education `_entities` query: null in place of a young person refused (no valid grant) or asked about wrongly. */
export type EducationEntities = Entities<EducationEntity | null>;

/** A value the test needs to go on (a list to read, an entry it found): fails the test when it is null or missing. */
export function present<T>(value: T | null | undefined, what = 'a value'): T {
  if (value == null) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}

/** The education record of the `i`th young person in a response: fails the test when there is none. */
export function educationOf(body: GraphQLBody<EducationEntities>, i = 0): EducationRecordBody {
  return present(dataOf(body)._entities[i], `young person ${i}`).education;
}
