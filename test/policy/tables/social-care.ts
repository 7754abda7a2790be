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
 * Children's social care: what the young person's case shows, and to whom. Every reader here already
 * has a legitimate relationship (README, "Who can see what, and why", 1); these rows are about what
 * that relationship then shows (2).
 */
export const SOCIAL_CARE_SHARING: SharingRow[] = [
  // Safeguarding labels follow a child: a child protection category, the CIN assessment factors (CSE,
  // gangs, trafficking, criminal exploitation), the plans that name them. "Do not spread labels to
  // audiences that do not need them" (DOMAIN.md §4, young people's voice); social care keeps them to
  // those who act on them (README 2): itself, health and police; not schools.
  {
    fields: ['CaseStatusEpisode.cpCategory', 'YoungPerson.assessmentFactors', 'Plan.summary'],
    shownTo: [...SOCIAL_CARE_STAFF, ...HEALTH_STAFF, ...POLICE_STAFF],
    withheldFrom: [...EDUCATION_STAFF, AUDITOR],
  },
  // Where a young person lives: social care, who place them, and police, who respond when they go
  // missing from care (DOMAIN.md §2, missing plans 000:2432; README 2, "where a child lives").
  {
    fields: ['PlacementEpisode.provider'],
    shownTo: [...SOCIAL_CARE_STAFF, ...POLICE_STAFF],
    withheldFrom: [...EDUCATION_STAFF, ...HEALTH_STAFF, AUDITOR],
  },
  // The cross-reference: every agency's identifier for the child, who matched it and how (DOMAIN.md §3,
  // matching needs provenance). For social care staff, who keep it right, and auditors, who trace a
  // child's records across agencies for a subject access request; another agency's staff need at most
  // their own identifier, which their agency already holds (Caldicott: minimum necessary).
  {
    fields: ['YoungPerson.identifierLinks'],
    shownTo: [...SOCIAL_CARE_STAFF, AUDITOR],
    withheldFrom: [...EDUCATION_STAFF, ...HEALTH_STAFF, ...POLICE_STAFF],
  },
  // A link's parts are read only through the cross-reference above, by those it is shown to.
  {
    fields: ['IdentifierLink.scheme', 'IdentifierLink.linkedBy', 'IdentifierLink.method'],
    shownTo: [...EVERYONE_WITH_A_RELATIONSHIP, AUDITOR],
    withheldFrom: [],
  },
  // The rest of the case (status, placements' type and dates, plans' dates, meetings): everyone with a
  // relationship; an auditor reads access logs only (README 5).
  {
    fields: ['CaseStatusEpisode.status', 'PlacementEpisode.placementType', 'Plan.agreedOn', 'YoungPerson.meetings'],
    shownTo: EVERYONE_WITH_A_RELATIONSHIP,
    withheldFrom: [AUDITOR],
  },
  // Who the young person is, and the notes that take a request on to the other agencies: everyone
  // with a relationship, and the auditor answering a subject access request (README 5).
  whichRecordItIs(
    'YoungPerson.id',
    'YoungPerson.givenName',
    'YoungPerson.familyName',
    'YoungPerson.dateOfBirth',
    'YoungPerson.accessPurpose',
    'AccessPurpose.kind',
    'AccessPurpose.meetingId',
    'AccessPurpose.reason',
    // The other agencies' identifiers are the gateway's keys: read under the user's token, so the policy
    // lets them through, but no client can select them (@inaccessible in the supergraph); who reads
    // them as data is the cross-reference row above.
    'YoungPerson.upn',
    'YoungPerson.nhsNumber',
    'YoungPerson.pncId',
    'YoungPerson.educationAccess',
    'YoungPerson.healthAccess',
    'YoungPerson.policeAccess',
  ),
  accessLog('YoungPerson.accessLog'),
  // A note on an action's progress is free text from the owner's agency and may say what that agency
  // would never share: the author's agency and the hub read it; others see that it was written (README,
  // "Who owns what").
  {
    fields: ['ActionProgressNote.note'],
    when: 'written by education staff',
    item: { authorAgency: 'EDUCATION' },
    shownTo: [...SOCIAL_CARE_STAFF, ...EDUCATION_STAFF],
    withheldFrom: [...HEALTH_STAFF, ...POLICE_STAFF, AUDITOR],
  },
  {
    fields: ['ActionProgressNote.note'],
    when: 'written by health staff',
    item: { authorAgency: 'HEALTH' },
    shownTo: [...SOCIAL_CARE_STAFF, ...HEALTH_STAFF],
    withheldFrom: [...EDUCATION_STAFF, ...POLICE_STAFF, AUDITOR],
  },
  {
    fields: ['ActionProgressNote.note'],
    when: 'written by police staff',
    item: { authorAgency: 'POLICE' },
    shownTo: [...SOCIAL_CARE_STAFF, ...POLICE_STAFF],
    withheldFrom: [...EDUCATION_STAFF, ...HEALTH_STAFF, AUDITOR],
  },
  {
    fields: ['ActionProgressNote.note'],
    when: 'written by the hub',
    item: { authorAgency: 'SOCIAL_CARE' },
    shownTo: [...SOCIAL_CARE_STAFF],
    withheldFrom: [...EDUCATION_STAFF, ...HEALTH_STAFF, ...POLICE_STAFF, AUDITOR],
  },
  {
    fields: ['ActionProgressNote.authorAgency', 'ActionProgressNote.writtenAt'],
    when: 'that a note was written, when, by whom',
    item: { authorAgency: 'POLICE' },
    shownTo: EVERYONE_WITH_A_RELATIONSHIP,
    withheldFrom: [AUDITOR],
  },
  ...EVERY_AGENCY_SHARING,
];
