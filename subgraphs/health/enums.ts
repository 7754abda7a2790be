import { codeList } from '../../kit/subgraph/graphql/code-list';

/**
 * Health's code lists. Each value's description carries the official meaning (NHS, DfE SSDA903,
 * the Care Planning regulations) so the explorer documents itself.
 */

/** SDQ total difficulties bands used by DfE for looked-after children (SSDA903 OC2 SDQ_SCORE). */
export enum SdqBand {
  NORMAL = 'NORMAL',
  BORDERLINE = 'BORDERLINE',
  CAUSE_FOR_CONCERN = 'CAUSE_FOR_CONCERN',
}

codeList(
  SdqBand,
  'SdqBand',
  "Band of a Strengths and Difficulties Questionnaire total difficulties score (0-40), as DfE reports children looked after's emotional and behavioural health.",
  {
    NORMAL: 'Total difficulties score 0 to 13: considered normal.',
    BORDERLINE: 'Total difficulties score 14 to 16: borderline cause for concern.',
    CAUSE_FOR_CONCERN: 'Total difficulties score 17 to 40: a cause for concern.',
  },
);

/** Who may carry out a looked-after child's health assessment (Care Planning, Placement and Case Review (England) Regulations 2010, reg 7). */
export enum HealthAssessorRole {
  REGISTERED_MEDICAL_PRACTITIONER = 'REGISTERED_MEDICAL_PRACTITIONER',
  REGISTERED_NURSE = 'REGISTERED_NURSE',
  REGISTERED_MIDWIFE = 'REGISTERED_MIDWIFE',
}

codeList(
  HealthAssessorRole,
  'HealthAssessorRole',
  'The professional who carried out a health assessment. The initial assessment must be by a registered medical practitioner; reviews may also be by a registered nurse or registered midwife (Care Planning, Placement and Case Review (England) Regulations 2010, reg 7).',
  {
    REGISTERED_MEDICAL_PRACTITIONER: 'A doctor registered with the General Medical Council. Required for the initial health assessment.',
    REGISTERED_NURSE:
      'A nurse registered with the Nursing and Midwifery Council (e.g. a looked-after children nurse). May carry out review health assessments.',
    REGISTERED_MIDWIFE: 'A midwife registered with the Nursing and Midwifery Council. May carry out review health assessments.',
  },
);

/** The Healthy Child Programme's mandated development reviews before age 5 (behind SSDA903 OC2 HEALTH_CHECK). */
export enum DevelopmentReviewStage {
  NEW_BABY_REVIEW = 'NEW_BABY_REVIEW',
  SIX_TO_EIGHT_WEEK_REVIEW = 'SIX_TO_EIGHT_WEEK_REVIEW',
  ONE_YEAR_REVIEW = 'ONE_YEAR_REVIEW',
  TWO_TO_TWO_AND_A_HALF_YEAR_REVIEW = 'TWO_TO_TWO_AND_A_HALF_YEAR_REVIEW',
}

codeList(
  DevelopmentReviewStage,
  'DevelopmentReviewStage',
  'A Healthy Child Programme health and development review for children under 5, carried out by the health visiting service.',
  {
    NEW_BABY_REVIEW: 'New baby review, 10 to 14 days after birth.',
    SIX_TO_EIGHT_WEEK_REVIEW: '6 to 8 week assessment.',
    ONE_YEAR_REVIEW: 'One year review (by 12 months; offered from 9 months).',
    TWO_TO_TWO_AND_A_HALF_YEAR_REVIEW: '2 to 2 and a half year review, including the Ages and Stages Questionnaire.',
  },
);

/** One area of a speech, language and communication needs (SLCN) screening. */
export enum SlcnResult {
  NO_DIFFICULTY_IDENTIFIED = 'NO_DIFFICULTY_IDENTIFIED',
  DIFFICULTY_IDENTIFIED = 'DIFFICULTY_IDENTIFIED',
  NOT_ASSESSED = 'NOT_ASSESSED',
}

codeList(
  SlcnResult,
  'SlcnResult',
  'Result of one area of a speech, language and communication needs (SLCN) screening by a speech and language therapist.',
  {
    NO_DIFFICULTY_IDENTIFIED: 'Screened: no difficulty identified in this area.',
    DIFFICULTY_IDENTIFIED: 'Screened: a difficulty was identified in this area (a speech, language and communication need).',
    NOT_ASSESSED: 'This area was not screened.',
  },
);

/** The CAMHS service's decision on a referral. */
export enum CamhsReferralDecision {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

codeList(CamhsReferralDecision, 'CamhsReferralDecision', "Child and Adolescent Mental Health Services' decision on a referral.", {
  ACCEPTED: 'The referral was accepted: the young person will be (or was) offered assessment or treatment.',
  DECLINED: 'The referral was not accepted (e.g. did not meet the threshold; signposted elsewhere).',
});

/** Where an involvement with a health service stands, computed from its dates on the day asked. */
export enum HealthInvolvementStatus {
  AWAITING_DECISION = 'AWAITING_DECISION',
  DECLINED = 'DECLINED',
  WAITING_TO_START = 'WAITING_TO_START',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

codeList(
  HealthInvolvementStatus,
  'HealthInvolvementStatus',
  "Where a young person's involvement with a health service stands, computed from its recorded dates on the day asked (never stored).",
  {
    AWAITING_DECISION: 'Referred; the service has not yet decided whether to accept.',
    DECLINED: 'The referral was not accepted.',
    WAITING_TO_START: 'Accepted, but the young person has not yet been seen (on the waiting list).',
    OPEN: 'The service is working with the young person.',
    CLOSED: 'The involvement has ended.',
  },
);

/** Why a young person attended an emergency department, grouped from the Emergency Care Data Set (ECDS) chief complaint and injury intent. */
export enum EmergencyAttendanceReason {
  ACCIDENTAL_INJURY = 'ACCIDENTAL_INJURY',
  SELF_HARM = 'SELF_HARM',
  ASSAULT = 'ASSAULT',
  ALCOHOL_OR_DRUG_RELATED = 'ALCOHOL_OR_DRUG_RELATED',
  MENTAL_HEALTH_CRISIS = 'MENTAL_HEALTH_CRISIS',
  PHYSICAL_ILLNESS = 'PHYSICAL_ILLNESS',
  OTHER = 'OTHER',
}

codeList(
  EmergencyAttendanceReason,
  'EmergencyAttendanceReason',
  'Reason category for an attendance at an accident and emergency (A&E) department, grouped from the NHS Emergency Care Data Set (ECDS) chief complaint and injury intent. A&E attendances are a No Wrong Door outcome measure.',
  {
    ACCIDENTAL_INJURY: 'Injury, ECDS injury intent "unintentional" (accident).',
    SELF_HARM: 'Injury or poisoning, ECDS injury intent "intentional self harm".',
    ASSAULT: 'Injury, ECDS injury intent "assault".',
    ALCOHOL_OR_DRUG_RELATED: 'Alcohol or drug intoxication or its effects (ECDS alcohol or drug involvement).',
    MENTAL_HEALTH_CRISIS: 'Mental health presentation (ECDS chief complaint in the mental health group), other than self-harm.',
    PHYSICAL_ILLNESS: 'Illness other than injury, intoxication or mental health.',
    OTHER: 'Any other reason.',
  },
);
