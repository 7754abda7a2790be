import { receivingRecordField } from '../../../kit/subgraph/receiving/record-field';
import { receivingYoungPersonType } from '../../../kit/subgraph/receiving/young-person';
import type { Patient } from '../entities';
import { HEALTH } from '../agency';
import { HealthRecord } from './health-record';

/** Health's view of the shared entity: keyed by the NHS number, the identifier health owns. */
export const YoungPerson = receivingYoungPersonType<Patient>(HEALTH);

export const YoungPersonHealthResolver = receivingRecordField(
  HEALTH,
  YoungPerson,
  HealthRecord,
  "What looked-after children's health holds about the young person; matchStatus says whether health could find them.",
);
