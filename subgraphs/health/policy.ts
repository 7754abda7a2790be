import { rule, type AgencyPolicy, type RuleContext, ACCESS_LOG_AUDITORS_ONLY } from '../../kit/subgraph/access/policy';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import { HEALTH } from './agency';

/**
 * Looked-after children's health: who sees what of a young person's health record.
 * For the health information-governance lead (Caldicott guardian) to review, in one place.
 *
 * Everyone here already has a legitimate relationship with the young person: social care checked it
 * and signed a grant for this request. These rules then apply "minimum necessary" (Caldicott):
 *
 * - Clinical detail (notes of CAMHS, self-harm, sexual health and substance misuse, the life coach's
 *   notes, review health assessment outcomes, the SDQ score itself) stays within health: the looked-
 *   after children's nurse and the NWD life coach.
 * - One exception, named here: the social worker ALLOCATED to the young person sees the outcome of a
 *   review health assessment, because the health plan agreed there becomes part of the care plan the
 *   social worker writes and reviews (Care Planning Regulations 2010, reg 5 and 7). Other social care
 *   staff, and social workers reading for a meeting or in an emergency, do not.
 * - Everyone else sees statuses rather than notes: whether assessments are up to date or overdue, the
 *   SDQ band (not the score), where a CAMHS or life coach involvement stands, whether a speech and
 *   language need was found.
 * - Substance misuse (identified, intervention offered, received) goes to health and social care, which
 *   reports it (SSDA903 OC2); sexual health contacts stay within health; why a young person went to
 *   A&E (it can say self-harm, drugs or a mental health crisis) goes to health and social care.
 * - Police see only statuses: timeliness, the SDQ band, involvement statuses, whether health holds a
 *   record. They have no need for health events, dates or the GP.
 * - Access logs are for information-governance auditors only.
 * - On top of these rules, any item the young person asked not to be shared with an agency (a CAMHS
 *   involvement, a self-harm episode, a sexual health contact) is left out for that agency.
 *
 * A withheld value is shown as withheld (never as "nothing recorded") and every read is logged. A
 * notice never says how many items were left out, except to health and auditors, and a rule that keeps
 * a whole kind from someone (sexual health, substance misuse) is told in the chronology whether or not
 * the young person has any: otherwise the notice itself would say that they have.
 */

const CLINICAL_DETAIL = rule(
  'clinical-detail-health-only',
  'clinical detail is shared only within health (looked-after children nurse, life coach)',
  ({ viewer }) => viewer.agency === 'HEALTH',
);

const LIFE_COACH_NOTES = rule(
  'life-coach-notes-clinicians-only',
  "the life coach's notes are shared only with the life coach and the looked-after children nurse",
  ({ viewer }) => viewer.role === 'LIFE_COACH' || viewer.role === 'LAC_NURSE',
);

const REVIEW_OUTCOME = rule(
  'review-outcome-health-and-allocated-social-worker',
  'the outcome of a review health assessment is shared within health and with the allocated social worker (the health plan is part of the care plan)',
  ({ viewer, purpose }) => viewer.agency === 'HEALTH' || (viewer.role === 'SOCIAL_WORKER' && purpose.kind === PurposeKind.ALLOCATION),
);

const SDQ_SCORE = rule(
  'sdq-score-health-only',
  'the SDQ score is shared only within health; others see its band',
  ({ viewer }) => viewer.agency === 'HEALTH',
);

const SEXUAL_HEALTH = rule(
  'sexual-health-health-only',
  'sexual health contacts are kept within health',
  ({ viewer }) => viewer.agency === 'HEALTH',
);

const HEALTH_AND_SOCIAL_CARE = ({ viewer }: RuleContext) => viewer.agency === 'HEALTH' || viewer.agency === 'SOCIAL_CARE';

const SUBSTANCE_MISUSE = rule(
  'substance-misuse-health-and-social-care',
  'substance misuse and its interventions are shared with health and social care only',
  HEALTH_AND_SOCIAL_CARE,
);

const A_AND_E_REASON = rule(
  'a-and-e-reason-health-and-social-care',
  'why a young person attended A&E is shared with health and social care only',
  HEALTH_AND_SOCIAL_CARE,
);

