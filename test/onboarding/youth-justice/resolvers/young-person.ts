import { receivingRecordField } from '../../../kit/subgraph/receiving/record-field';
import { receivingYoungPersonType } from '../../../kit/subgraph/receiving/young-person';
import { YOUTH_JUSTICE } from '../agency';
import type { YjsCase } from '../entities';
import { YouthJusticeRecord } from './youth-justice-record';

export const YoungPerson = receivingYoungPersonType<YjsCase>(YOUTH_JUSTICE);

export const YoungPersonYouthJusticeResolver = receivingRecordField(
  YOUTH_JUSTICE,
  YoungPerson,
  YouthJusticeRecord,
  'What the youth justice service holds about the young person, or why nothing can be shown (matchStatus).',
);
