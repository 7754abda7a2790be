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

/**
 * The cross-reference (every agency's identifier for the young person, with who linked it, when and
 * how) is for those who keep it and those who check it: social care staff, who link and correct
 * identifiers, and information-governance auditors, who trace a young person's records across
 * agencies for a subject access request. Another agency's staff need at most their own identifier,
 * and their agency already finds the record by it: handing a police officer the NHS number and UPN
 * would make every agency's identifier everyone's (DOMAIN.md §3; Caldicott: minimum necessary). The
 * NHS number, UPN and PNC ID fields are the gateway's keys only, which no client can select
 * (resolvers/identifiers.ts).
 */
const CROSS_REFERENCE = rule(
  'cross-reference-social-care-and-auditors',
  "the cross-reference of agencies' identifiers is kept to social care staff and auditors",
  ({ viewer }) => viewer.agency === 'SOCIAL_CARE' || viewer.role === 'IG_AUDITOR',
);

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
  // Cohort figures, never rows. Social care defines every cohort, so it names everyone who may ask for
  // any agency's figures (the board, the NWD team and IROs, the virtual school head, the designated
  // nurse, police analysts, auditors); its own figures are in full for its reporting staff and auditors.
  aggregates: {
    readers: [
      'CORPORATE_PARENTING_BOARD_MEMBER',
      'NWD_KEY_WORKER',
      'IRO',
      'IG_AUDITOR',
      'VIRTUAL_SCHOOL_HEAD',
      'LAC_NURSE',
      'POLICE_INTELLIGENCE_ANALYST',
    ],
    fullFigures: ['NWD_KEY_WORKER', 'IRO', 'IG_AUDITOR'],
  },
  nonPersonalTypes: ['NwdCaseloadPage', 'MeetingActionPage', 'PageInfo'],
  // Nothing social care holds is kept from an agency at the young person's asking (yet).
  youngPersonsWishesOn: [],
  fields: {
    'CaseStatusEpisode.cpCategory': SAFEGUARDING_LABELS,
    'YoungPerson.assessmentFactors': SAFEGUARDING_LABELS,
    'PlacementEpisode.provider': PLACEMENT_WHEREABOUTS,
    'YoungPerson.identifierLinks': CROSS_REFERENCE,
    'Plan.summary': SAFEGUARDING_LABELS,
    'YoungPerson.accessLog': ACCESS_LOG_AUDITORS_ONLY,
    'ActionProgressNote.note': NOTE_FOR_ITS_AGENCY,
  },
  // An auditor confirms who the young person is and reads the logs; the keys let the gateway reach
  // the other agencies' logs; the cross-reference says which identifier each agency's log is under.
  auditFields: [
    'YoungPerson.id',
    'YoungPerson.identifierLinks',
    'IdentifierLink.*',
    'YoungPerson.accessPurpose',
    'AccessPurpose.*',
    'YoungPerson.givenName',
    'YoungPerson.familyName',
    'YoungPerson.dateOfBirth',
    'YoungPerson.accessLog',
    ...RECEIVING_AGENCIES.flatMap((a) => [`YoungPerson.${a.identifier.field}`, `YoungPerson.${a.grantField}`]),
  ],
};