const POLICE_STATUSES_ONLY = rule(
  'police-statuses-only',
  'police see health statuses only (timeliness, SDQ band, involvement status, match status)',
  ({ viewer }) => viewer.agency !== 'POLICE',
);

export const healthPolicy: AgencyPolicy = {
  agency: HEALTH.code,
  // Cohort figures: for the board, the NWD team, IROs and the virtual school head with small numbers
  // suppressed; in full for the designated LAC nurse and auditors. Not for police: they need no health figures.
  aggregates: {
    readers: ['CORPORATE_PARENTING_BOARD_MEMBER', 'NWD_KEY_WORKER', 'IRO', 'VIRTUAL_SCHOOL_HEAD', 'LAC_NURSE', 'IG_AUDITOR'],
    fullFigures: ['LAC_NURSE', 'IG_AUDITOR'],
  },
  nonPersonalTypes: [],
  youngPersonsWishesOn: ['CamhsInvolvement', 'SelfHarmEpisode', 'SexualHealthContact'],
  fields: {
    // Clinical notes and scores.
    'CamhsInvolvement.clinicalNote': CLINICAL_DETAIL,
    'SelfHarmEpisode.clinicalNote': CLINICAL_DETAIL,
    'SexualHealthContact.clinicalNote': CLINICAL_DETAIL,
    'SubstanceMisuseRecord.clinicalNote': CLINICAL_DETAIL,
    'LifeCoachInvolvement.clinicalNote': LIFE_COACH_NOTES,
    'ReviewHealthAssessment.outcomeSummary': REVIEW_OUTCOME,
    'SdqScore.total': SDQ_SCORE,

    // Whole kinds of record.
    'HealthRecord.sexualHealthContacts': SEXUAL_HEALTH,
    'HealthRecord.substanceMisuse': SUBSTANCE_MISUSE,
    'EmergencyAttendance.reason': A_AND_E_REASON,

    // Police: statuses only. Kinds with no status are withheld whole; others keep their status.
    'HealthRecord.registeredGp': POLICE_STATUSES_ONLY,
    'HealthRecord.initialHealthAssessment': POLICE_STATUSES_ONLY,
    'HealthRecord.reviewHealthAssessments': POLICE_STATUSES_ONLY,
    'HealthRecord.dentalChecks': POLICE_STATUSES_ONLY,
    'HealthRecord.immunisationsUpToDate': POLICE_STATUSES_ONLY,
    'HealthRecord.developmentChecks': POLICE_STATUSES_ONLY,
    'HealthRecord.selfHarmEpisodes': POLICE_STATUSES_ONLY,
    'HealthRecord.emergencyAttendances': POLICE_STATUSES_ONLY,
    'HealthRecord.chronology': POLICE_STATUSES_ONLY,
    'SdqScore.completedOn': POLICE_STATUSES_ONLY,
    'CamhsInvolvement.referredOn': POLICE_STATUSES_ONLY,
    'CamhsInvolvement.decision': POLICE_STATUSES_ONLY,
    'CamhsInvolvement.decidedOn': POLICE_STATUSES_ONLY,
    'CamhsInvolvement.startedOn': POLICE_STATUSES_ONLY,
    'CamhsInvolvement.endedOn': POLICE_STATUSES_ONLY,
    'LifeCoachInvolvement.startedOn': POLICE_STATUSES_ONLY,
    'LifeCoachInvolvement.endedOn': POLICE_STATUSES_ONLY,
    'SlcnScreening.screenedOn': POLICE_STATUSES_ONLY,
    'SlcnScreening.receptiveLanguage': POLICE_STATUSES_ONLY,
    'SlcnScreening.socialCommunication': POLICE_STATUSES_ONLY,
    'SlcnScreening.vocabulary': POLICE_STATUSES_ONLY,

    'HealthRecord.accessLog': ACCESS_LOG_AUDITORS_ONLY,

    // A meeting pack says what changed: the same rules as the record it comes from.
    'HealthChanges.emergencyAttendances': POLICE_STATUSES_ONLY,
    'HealthChanges.selfHarmEpisodes': POLICE_STATUSES_ONLY,
  },
  // An auditor answering a subject access request sees who the young person is to health and the log.
  // The kit passes the log's entries and their withheld fields.
  auditFields: ['YoungPerson.nhsNumber', 'YoungPerson.health', 'HealthRecord.matchStatus', 'HealthRecord.accessLog'],
};
