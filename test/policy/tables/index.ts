import type { AgencyPolicy } from '../../../kit/subgraph/access/policy';
import { educationPolicy } from '../../../subgraphs/education/policy';
import { healthPolicy } from '../../../subgraphs/health/policy';
import { policePolicy } from '../../../subgraphs/police/policy';
import { socialCarePolicy } from '../../../subgraphs/social-care/policy';
import type { SharingRow } from '../sharing-table';
import { EDUCATION_SHARING } from './education';
import { HEALTH_SHARING } from './health';
import { POLICE_SHARING } from './police';
import { SOCIAL_CARE_SHARING } from './social-care';

/** Each agency's policy, with the table it is checked against. */
export const SHARING_TABLES: readonly { policy: AgencyPolicy; rows: readonly SharingRow[] }[] = [
  { policy: socialCarePolicy, rows: SOCIAL_CARE_SHARING },
  { policy: educationPolicy, rows: EDUCATION_SHARING },
  { policy: healthPolicy, rows: HEALTH_SHARING },
  { policy: policePolicy, rows: POLICE_SHARING },
];
