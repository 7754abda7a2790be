import { service as healthService } from '../../subgraphs/health/service';
import type { AuditEntryBody, ChronologyEntryBody, TimelinessBody } from '../support/bodies';
import { healthSeeder } from '../../subgraphs/health/seed';
import { Patient } from '../../subgraphs/health/entities';
import type {
  CamhsReferralDecision,
  DevelopmentReviewStage,
  EmergencyAttendanceReason,
  HealthAssessorRole,
  HealthInvolvementStatus,
  SdqBand,
  SlcnResult,
} from '../../subgraphs/health/enums';
import type { AgencyMatchStatus } from '../../kit/subgraph/graphql/match';
import { generatePerson, type PopulationOptions, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { TEST_TODAY, type TestAgency } from '../support/agency';
import { entitiesQuery, type Entities } from '../support/receiving';
import { recordsOf } from '../support/synthetic';

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
  const rows = recordsOf(healthSeeder, person, options);
  const patient = rows.find((row): row is Patient => row instanceof Patient) ?? null;
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

/**
 * `_entities` selecting all of HEALTH_SELECTION (once the constant ENTITIES_QUERY): a function of the
 * running agency, since the shared query builder reads the identifier field from its row. Answers FullHealthEntities.
 */
export const allFieldsQuery = (agency: TestAgency): string => entitiesQuery(agency, 'health', HEALTH_SELECTION);

export const newestFirst = (dates: string[]): string[] => [...dates].sort().reverse();

/**
 * The shapes health's queries answer (schema/health.graphql). Every field is optional, since a query
 * selects only some, and nullable where the schema says so (a policy withholds only nullable fields;
 * every HealthRecord field is null when health is not matched). Enums arrive as their string values.
 */

/** A LocalDate: YYYY-MM-DD. */
type LocalDate = string;

export interface RegisteredGpBody {
  odsCode?: string;
  name?: string;
}

export interface InitialHealthAssessmentBody {
  requestedOn?: LocalDate;
  completedOn?: LocalDate | null;
  assessorRole?: `${HealthAssessorRole}` | null;
}

export interface ReviewHealthAssessmentBody {
  assessedOn?: LocalDate;
  assessorRole?: `${HealthAssessorRole}`;
  outcomeSummary?: string | null;
}

export interface DentalCheckBody {
  checkedOn?: LocalDate;
}

export interface ImmunisationStatusBody {
  recordedOn?: LocalDate;
  upToDate?: boolean;
}

export interface DevelopmentCheckBody {
  reviewedOn?: LocalDate;
  stage?: `${DevelopmentReviewStage}`;
  developmentChecksUpToDate?: boolean;
}

export interface SdqScoreBody {
  completedOn?: LocalDate | null;
  total?: number | null;
  band?: `${SdqBand}`;
}

export interface CamhsInvolvementBody {
  referredOn?: LocalDate | null;
  decision?: `${CamhsReferralDecision}` | null;
  decidedOn?: LocalDate | null;
  startedOn?: LocalDate | null;
  endedOn?: LocalDate | null;
  clinicalNote?: string | null;
  status?: `${HealthInvolvementStatus}`;
}

export interface LifeCoachInvolvementBody {
  startedOn?: LocalDate | null;
  endedOn?: LocalDate | null;
  clinicalNote?: string | null;
  status?: `${HealthInvolvementStatus}`;
}

export interface SlcnScreeningBody {
  screenedOn?: LocalDate | null;
  receptiveLanguage?: `${SlcnResult}` | null;
  socialCommunication?: `${SlcnResult}` | null;
  vocabulary?: `${SlcnResult}` | null;
  needIdentified?: boolean;
}

export interface SubstanceMisuseBody {
  identifiedOn?: LocalDate;
  interventionOfferedOn?: LocalDate | null;
  interventionRefused?: boolean;
  interventionReceivedOn?: LocalDate | null;
  clinicalNote?: string | null;
}

export interface SelfHarmEpisodeBody {
  occurredOn?: LocalDate;
  clinicalNote?: string | null;
}

export interface SexualHealthContactBody {
  contactOn?: LocalDate;
  clinicalNote?: string | null;
}

export interface EmergencyAttendanceBody {
  attendedOn?: LocalDate;
  reason?: `${EmergencyAttendanceReason}` | null;
}

/** YoungPerson.health: the fields of HEALTH_SELECTION, and the access log (auditors only). */
export interface HealthRecordBody {
  matchStatus?: `${AgencyMatchStatus}`;
  registeredGp?: RegisteredGpBody | null;
  initialHealthAssessment?: InitialHealthAssessmentBody | null;
  initialHealthAssessmentTimeliness?: TimelinessBody | null;
  reviewHealthAssessments?: ReviewHealthAssessmentBody[] | null;
  reviewHealthAssessmentTimeliness?: TimelinessBody | null;
  dentalChecks?: DentalCheckBody[] | null;
  dentalCheckTimeliness?: TimelinessBody | null;
  immunisationsUpToDate?: ImmunisationStatusBody | null;
  developmentChecks?: DevelopmentCheckBody[] | null;
  sdqScores?: SdqScoreBody[] | null;
  latestSdq?: SdqScoreBody | null;
  camhsInvolvements?: CamhsInvolvementBody[] | null;
  lifeCoachInvolvements?: LifeCoachInvolvementBody[] | null;
  slcnScreenings?: SlcnScreeningBody[] | null;
  substanceMisuse?: SubstanceMisuseBody[] | null;
  selfHarmEpisodes?: SelfHarmEpisodeBody[] | null;
  sexualHealthContacts?: SexualHealthContactBody[] | null;
  emergencyAttendances?: EmergencyAttendanceBody[] | null;
  chronology?: ChronologyEntryBody[] | null;
  accessLog?: AuditEntryBody[] | null;
}

/** A shape with every field selected, all the way down: each present, though still null where the schema allows. */
export type Complete<T> = T extends (infer Item)[]
  ? Complete<Item>[]
  : T extends object
    ? { [K in keyof T]-?: Complete<Exclude<T[K], undefined>> }
    : T;

/** What HEALTH_SELECTION answers: every field but the access log, present. */
export type FullHealthRecordBody = Complete<Omit<HealthRecordBody, 'accessLog'>>;

/** A young person as health's `_entities` answers (the shared query always selects the NHS number). */
export interface HealthEntity {
  nhsNumber: string | null;
  health: HealthRecordBody;
}

export type HealthEntities = Entities<HealthEntity>;

/** A young person as allFieldsQuery answers. */
export interface FullHealthEntity {
  nhsNumber: string | null;
  health: FullHealthRecordBody;
}

export type FullHealthEntities = Entities<FullHealthEntity>;

/** The HealthRecord fields that are lists of records. */
export type HealthListField = {
  [K in keyof FullHealthRecordBody]: FullHealthRecordBody[K] extends unknown[] | null ? K : never;
}[keyof FullHealthRecordBody];
