import { ACCESS_LOG_AUDITORS_ONLY, rule, type AgencyPolicy } from '../../kit/subgraph/access/policy';
import { YOUTH_JUSTICE } from './agency';

/** The youth justice service's sharing rules: the date a case opened goes to youth justice, social care and police only. */
const CASE_DATES = rule('case-dates-need-to-know', 'case dates are shared with youth justice, social care and police only', ({ viewer }) =>
  ['YOUTH_JUSTICE', 'SOCIAL_CARE', 'POLICE'].includes(viewer.agency),
);

export const youthJusticePolicy: AgencyPolicy = {
  agency: YOUTH_JUSTICE.code,
  // Reports no cohort figures (it has no CohortOutcomes type).
  aggregates: { readers: [], fullFigures: [] },
  nonPersonalTypes: [],
  youngPersonsWishesOn: [],
  fields: {
    'YouthJusticeRecord.caseOpenedOn': CASE_DATES,
    'YouthJusticeRecord.accessLog': ACCESS_LOG_AUDITORS_ONLY,
  },
  auditFields: ['YoungPerson.yjsReference', 'YoungPerson.youthJustice', 'YouthJusticeRecord.matchStatus', 'YouthJusticeRecord.accessLog'],
};
