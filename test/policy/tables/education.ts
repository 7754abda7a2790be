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

/** The virtual school: what a young person's education record shows, and to whom. */
export const EDUCATION_SHARING: SharingRow[] = [
  // What a PEP sets out (targets) and what Pupil Premium Plus pays for: the plan's working content. The
  // PEP is a statutory part of the care plan (DOMAIN.md §2), so education and social care, who write
  // them; health and police need that a PEP is on time, not what it says (Caldicott, minimum necessary).
  {
    fields: [
      'PersonalEducationPlan.targets',
      'PersonalEducationPlan.pupilPremiumPlusAmount',
      'PersonalEducationPlan.pupilPremiumPlusPurpose',
    ],
    shownTo: [...EDUCATION_STAFF, ...SOCIAL_CARE_STAFF],
    withheldFrom: [...HEALTH_STAFF, ...POLICE_STAFF, AUDITOR],
  },
  // Why a young person was suspended or excluded ("drug and alcohol related") is a label that follows
  // a child (DOMAIN.md §4, young people's voice): education and social care only, never police or health.
  {
    fields: ['Suspension.reason', 'PermanentExclusion.reason'],
    shownTo: [...EDUCATION_STAFF, ...SOCIAL_CARE_STAFF],
    withheldFrom: [...HEALTH_STAFF, ...POLICE_STAFF, AUDITOR],
  },
  // An EHC plan is an education, health and care plan (Children and Families Act 2014): its dates, and
  // the dates SEN provision changed (which show them), go to the three who make it; not police.
  {
    fields: [
      'SenProvisionEpisode.startDate',
      'SenProvisionEpisode.endDate',
      'SenProvisionEpisode.ehcpRequestDate',
      'SenProvisionEpisode.ehcpIssueDate',
      'SenProvisionEpisode.ehcpDueDate',
      'SenProvisionEpisode.ehcpIssuedWithinTwentyWeeks',
    ],
    shownTo: [...EDUCATION_STAFF, ...SOCIAL_CARE_STAFF, ...HEALTH_STAFF],
    withheldFrom: [...POLICE_STAFF, AUDITOR],
  },
  // Attendance, persistent absence, PEP timeliness, that a suspension happened, the kind of SEN
  // provision, why a young person left a school: how partners help a young person back into learning
  // (DOMAIN.md §2), for everyone with a relationship.
  {
    fields: [
      'EducationRecord.attendance',
      'EducationRecord.persistentlyAbsent',
      'EducationRecord.pepTimeliness',
      'PersonalEducationPlan.meetingDate',
      'Suspension.startDate',
      'SenProvisionEpisode.provision',
      'SchoolEnrolment.reasonForLeaving',
    ],
    shownTo: EVERYONE_WITH_A_RELATIONSHIP,
    withheldFrom: [AUDITOR],
  },
  // The young person's wishes come first (README 3): an exclusion they asked police not to be told
  // about is not shown to police, nor is "permanently excluded" as the reason they left that school.
  {
    fields: ['SchoolEnrolment.reasonForLeaving'],
    when: 'the exclusion it records is one the young person asked police not to be told about',
    item: { reasonForLeavingNotSharedWith: ['POLICE'] },
    shownTo: [...EDUCATION_STAFF, ...SOCIAL_CARE_STAFF, ...HEALTH_STAFF],
    withheldFrom: [...POLICE_STAFF, AUDITOR],
  },
  {
    fields: ['Suspension.startDate', 'PermanentExclusion.startDate', 'ReducedTimetable.startDate'],
    when: 'the young person asked that police are not told',
    item: { notSharedWith: ['POLICE'] },
    shownTo: [...EDUCATION_STAFF, ...SOCIAL_CARE_STAFF, ...HEALTH_STAFF],
    withheldFrom: [...POLICE_STAFF, AUDITOR],
  },
  whichRecordItIs('YoungPerson.upn', 'YoungPerson.education', 'EducationRecord.matchStatus', 'WithheldField.field'),
  accessLog('EducationRecord.accessLog'),
  ...EVERY_AGENCY_SHARING,
];
