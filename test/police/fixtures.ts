import { TEST_TODAY, type TestAgency } from '../support/agency';
import type { Purpose } from '../../kit/subgraph/access/purpose';
import type { Viewer } from '../../kit/shared/roles';
import { generatePerson, syntheticPncId, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';

/** The population startTestAgency seeds (60 people, 'test-seed', as of TEST_TODAY). */
export const TEST_POPULATION = { size: 60, seed: 'test-seed', asOf: TEST_TODAY };

export function testPeople(): SyntheticYoungPerson[] {
  return Array.from({ length: TEST_POPULATION.size }, (_, i) => generatePerson(i, TEST_POPULATION));
}

/** People the police were seeded with: a PNC ID in the cross-reference and really held. */
export function seededPeople(): SyntheticYoungPerson[] {
  return testPeople().filter((p) => p.pncId && p.heldByPolice);
}

/** Valid check letter, but an index the 60-person population never reaches: nobody holds it. */
export const UNKNOWN_PNC_ID = syntheticPncId(9_999_999, 2020);

/** A representation as the gateway sends it, without a grant (tests of refusal). */
export const youngPerson = (pncId: string | null) => ({ __typename: 'YoungPerson', pncId });

export interface AsWhom {
  viewer?: Viewer;
  purpose?: Purpose;
}

/**
 * Representations as the gateway sends them: each with social care's grant for this PNC ID, made for
 * the next request and the viewer it will speak as.
 */
export async function granted(agency: TestAgency, pncIds: (string | null)[], as: AsWhom = {}) {
  return Promise.all(pncIds.map(async (pncId) => ({ ...youngPerson(pncId), policeAccess: await agency.grant(pncId, as) })));
}

/** Asks for `query` about these young people as `viewer`, with grants made for exactly that request. */
export async function readAs(agency: TestAgency, query: string, pncIds: (string | null)[], as: AsWhom = {}) {
  const representations = await granted(agency, pncIds, as);
  return agency.request(query, { representations }, { viewer: as.viewer });
}

/** An `_entities` query selecting `selection` inside `police { ... }`. */
export const policeQuery = (selection: string) => `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on YoungPerson { pncId police { ${selection} } } }
  }
`;

/** The WITHHELD error at exactly this path (by this rule, when given), if any. */
export function withheldAt(errors: any[] | undefined, path: (string | number)[], rule?: string) {
  return (errors ?? []).find(
    (e) =>
      e.extensions?.code === 'WITHHELD' &&
      JSON.stringify(e.path) === JSON.stringify(path) &&
      (rule === undefined || e.extensions.rule === rule),
  );
}

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
