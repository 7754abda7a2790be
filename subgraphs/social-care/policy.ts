import { RECEIVING_AGENCIES } from '../../kit/shared/agencies';
import { rule, type AgencyPolicy, ACCESS_LOG_AUDITORS_ONLY } from '../../kit/subgraph/access/policy';
import { SOCIAL_CARE } from './agency';
import type { Agency } from './enums';
import { answeringAgency } from './rules/meetings';

/**
 * Children's social care's sharing rules, reviewed here by its information-governance lead.
 * Everyone with a legitimate relationship sees the young person's case; labels that follow a child
 * ("CSE", "gangs", a child protection category) go only to those who act on them (DOMAIN.md §4,
 * young people's voice: do not spread labels to audiences that do not need them).
 */
const SOCIAL_CARE_ONLY = rule('social-care-only', 'kept within social care', ({ viewer }) => viewer.agency === 'SOCIAL_CARE');

const SAFEGUARDING_LABELS = rule(
  'safeguarding-labels-need-to-know',
  'safeguarding labels are shared with social care, health and police, who act on them',
  ({ viewer }) => viewer.agency !== 'EDUCATION',
);

const PLACEMENT_WHEREABOUTS = rule(
  'placement-whereabouts-need-to-know',
  'where a young person lives is shared with social care and police (missing-from-care response) only',
  ({ viewer }) => viewer.agency === 'SOCIAL_CARE' || viewer.agency === 'POLICE',
);

/**
 * A progress note is free text from another agency's staff: it may say what that agency would never
 * share (a police note quoting intelligence). It goes to the author's agency and to social care, which
 * holds the case; other agencies see that a note was written, by whom and when, not what it says.
 */
const NOTE_FOR_ITS_AGENCY = rule<{ authorAgency?: string }>(
  'progress-note-author-agency-and-hub',
  "a progress note is shown to the author's agency and social care (the hub) only",
  ({ viewer, item }) => viewer.agency === 'SOCIAL_CARE' || answeringAgency(item.authorAgency as Agency) === viewer.agency,
);

export const socialCarePolicy: AgencyPolicy = {
  agency: SOCIAL_CARE.code,
  // The caseload's page and its cursor: counts and positions, never a young person's data.
  nonPersonalTypes: ['NwdCaseloadPage', 'MeetingActionPage', 'PageInfo'],
  fields: {
    'CaseStatusEpisode.cpCategory': SAFEGUARDING_LABELS,
    'YoungPerson.assessmentFactors': SAFEGUARDING_LABELS,
    'PlacementEpisode.provider': PLACEMENT_WHEREABOUTS,
    'IdentifierLink.linkedBy': SOCIAL_CARE_ONLY,
    'IdentifierLink.method': SOCIAL_CARE_ONLY,
    'Plan.summary': SAFEGUARDING_LABELS,
    'YoungPerson.accessLog': ACCESS_LOG_AUDITORS_ONLY,
    'ActionProgressNote.note': NOTE_FOR_ITS_AGENCY,
  },
  // An auditor confirms who the young person is and reads the logs; the keys let the gateway reach
  // the other agencies' logs.
  auditFields: [
    'YoungPerson.id',
    'YoungPerson.accessPurpose',
    'AccessPurpose.*',
    'YoungPerson.givenName',
    'YoungPerson.familyName',
    'YoungPerson.dateOfBirth',
    'YoungPerson.accessLog',
    ...RECEIVING_AGENCIES.flatMap((a) => [`YoungPerson.${a.identifier.field}`, `YoungPerson.${a.grantField}`]),
  ],
};
