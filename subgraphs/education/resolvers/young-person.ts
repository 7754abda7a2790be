import { receivingRecordField } from '../../../kit/subgraph/receiving/record-field';
import { receivingYoungPersonType } from '../../../kit/subgraph/receiving/young-person';
import type { Pupil } from '../entities';
import { EDUCATION } from '../agency';
import { EducationRecord } from './education-record';

/** The virtual school's view of the shared entity: keyed by the UPN, the identifier education owns. */
export const YoungPerson = receivingYoungPersonType<Pupil>(EDUCATION);

export const YoungPersonEducationResolver = receivingRecordField(
  EDUCATION,
  YoungPerson,
  EducationRecord,
  "The virtual school's record of the young person, or why there is none.",
);
