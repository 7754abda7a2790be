import { TEST_TODAY } from '../support/agency';
import type { AuditEntryBody, ChronologyEntryBody, TimelinessBody } from '../support/bodies';
import { generatePerson, syntheticPncId, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import type { AgencyMatchStatus } from '../../kit/subgraph/graphql/match';
import { policeSeeder } from '../../subgraphs/police/seed';
import { recordsOf } from '../support/synthetic';
import type {
  ArrestOutcome,
  AssociateRelationship,
  ConclusiveGroundsOutcome,
  ExploitationType,
  HandlingCode,
  IntelligenceAssessment,
  IntelligenceGradingScheme,
  LocationOfConcernKind,
  MissingRiskGrading,
  OffenceCategory,
  ReasonableGroundsOutcome,
  ReturnHomeInterviewStatus,
  ReturnHomeInterviewTakeUp,
  SourceEvaluation,
} from '../../subgraphs/police/enums';

/** The population startTestAgency seeds (60 people, 'test-seed', as of TEST_TODAY). */
export const TEST_POPULATION = { size: 60, seed: 'test-seed', asOf: TEST_TODAY };

export function testPeople(): SyntheticYoungPerson[] {
  return Array.from({ length: TEST_POPULATION.size }, (_, i) => generatePerson(i, TEST_POPULATION));
}

/** People the police were seeded with: a PNC ID in the cross-reference and really held. */
export function seededPeople(): SyntheticYoungPerson[] {
  return testPeople().filter((p) => p.pncId && p.heldByPolice);
}

/** What the police seeded about one person (without a database): to choose a person holding what a test needs. */
export function policeRecordsOf(person: SyntheticYoungPerson): object[] {
  return recordsOf(policeSeeder, person, TEST_POPULATION);
}

/** Valid check letter, but an index the 60-person population never reaches: nobody holds it. */
export const UNKNOWN_PNC_ID = syntheticPncId(9_999_999, 2020);

/** Every field of the police record, nested lists and computed values included. */
export const DEEP_QUERY = `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on YoungPerson {
        pncId
        police {
          matchStatus
          missingEpisodesInLastSixMonths
          currentlyMissing
          arrestsInLastSixMonths
          missingEpisodes {
            id reportedAt foundAt riskGrading riskGradingSchemeVersion locationFound
            returnHomeInterviewDueBy returnHomeInterviewStatus
            returnHomeInterview { id offeredAt tookPlaceAt takenUp }
          }
          arrests { id arrestedOn offenceCategory gravityScore charge outcome offenceInNwdHub }
          exploitationConcerns { id type concernFrom concernTo }
          nrmReferrals {
            id referredOn reasonableGroundsDecisionOn reasonableGroundsOutcome conclusiveGroundsDecisionOn conclusiveGroundsOutcome
            reasonableGroundsDecision { status dueDate lastDone }
            reasonableGroundsDecidedInTime conclusiveGroundsEarliestOn conclusiveGroundsAfterRecoveryPeriod
          }
          intelligence {
            id recordedAt gradingScheme sourceEvaluation intelligenceAssessment handlingCode handlingConditions
            legacySourceEvaluation legacyIntelligenceEvaluation legacyHandlingCode fullText sanitisedText markedForSharing
          }
          associates { id name relationship knownFrom knownTo }
          locationsOfConcern { id description kind concernFrom concernTo }
          chronology { date agency kind summary }
        }
      }
    }
  }
`;

export const POLICE_LIST_FIELDS = [
  'missingEpisodes',
  'arrests',
  'exploitationConcerns',
  'nrmReferrals',
  'intelligence',
  'associates',
  'locationsOfConcern',
  'chronology',
] as const;
export const POLICE_VALUE_FIELDS = ['missingEpisodesInLastSixMonths', 'currentlyMissing', 'arrestsInLastSixMonths'] as const;

/*
 * The police record as a response body carries it. Dates and times are ISO strings; enum values travel
 * as their names (`${Enum}`). Items are typed with every field DEEP_QUERY selects: a narrower selection
 * returns fewer. A field the schema or the policy may leave null (WITHHELD) is nullable.
 */

export interface ReturnHomeInterviewBody {
  id: string;
  offeredAt: string;
  tookPlaceAt: string | null;
  takenUp: `${ReturnHomeInterviewTakeUp}` | null;
}

export interface MissingEpisodeBody {
  id: string;
  reportedAt: string;
  foundAt: string | null;
  riskGrading: `${MissingRiskGrading}`;
  riskGradingSchemeVersion: string;
  locationFound: string | null;
  returnHomeInterviewDueBy: string | null;
  returnHomeInterviewStatus: `${ReturnHomeInterviewStatus}`;
  returnHomeInterview: ReturnHomeInterviewBody | null;
}

export interface ArrestBody {
  id: string;
  arrestedOn: string;
  offenceCategory: `${OffenceCategory}`;
  gravityScore: number;
  charge: string | null;
  outcome: `${ArrestOutcome}` | null;
  offenceInNwdHub: boolean;
}

export interface ExploitationConcernBody {
  id: string;
  type: `${ExploitationType}`;
  concernFrom: string;
  concernTo: string | null;
}

export interface NrmReferralBody {
  id: string;
  referredOn: string;
  reasonableGroundsDecisionOn: string | null;
  reasonableGroundsOutcome: `${ReasonableGroundsOutcome}` | null;
  conclusiveGroundsDecisionOn: string | null;
  conclusiveGroundsOutcome: `${ConclusiveGroundsOutcome}` | null;
  reasonableGroundsDecision: TimelinessBody;
  reasonableGroundsDecidedInTime: boolean | null;
  conclusiveGroundsEarliestOn: string | null;
  conclusiveGroundsAfterRecoveryPeriod: boolean | null;
}

export interface IntelligenceItemBody {
  id: string;
  recordedAt: string;
  gradingScheme: `${IntelligenceGradingScheme}`;
  sourceEvaluation: `${SourceEvaluation}` | null;
  intelligenceAssessment: `${IntelligenceAssessment}` | null;
  handlingCode: `${HandlingCode}` | null;
  handlingConditions: string | null;
  legacySourceEvaluation: string | null;
  legacyIntelligenceEvaluation: string | null;
  legacyHandlingCode: string | null;
  fullText: string | null;
  sanitisedText: string | null;
  markedForSharing: boolean;
}

export interface AssociateBody {
  id: string;
  name: string | null;
  relationship: `${AssociateRelationship}`;
  knownFrom: string;
  knownTo: string | null;
}

export interface LocationOfConcernBody {
  id: string;
  description: string | null;
  kind: `${LocationOfConcernKind}`;
  concernFrom: string;
  concernTo: string | null;
}

/**
 * `police { ... }`: the fields of DEEP_QUERY, and the access log. Each may be left out of a selection;
 * every one but matchStatus is null when the record is not matched, or when a policy withholds it.
 */
export interface PoliceRecordBody {
  matchStatus?: `${AgencyMatchStatus}`;
  missingEpisodesInLastSixMonths?: number | null;
  currentlyMissing?: boolean | null;
  arrestsInLastSixMonths?: number | null;
  missingEpisodes?: MissingEpisodeBody[] | null;
  arrests?: ArrestBody[] | null;
  exploitationConcerns?: ExploitationConcernBody[] | null;
  nrmReferrals?: NrmReferralBody[] | null;
  intelligence?: IntelligenceItemBody[] | null;
  associates?: AssociateBody[] | null;
  locationsOfConcern?: LocationOfConcernBody[] | null;
  chronology?: ChronologyEntryBody[] | null;
  accessLog?: AuditEntryBody[] | null;
}

/** A young person as police `_entities` queries select them (`Entities<PoliceEntity>`; `| null` where one may be refused). */
export interface PoliceEntity {
  pncId: string | null;
  police: PoliceRecordBody;
}
