import { PurposeKind } from '../../../kit/subgraph/access/purpose';
import {
  AUDITOR,
  EDUCATION_STAFF,
  EVERYONE_WITH_A_RELATIONSHIP,
  HEALTH_STAFF,
  POLICE_STAFF,
  SOCIAL_CARE_STAFF,
  type SharingRow,
} from '../sharing-table';
import { accessLog, EVERY_AGENCY_SHARING, whichRecordItIs } from './every-agency';

/**
 * Looked-after children's health: what a young person's health record shows, and to whom. Health data
 * is special-category data: need-to-know, minimum necessary (DOMAIN.md §2 and §4, Caldicott).
 */
export const HEALTH_SHARING: SharingRow[] = [
  // Clinical detail stays within health (README 2): notes of CAMHS, self-harm, sexual health and
  // substance misuse, the life coach's notes, the SDQ score itself, and sexual health contacts at all.
  {
    fields: [
      'CamhsInvolvement.clinicalNote',
      'SelfHarmEpisode.clinicalNote',
      'SexualHealthContact.clinicalNote',
      'SubstanceMisuseRecord.clinicalNote',
      'LifeCoachInvolvement.clinicalNote',
      'SdqScore.total',
      'HealthRecord.sexualHealthContacts',
    ],
    shownTo: [...HEALTH_STAFF],
    withheldFrom: [...SOCIAL_CARE_STAFF, ...EDUCATION_STAFF, ...POLICE_STAFF, AUDITOR],
  },
  // A review health assessment's outcome: health, and the social worker allocated to the young person,
  // who writes the care plan the health plan is part of (Care Planning Regulations 2010, reg 5 and 7).
  {
    fields: ['ReviewHealthAssessment.outcomeSummary'],
    when: 'read by someone allocated to the young person',
    purposes: [PurposeKind.ALLOCATION],
    shownTo: [...HEALTH_STAFF, 'socialWorker'],
    withheldFrom: ['keyWorker', 'iro', ...EDUCATION_STAFF, ...POLICE_STAFF, AUDITOR],
  },
  // ... not the social worker reading for a meeting, an action, or in an emergency (Caldicott: strict
  // need-to-know; the care plan is the allocated worker's).
  {
    fields: ['ReviewHealthAssessment.outcomeSummary'],
    when: 'read under any other relationship',
    purposes: [
      PurposeKind.SPECIALIST_INVOLVEMENT,
      PurposeKind.STATUTORY_ROLE,
      PurposeKind.MEETING_INVITATION,
      PurposeKind.ACTION_OWNER,
      PurposeKind.BREAK_GLASS,
    ],
    shownTo: [...HEALTH_STAFF],
    withheldFrom: [...SOCIAL_CARE_STAFF, ...EDUCATION_STAFF, ...POLICE_STAFF, AUDITOR],
  },
  // Substance misuse (identified, intervention offered and received) goes to social care too, which
  // reports it (SSDA903 OC2, DOMAIN.md §2); why a young person went to A&E can say self-harm, drugs or
  // a mental health crisis, so it goes no further than social care either.
  {
    fields: ['HealthRecord.substanceMisuse', 'EmergencyAttendance.reason'],
    shownTo: [...HEALTH_STAFF, ...SOCIAL_CARE_STAFF],
    withheldFrom: [...EDUCATION_STAFF, ...POLICE_STAFF, AUDITOR],
  },
  // Police see statuses only: no health events, dates or GP (minimum necessary; a law-enforcement
  // purpose has no need of them). Social care, schools and health see them.
  {
    fields: [
      'HealthRecord.registeredGp',
      'HealthRecord.initialHealthAssessment',
      'HealthRecord.reviewHealthAssessments',
      'HealthRecord.dentalChecks',
      'HealthRecord.immunisationsUpToDate',
      'HealthRecord.developmentChecks',
      'HealthRecord.selfHarmEpisodes',
      'HealthRecord.emergencyAttendances',
      'HealthRecord.chronology',
      'SdqScore.completedOn',
      'CamhsInvolvement.referredOn',
      'CamhsInvolvement.decision',
      'CamhsInvolvement.decidedOn',
      'CamhsInvolvement.startedOn',
      'CamhsInvolvement.endedOn',
      'LifeCoachInvolvement.startedOn',
      'LifeCoachInvolvement.endedOn',
      'SlcnScreening.screenedOn',
      'SlcnScreening.receptiveLanguage',
      'SlcnScreening.socialCommunication',
      'SlcnScreening.vocabulary',
      'HealthChanges.emergencyAttendances',
      'HealthChanges.selfHarmEpisodes',
    ],
    shownTo: [...SOCIAL_CARE_STAFF, ...EDUCATION_STAFF, ...HEALTH_STAFF],
    withheldFrom: [...POLICE_STAFF, AUDITOR],
  },
  // The statuses everyone with a relationship sees (README 2): whether assessments are on time, the SDQ
  // band, where a CAMHS or life coach involvement stands, whether a speech and language need was found.
  {
    fields: [
      'HealthRecord.reviewHealthAssessmentTimeliness',
      'HealthRecord.dentalCheckTimeliness',
      'SdqScore.band',
      'CamhsInvolvement.status',
      'LifeCoachInvolvement.status',
      'SlcnScreening.needIdentified',
    ],
    shownTo: EVERYONE_WITH_A_RELATIONSHIP,
    withheldFrom: [AUDITOR],
  },
  // The young person's wishes come first (README 3): a CAMHS involvement they asked police not to be
  // told about is not shown to police, not even its status.
  {
    fields: ['CamhsInvolvement.status', 'SelfHarmEpisode.occurredOn'],
    when: 'the young person asked that police are not told',
    item: { notSharedWith: ['POLICE'] },
    shownTo: [...SOCIAL_CARE_STAFF, ...EDUCATION_STAFF, ...HEALTH_STAFF],
    withheldFrom: [...POLICE_STAFF, AUDITOR],
  },
  whichRecordItIs('YoungPerson.nhsNumber', 'YoungPerson.health', 'HealthRecord.matchStatus', 'WithheldField.rule'),
  accessLog('HealthRecord.accessLog'),
  ...EVERY_AGENCY_SHARING,
];
