import { loadEach } from '../../../kit/subgraph/loaders';
import type { EducationContext } from '../context';
import type { EducationHistory } from '../rules/chronology';

const KINDS = [
  'enrolments',
  'attendance',
  'suspensions',
  'permanentExclusions',
  'reducedTimetables',
  'alternativeProvision',
  'notInSchool',
  'senProvision',
  'peps',
  'postSixteen',
] as const satisfies readonly (keyof EducationHistory)[];

/** Everything the virtual school holds about one pupil, through the request's loaders (so it batches with every other field). */
export function loadHistory(pupilId: number, { loaders }: EducationContext): Promise<EducationHistory> {
  return loadEach(loaders, KINDS, pupilId);
}
