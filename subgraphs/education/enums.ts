import { codeList } from '../../kit/subgraph/graphql/code-list';

/**
 * The virtual school's code lists. Values equal their names; each description carries the official
 * meaning (DfE school census, Get Information about Schools, pupil registration regulations, NCCIS).
 */

export enum SchoolTerm {
  AUTUMN = 'AUTUMN',
  SPRING = 'SPRING',
  SUMMER = 'SUMMER',
}

/** Official meaning of each SchoolTerm value. */
export const SCHOOL_TERM_MEANINGS: Record<SchoolTerm, string> = {
  AUTUMN: 'Autumn term: 1 September to 31 December (the first term of the academic year).',
  SPRING: 'Spring term: 1 January to 31 March.',
  SUMMER: 'Summer term: 1 April to 31 August (the last term of the academic year).',
};

codeList(
  SchoolTerm,
  'SchoolTerm',
  'A school term. Easter moves every year, so this service uses fixed boundaries: Autumn 1 September to 31 December, Spring 1 January to 31 March, Summer 1 April to 31 August.',
  SCHOOL_TERM_MEANINGS,
);

export enum SchoolPhase {
  NURSERY = 'NURSERY',
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
  ALL_THROUGH = 'ALL_THROUGH',
  SIXTEEN_PLUS = 'SIXTEEN_PLUS',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

/** Official meaning of each SchoolPhase value. */
export const SCHOOL_PHASE_MEANINGS: Record<SchoolPhase, string> = {
  NURSERY: 'Nursery: education for children under compulsory school age.',
  PRIMARY: 'Primary: reception to Year 6 (ages 4 to 11).',
  SECONDARY: 'Secondary: Year 7 to Year 11, with or without a sixth form (ages 11 to 16/18).',
  ALL_THROUGH: 'All-through: primary and secondary phases in one school.',
  SIXTEEN_PLUS: '16 plus: sixth-form colleges and other post-16 providers.',
  NOT_APPLICABLE: 'Not applicable: no single phase, e.g. pupil referral units and most special schools.',
};

codeList(
  SchoolPhase,
  'SchoolPhase',
  'Phase of education, as DfE Get Information about Schools (GIAS) records it for an establishment.',
  SCHOOL_PHASE_MEANINGS,
);

export enum RollStatus {
  SINGLE = 'SINGLE',
  MAIN = 'MAIN',
  SUBSIDIARY = 'SUBSIDIARY',
  GUEST = 'GUEST',
  FE_COLLEGE = 'FE_COLLEGE',
}

/** Official meaning of each RollStatus value. */
export const ROLL_STATUS_MEANINGS: Record<RollStatus, string> = {
  SINGLE: 'Census code C: current, single registration at this school.',
  MAIN: 'Census code M: current main registration, the pupil is dual registered (e.g. also at a pupil referral unit).',
  SUBSIDIARY: 'Census code S: current subsidiary registration, the pupil is dual registered and this is not the main school.',
  GUEST: 'Census code G: guest, attending some lessons here while registered at another school.',
  FE_COLLEGE: 'Census code F: a 14 to 16 year old pupil attending a further education college.',
};

codeList(RollStatus, 'RollStatus', 'Enrolment status on the school roll, as in the DfE school census (EnrolStatus).', ROLL_STATUS_MEANINGS);

export enum ReasonForLeaving {
  REGISTERED_AT_ANOTHER_SCHOOL = 'REGISTERED_AT_ANOTHER_SCHOOL',
  COMPLETED_SCHOOL_PHASE = 'COMPLETED_SCHOOL_PHASE',
  CEASED_TO_RESIDE_NEARBY = 'CEASED_TO_RESIDE_NEARBY',
  ELECTIVE_HOME_EDUCATION = 'ELECTIVE_HOME_EDUCATION',
  PERMANENTLY_EXCLUDED = 'PERMANENTLY_EXCLUDED',
  CONTINUOUS_ABSENCE = 'CONTINUOUS_ABSENCE',
  NO_LONGER_OF_COMPULSORY_SCHOOL_AGE = 'NO_LONGER_OF_COMPULSORY_SCHOOL_AGE',
  OTHER = 'OTHER',
}

/** Official meaning of each ReasonForLeaving value. */
export const REASON_FOR_LEAVING_MEANINGS: Record<ReasonForLeaving, string> = {
  REGISTERED_AT_ANOTHER_SCHOOL: 'Registered as a pupil at another school (a change of school, e.g. after a placement move).',
  COMPLETED_SCHOOL_PHASE: 'Completed the final year of education this school provides (e.g. the end of Year 6) and moved on.',
  CEASED_TO_RESIDE_NEARBY: 'Ceased to reside at a place from which the pupil can reasonably attend the school.',
  ELECTIVE_HOME_EDUCATION: 'The parent told the school in writing that the pupil is receiving education otherwise than at school.',
  PERMANENTLY_EXCLUDED: 'Permanently excluded, and the exclusion review process has concluded.',
  CONTINUOUS_ABSENCE:
    'Failed to attend for a continuous period of at least 20 school days and the school and local authority could not find the pupil after reasonable enquiries.',
  NO_LONGER_OF_COMPULSORY_SCHOOL_AGE: 'Ceased to be of compulsory school age and not continuing in the school sixth form.',
  OTHER: 'Another ground permitted by the regulations.',
};

codeList(
  ReasonForLeaving,
  'ReasonForLeaving',
  'Why the pupil left a school: the ground for deleting the name from the admission register under the Education (Pupil Registration) (England) Regulations.',
  REASON_FOR_LEAVING_MEANINGS,
);

export enum ExclusionReason {
  PA = 'PA',
  PP = 'PP',
  VA = 'VA',
  VP = 'VP',
  BU = 'BU',
  RA = 'RA',
  LG = 'LG',
  DS = 'DS',
  SM = 'SM',
  DA = 'DA',
  DM = 'DM',
  TH = 'TH',
  PD = 'PD',
  MT = 'MT',
  WP = 'WP',
  OT = 'OT',
}

/** Official meaning of each ExclusionReason value. */
export const EXCLUSION_REASON_MEANINGS: Record<ExclusionReason, string> = {
  PA: 'Physical assault against a pupil.',
  PP: 'Physical assault against an adult.',
  VA: 'Verbal abuse or threatening behaviour against a pupil.',
  VP: 'Verbal abuse or threatening behaviour against an adult.',
  BU: 'Bullying.',
  RA: 'Racist abuse.',
  LG: 'Abuse against sexual orientation or gender identity.',
  DS: 'Abuse relating to disability.',
  SM: 'Sexual misconduct.',
  DA: 'Drug and alcohol related.',
  DM: 'Damage.',
  TH: 'Theft.',
  PD: 'Persistent disruptive behaviour.',
  MT: 'Inappropriate use of social media or online technology.',
  WP: 'Use or threat of use of an offensive weapon or prohibited item.',
  OT: 'Other.',
};

codeList(
  ExclusionReason,
  'ExclusionReason',
  'Reason for a suspension or permanent exclusion: the DfE school census exclusion reason codes.',
  EXCLUSION_REASON_MEANINGS,
);

export enum NotInSchoolKind {
  CHILD_MISSING_EDUCATION = 'CHILD_MISSING_EDUCATION',
  ELECTIVE_HOME_EDUCATION = 'ELECTIVE_HOME_EDUCATION',
}

/** Official meaning of each NotInSchoolKind value. */
export const NOT_IN_SCHOOL_KIND_MEANINGS: Record<NotInSchoolKind, string> = {
  CHILD_MISSING_EDUCATION:
    'Child missing education (Education Act 1996 s436A): of compulsory school age, not registered at a school and not receiving suitable education otherwise than at school.',
  ELECTIVE_HOME_EDUCATION:
    'Elective home education: the parent has chosen to educate the child at home instead of at school (Education Act 1996 s7).',
};

codeList(NotInSchoolKind, 'NotInSchoolKind', 'Why a child of compulsory school age was not on a school roll.', NOT_IN_SCHOOL_KIND_MEANINGS);

export enum SenProvision {
  N = 'N',
  K = 'K',
  E = 'E',
}

/** Official meaning of each SenProvision value. */
export const SEN_PROVISION_MEANINGS: Record<SenProvision, string> = {
  N: 'No special educational need.',
  K: 'SEN support: special educational provision made by the school without an EHC plan.',
  E: 'Education, Health and Care plan: a statutory plan issued by the local authority (Children and Families Act 2014 s37).',
};

codeList(
  SenProvision,
  'SenProvision',
  'Special educational needs provision, as in the DfE school census (SENprovision).',
  SEN_PROVISION_MEANINGS,
);

export enum PepQuality {
  AMBER = 'AMBER',
  GREEN = 'GREEN',
  GOLD = 'GOLD',
}

/** Official meaning of each PepQuality value. */
export const PEP_QUALITY_MEANINGS: Record<PepQuality, string> = {
  AMBER: 'Amber: requires improvement; the virtual school works with the school to strengthen it.',
  GREEN: 'Green: good.',
  GOLD: 'Gold: outstanding.',
};

codeList(
  PepQuality,
  'PepQuality',
  "The virtual school's quality-assurance rating of a PEP (amber, green, gold: 003:1564-1571, where green and gold together count as good or outstanding).",
  PEP_QUALITY_MEANINGS,
);

export enum PostSixteenActivity {
  FULL_TIME_EDUCATION = 'FULL_TIME_EDUCATION',
  APPRENTICESHIP = 'APPRENTICESHIP',
  SUPPORTED_INTERNSHIP = 'SUPPORTED_INTERNSHIP',
  EMPLOYMENT_WITH_TRAINING = 'EMPLOYMENT_WITH_TRAINING',
  EMPLOYMENT_WITHOUT_TRAINING = 'EMPLOYMENT_WITHOUT_TRAINING',
  NEET_AVAILABLE = 'NEET_AVAILABLE',
  NEET_NOT_AVAILABLE = 'NEET_NOT_AVAILABLE',
  NOT_KNOWN = 'NOT_KNOWN',
}

/** Official meaning of each PostSixteenActivity value. */
export const POST_SIXTEEN_ACTIVITY_MEANINGS: Record<PostSixteenActivity, string> = {
  FULL_TIME_EDUCATION:
    'Education, employment or training: full-time education (school sixth form, sixth-form college, further or higher education).',
  APPRENTICESHIP: 'Education, employment or training: an apprenticeship.',
  SUPPORTED_INTERNSHIP: 'Education, employment or training: a supported internship (for young people with an EHC plan).',
  EMPLOYMENT_WITH_TRAINING: 'Education, employment or training: employment combined with accredited part-time study.',
  EMPLOYMENT_WITHOUT_TRAINING:
    'Education, employment or training: employment without accredited training. Not NEET, but does not meet the raising-the-participation-age (RPA) duty.',
  NEET_AVAILABLE: 'Not in education, employment or training (NEET), available: seeking or not yet ready for work or learning.',
  NEET_NOT_AVAILABLE: 'NEET, not available: e.g. illness, pregnancy, a teenage parent or a young carer.',
  NOT_KNOWN: 'Activity not known: the local authority could not establish what the young person is doing.',
};

codeList(
  PostSixteenActivity,
  'PostSixteenActivity',
  "A young person's education, employment or training activity after Year 11, in the groups the DfE participation and NEET returns (NCCIS) use.",
  POST_SIXTEEN_ACTIVITY_MEANINGS,
);

export enum EetGroup {
  EET = 'EET',
  NEET = 'NEET',
  NOT_KNOWN = 'NOT_KNOWN',
}

/** Official meaning of each EetGroup value. */
export const EET_GROUP_MEANINGS: Record<EetGroup, string> = {
  EET: 'In education, employment or training.',
  NEET: 'Not in education, employment or training.',
  NOT_KNOWN: 'Activity not known.',
};

codeList(EetGroup, 'EetGroup', 'Whether a young person is in education, employment or training.', EET_GROUP_MEANINGS);

export enum RiskOfNeet {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  VERY_HIGH = 'VERY_HIGH',
}

/** Official meaning of each RiskOfNeet value. */
export const RISK_OF_NEET_MEANINGS: Record<RiskOfNeet, string> = {
  LOW: 'Low risk of becoming NEET after Year 11.',
  MEDIUM: 'Medium risk of becoming NEET after Year 11.',
  HIGH: 'High risk of becoming NEET: a transition plan is expected.',
  VERY_HIGH: 'Very high risk of becoming NEET: a transition plan is expected.',
};

codeList(
  RiskOfNeet,
  'RiskOfNeet',
  'The Risk of NEET Indicator (RONI) schools complete in Years 10 and 11; a transition plan is expected for every young person at high or very high risk (003:1421, 003:1614).',
  RISK_OF_NEET_MEANINGS,
);
