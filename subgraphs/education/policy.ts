import { rule, type AgencyPolicy, ACCESS_LOG_AUDITORS_ONLY, youngPersonsWishesOnField } from '../../kit/subgraph/access/policy';
import type { AgencyCode } from '../../kit/shared/roles';
import { EDUCATION } from './agency';
import type { SchoolEnrolment } from './entities/school-enrolment';

/**
 * The virtual school's sharing rules, kept here so its information-governance lead can review them
 * in one place.
 *
 * Who can see anything at all: only someone social care has confirmed has a legitimate relationship
 * with the young person (allocated worker, the virtual school head's statutory role, an invitation to
 * a meeting about them, or break-glass with a written reason). Social care hands us a signed grant
 * for that person, that request and that young person; without it we answer nothing.
 *
 * What everyone with a relationship sees: which schools the young person has been on roll at and
 * when, attendance figures and persistent absence, whether their Personal Education Plan (PEP) is on
 * time, PEP meeting dates and quality ratings, the type of SEN provision (none, SEN support, EHC
 * plan), that a suspension or exclusion happened (when, where, how long), reduced timetables,
 * alternative provision, time off any school roll, and post-16 plans. Attendance and PEP timeliness
 * are how partners help a young person back into learning, so they are never held back.
 *
 * What is narrower, and why (each rule below names who sees it):
 * - What a PEP sets out for the young person (their targets) and how Pupil Premium Plus is spent:
 *   education and social care only. They are the plan's working content, not needed by others.
 * - Why a young person was suspended or excluded ("drug and alcohol related", "sexual misconduct"...):
 *   education and social care only, never police or health. These labels follow a child; young
 *   people told us they do not want to be labelled (DOMAIN.md §4).
 * - EHC plan dates (request, issue, the 20-week due date and whether it was met) and the dates SEN
 *   provision changed (an EHC plan's episode starts the day the plan was issued): education, social
 *   care and health, who work on the plan together. Everyone else sees the type of provision only.
 * - The audit log of who read the record: information-governance auditors only.
 *
 * The young person's own wishes come before all of this: a suspension, permanent exclusion or reduced
 * timetable they asked us not to share with an agency is left out for that agency's staff, and so is
 * "permanently excluded" as the reason they left that school. Everything withheld shows as empty with
 * a notice naming the rule, and every read, and what was withheld from it, is written to our audit log.
 * Other agencies see the young person's-wishes notice on every list of suspensions, exclusions and
 * reduced timetables (and on the chronology) whether or not anything was left out, and no notice says
 * how many: either would tell them that there is something. Counts are for education and auditors.
 *
 * An auditor (purpose AUDIT) sees only which record it is and its access log, nothing of the record.
 */

const agencyIn =
  (...agencies: AgencyCode[]) =>
  ({ viewer }: { viewer: { agency: AgencyCode } }) =>
    agencies.includes(viewer.agency);

/** PEP targets and Pupil Premium Plus: the plan's working content. */
export const PEP_CONTENT = rule(
  'pep-content-education-and-social-care',
  'PEP targets and Pupil Premium Plus spending are shared with education and social care only',
  agencyIn('EDUCATION', 'SOCIAL_CARE'),
);

/** Suspension and permanent exclusion reasons: labels that follow a child. */
export const EXCLUSION_REASONS = rule(
  'exclusion-reasons-education-and-social-care',
  'the reasons for suspensions and exclusions are shared with education and social care only',
  agencyIn('EDUCATION', 'SOCIAL_CARE'),
);

/** The EHC plan's dates, and the dates SEN provision changed (which show them). */
export const EHCP_DATES = rule(
  'ehcp-dates-education-social-care-and-health',
  'EHC plan dates and the dates SEN provision changed are shared with education, social care and health only',
  agencyIn('EDUCATION', 'SOCIAL_CARE', 'HEALTH'),
);

/**
 * A leaving reason that would tell an agency about a permanent exclusion the young person asked it not
 * to be told about: the young person's wishes, told in their words for every agency, which say nothing
 * of what the reason was.
 */
export const LEAVING_REASON_WISHES = youngPersonsWishesOnField<SchoolEnrolment>((enrolment) => enrolment.reasonForLeavingNotSharedWith);

export const educationPolicy: AgencyPolicy = {
  agency: EDUCATION.code,
  // Cohort figures (PEPs): for the board, the NWD team, IROs and the designated nurse with small numbers
  // suppressed; in full for the virtual school head and auditors.
  aggregates: {
    readers: ['CORPORATE_PARENTING_BOARD_MEMBER', 'NWD_KEY_WORKER', 'IRO', 'LAC_NURSE', 'VIRTUAL_SCHOOL_HEAD', 'IG_AUDITOR'],
    fullFigures: ['VIRTUAL_SCHOOL_HEAD', 'IG_AUDITOR'],
  },
  nonPersonalTypes: [],
  youngPersonsWishesOn: ['Suspension', 'PermanentExclusion', 'ReducedTimetable'],
  fields: {
    'PersonalEducationPlan.targets': PEP_CONTENT,
    'PersonalEducationPlan.pupilPremiumPlusAmount': PEP_CONTENT,
    'PersonalEducationPlan.pupilPremiumPlusPurpose': PEP_CONTENT,
    'Suspension.reason': EXCLUSION_REASONS,
    'PermanentExclusion.reason': EXCLUSION_REASONS,
    'SchoolEnrolment.reasonForLeaving': LEAVING_REASON_WISHES,
    'SenProvisionEpisode.startDate': EHCP_DATES,
    'SenProvisionEpisode.endDate': EHCP_DATES,
    'SenProvisionEpisode.ehcpRequestDate': EHCP_DATES,
    'SenProvisionEpisode.ehcpIssueDate': EHCP_DATES,
    'SenProvisionEpisode.ehcpDueDate': EHCP_DATES,
    'SenProvisionEpisode.ehcpIssuedWithinTwentyWeeks': EHCP_DATES,
    'EducationRecord.accessLog': ACCESS_LOG_AUDITORS_ONLY,
  },
  // Which record it is (the UPN, whether we hold it) and its access log (the kit passes the log's entries
  // and their withheld fields).
  auditFields: ['YoungPerson.upn', 'YoungPerson.education', 'EducationRecord.matchStatus', 'EducationRecord.accessLog'],
};
