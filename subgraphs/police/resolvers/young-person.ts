import { receivingRecordField } from '../../../kit/subgraph/receiving/record-field';
import { receivingYoungPersonType } from '../../../kit/subgraph/receiving/young-person';
import type { Nominal } from '../entities';
import { POLICE } from '../agency';
import { PoliceRecord } from './police-record';

/** The police view of the shared entity: keyed by the PNC ID (long form), the identifier the police own. */
export const YoungPerson = receivingYoungPersonType<Nominal>(POLICE);

export const YoungPersonPoliceResolver = receivingRecordField(
  POLICE,
  YoungPerson,
  PoliceRecord,
  'What the police hold about this young person, or why nothing can be shown (matchStatus).',
);
