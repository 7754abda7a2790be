import { registerEnumType } from 'type-graphql';

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

registerEnumType(SdqBand, {
  name: 'SdqBand',
  description:
    "Band of a Strengths and Difficulties Questionnaire total difficulties score (0-40), as DfE reports children looked after's emotional and behavioural health.",
  valuesConfig: {
    NORMAL: { description: 'Total difficulties score 0 to 13: considered normal.' },
    BORDERLINE: { description: 'Total difficulties score 14 to 16: borderline cause for concern.' },
    CAUSE_FOR_CONCERN: { description: 'Total difficulties score 17 to 40: a cause for concern.' },
  },
});

/** Who may carry out a looked-after child's health assessment (Care Planning, Placement and Case Review (England) Regulations 2010, reg 7). */
export enum HealthAssessorRole {
  REGISTERED_MEDICAL_PRACTITIONER = 'REGISTERED_MEDICAL_PRACTITIONER',
  REGISTERED_NURSE = 'REGISTERED_NURSE',
  REGISTERED_MIDWIFE = 'REGISTERED_MIDWIFE',
}

registerEnumType(HealthAssessorRole, {
  name: 'HealthAssessorRole',
  description:
    'The professional who carried out a health assessment. The initial assessment must be by a registered medical practitioner; reviews may also be by a registered nurse or registered midwife (Care Planning, Placement and Case Review (England) Regulations 2010, reg 7).',
  valuesConfig: {
    REGISTERED_MEDICAL_PRACTITIONER: {
      description: 'A doctor registered with the General Medical Council. Required for the initial health assessment.',
    },
    REGISTERED_NURSE: {
      description:
        'A nurse registered with the Nursing and Midwifery Council (e.g. a looked-after children nurse). May carry out review health assessments.',
    },
    REGISTERED_MIDWIFE: {
      description: 'A midwife registered with the Nursing and Midwifery Council. May carry out review health assessments.',
    },
  },
});

/** The Healthy Child Programme's mandated development reviews before age 5 (behind SSDA903 OC2 HEALTH_CHECK). */
export enum DevelopmentReviewStage {
  NEW_BABY_REVIEW = 'NEW_BABY_REVIEW',
  SIX_TO_EIGHT_WEEK_REVIEW = 'SIX_TO_EIGHT_WEEK_REVIEW',
  ONE_YEAR_REVIEW = 'ONE_YEAR_REVIEW',
  TWO_TO_TWO_AND_A_HALF_YEAR_REVIEW = 'TWO_TO_TWO_AND_A_HALF_YEAR_REVIEW',
}

registerEnumType(DevelopmentReviewStage, {
  name: 'DevelopmentReviewStage',
  description: 'A Healthy Child Programme health and development review for children under 5, carried out by the health visiting service.',
  valuesConfig: {
    NEW_BABY_REVIEW: { description: 'New baby review, 10 to 14 days after birth.' },
    SIX_TO_EIGHT_WEEK_REVIEW: { description: '6 to 8 week assessment.' },
    ONE_YEAR_REVIEW: { description: 'One year review (by 12 months; offered from 9 months).' },
    TWO_TO_TWO_AND_A_HALF_YEAR_REVIEW: { description: '2 to 2 and a half year review, including the Ages and Stages Questionnaire.' },
  },
});

/** One area of a speech, language and communication needs (SLCN) screening. */
export enum SlcnResult {
  NO_DIFFICULTY_IDENTIFIED = 'NO_DIFFICULTY_IDENTIFIED',
  DIFFICULTY_IDENTIFIED = 'DIFFICULTY_IDENTIFIED',
  NOT_ASSESSED = 'NOT_ASSESSED',
}

registerEnumType(SlcnResult, {
  name: 'SlcnResult',
  description: 'Result of one area of a speech, language and communication needs (SLCN) screening by a speech and language therapist.',
  valuesConfig: {
    NO_DIFFICULTY_IDENTIFIED: { description: 'Screened: no difficulty identified in this area.' },
    DIFFICULTY_IDENTIFIED: {
      description: 'Screened: a difficulty was identified in this area (a speech, language and communication need).',
    },
    NOT_ASSESSED: { description: 'This area was not screened.' },
  },
});

/** The CAMHS service's decision on a referral. */
export enum CamhsReferralDecision {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(CamhsReferralDecision, {
  name: 'CamhsReferralDecision',
  description: "Child and Adolescent Mental Health Services' decision on a referral.",
  valuesConfig: {
    ACCEPTED: { description: 'The referral was accepted: the young person will be (or was) offered assessment or treatment.' },
    DECLINED: { description: 'The referral was not accepted (e.g. did not meet the threshold; signposted elsewhere).' },
  },
});

/** Where an involvement with a health service stands, computed from its dates on the day asked. */
export enum HealthInvolvementStatus {
  AWAITING_DECISION = 'AWAITING_DECISION',
  DECLINED = 'DECLINED',
  WAITING_TO_START = 'WAITING_TO_START',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

registerEnumType(HealthInvolvementStatus, {
  name: 'HealthInvolvementStatus',
  description:
    "Where a young person's involvement with a health service stands, computed from its recorded dates on the day asked (never stored).",
  valuesConfig: {
    AWAITING_DECISION: { description: 'Referred; the service has not yet decided whether to accept.' },
    DECLINED: { description: 'The referral was not accepted.' },
    WAITING_TO_START: { description: 'Accepted, but the young person has not yet been seen (on the waiting list).' },
    OPEN: { description: 'The service is working with the young person.' },
    CLOSED: { description: 'The involvement has ended.' },
  },
});

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

registerEnumType(EmergencyAttendanceReason, {
  name: 'EmergencyAttendanceReason',
  description:
    'Reason category for an attendance at an accident and emergency (A&E) department, grouped from the NHS Emergency Care Data Set (ECDS) chief complaint and injury intent. A&E attendances are a No Wrong Door outcome measure.',
  valuesConfig: {
    ACCIDENTAL_INJURY: { description: 'Injury, ECDS injury intent "unintentional" (accident).' },
    SELF_HARM: { description: 'Injury or poisoning, ECDS injury intent "intentional self harm".' },
    ASSAULT: { description: 'Injury, ECDS injury intent "assault".' },
    ALCOHOL_OR_DRUG_RELATED: { description: 'Alcohol or drug intoxication or its effects (ECDS alcohol or drug involvement).' },
    MENTAL_HEALTH_CRISIS: {
      description: 'Mental health presentation (ECDS chief complaint in the mental health group), other than self-harm.',
    },
    PHYSICAL_ILLNESS: { description: 'Illness other than injury, intoxication or mental health.' },
    OTHER: { description: 'Any other reason.' },
  },
});
