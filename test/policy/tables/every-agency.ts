import { PERSONAS } from '../../../kit/dev/personas';
import { AUDITOR, EDUCATION_STAFF, EVERYONE_WITH_A_RELATIONSHIP, HEALTH_STAFF, POLICE_STAFF, type SharingRow } from '../sharing-table';

/** Rows that hold for every agency's data, whatever agency holds it. */
export const EVERY_AGENCY_SHARING: SharingRow[] = [
  // A meeting pack frozen when the chair was shown it is what the chair knew when the plan was made:
  // the chair and auditors read it back, nobody else (README, "The pack").
  {
    fields: ['PackSnapshot.content', 'PackSnapshot.notices', 'PackSnapshot.contentHash'],
    when: 'frozen for the social worker who chaired',
    item: { viewerId: PERSONAS.socialWorker.id },
    shownTo: ['socialWorker', AUDITOR],
    withheldFrom: ['keyWorker', 'iro', ...EDUCATION_STAFF, ...HEALTH_STAFF, ...POLICE_STAFF],
  },
];

/** Which record it is: everyone with a relationship, and the auditor answering a subject access request (README 5). */
export const whichRecordItIs = (...fields: string[]): SharingRow => ({
  fields,
  shownTo: [...EVERYONE_WITH_A_RELATIONSHIP, AUDITOR],
  withheldFrom: [],
});

/** Who has looked at the record: information-governance auditors, and only they (README 5). */
export const accessLog = (field: string): SharingRow => ({
  fields: [field],
  shownTo: [AUDITOR],
  withheldFrom: EVERYONE_WITH_A_RELATIONSHIP,
});
