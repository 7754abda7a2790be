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
const PARTNERS = [...SOCIAL_CARE_STAFF, ...EDUCATION_STAFF, ...HEALTH_STAFF];

/** The police: what a young person's police record shows, and to whom (DPA 2018 Part 3, DOMAIN.md §2 and §4). */
export const POLICE_SHARING: SharingRow[] = [
  // Intelligence in full can reveal its source: police only, whatever its handling code (README 2;
  // DOMAIN.md §2, intelligence is sanitised before it leaves the police).
  {
    fields: ['IntelligenceItem.fullText'],
    shownTo: [...POLICE_STAFF],
    withheldFrom: [...PARTNERS, AUDITOR],
  },
  // The sanitised text goes to partners only where the police marked the item for sharing (README 2).
  {
    fields: ['IntelligenceItem.sanitisedText'],
    when: 'marked for sharing',
    item: { markedForSharing: true },
    shownTo: EVERYONE_WITH_A_RELATIONSHIP,
    withheldFrom: [AUDITOR],
  },
  {
    fields: ['IntelligenceItem.sanitisedText'],
    when: 'not marked for sharing',
    item: { markedForSharing: false },
    shownTo: [...POLICE_STAFF],
    withheldFrom: [...PARTNERS, AUDITOR],
  },
  // Everyone sees how far to rely on an item, and the conditions any sharing must follow (README 2: "everyone sees its 3x5x2 grading").
  {
    fields: ['IntelligenceItem.sourceEvaluation', 'IntelligenceItem.intelligenceAssessment', 'IntelligenceItem.handlingCode'],
    shownTo: EVERYONE_WITH_A_RELATIONSHIP,
    withheldFrom: [AUDITOR],
  },
  // Associates' names and where a location of concern is: third parties and places, for those who
  // write and carry out missing plans (DOMAIN.md §2, 000:2432): police and social care.
  {
    fields: ['Associate.name', 'LocationOfConcern.description'],
    shownTo: [...POLICE_STAFF, ...SOCIAL_CARE_STAFF],
    withheldFrom: [...EDUCATION_STAFF, ...HEALTH_STAFF, AUDITOR],
  },
  // An arrest's charge and outcome: police and social care, who hold the case; schools and health see
  // that an arrest happened, its offence and gravity, not what followed (young people felt "treated
  // like criminals", DOMAIN.md §4).
  {
    fields: ['Arrest.charge', 'Arrest.outcome'],
    shownTo: [...POLICE_STAFF, ...SOCIAL_CARE_STAFF],
    withheldFrom: [...EDUCATION_STAFF, ...HEALTH_STAFF, AUDITOR],
  },
  // Missing episodes and arrests themselves: a No Wrong Door outcome, and a school must know a child
  // goes missing (DOMAIN.md §2): everyone with a relationship.
  {
    fields: ['Arrest.arrestedOn', 'Arrest.offenceCategory', 'Arrest.gravityScore', 'MissingEpisode.reportedAt', 'Associate.relationship'],
    shownTo: EVERYONE_WITH_A_RELATIONSHIP,
    withheldFrom: [AUDITOR],
  },
  // The young person's wishes come first (README 3): an arrest they asked that their school is not
  // told about is not shown to education staff.
  {
    fields: ['Arrest.arrestedOn', 'MissingEpisode.reportedAt'],
    when: 'the young person asked that their school is not told',
    item: { notSharedWith: ['EDUCATION'] },
    shownTo: [...POLICE_STAFF, ...SOCIAL_CARE_STAFF, ...HEALTH_STAFF],
    withheldFrom: [...EDUCATION_STAFF, AUDITOR],
  },
  whichRecordItIs('YoungPerson.pncId', 'YoungPerson.police', 'PoliceRecord.matchStatus', 'WithheldField.field', 'WithheldField.rule'),
  accessLog('PoliceRecord.accessLog'),
  ...EVERY_AGENCY_SHARING,
];
