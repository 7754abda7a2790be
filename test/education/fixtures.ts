import { generatePerson, syntheticUpn, type SyntheticYoungPerson } from '../../subgraphs/kit/synthetic/population';
import { TEST_TODAY } from '../support/agency';

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

export const youngPerson = (upn: string | null) => ({ __typename: 'YoungPerson', upn });

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
  'currentEnrolment', 'enrolments', 'attendance', 'persistentlyAbsent', 'suspensions', 'permanentExclusions',
  'reducedTimetables', 'alternativeProvision', 'notInSchool', 'senProvision', 'currentSenProvision', 'peps',
  'pepTimeliness', 'pepWithinLastSixMonths', 'postSixteen', 'chronology',
] as const;
