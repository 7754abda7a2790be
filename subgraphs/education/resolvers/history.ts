import type { EducationContext } from '../context';
import type { EducationHistory } from '../rules/chronology';

/** Everything the virtual school holds about one pupil, through the request's loaders (so it batches with every other field). */
export async function loadHistory(pupilId: number, { loaders }: EducationContext): Promise<EducationHistory> {
  const [
    enrolments,
    attendance,
    suspensions,
    permanentExclusions,
    reducedTimetables,
    alternativeProvision,
    notInSchool,
    senProvision,
    peps,
    postSixteen,
  ] = await Promise.all([
    loaders.enrolments.load(pupilId),
    loaders.attendance.load(pupilId),
    loaders.suspensions.load(pupilId),
    loaders.permanentExclusions.load(pupilId),
    loaders.reducedTimetables.load(pupilId),
    loaders.alternativeProvision.load(pupilId),
    loaders.notInSchool.load(pupilId),
    loaders.senProvision.load(pupilId),
    loaders.peps.load(pupilId),
    loaders.postSixteen.load(pupilId),
  ]);
  return {
    enrolments,
    attendance,
    suspensions,
    permanentExclusions,
    reducedTimetables,
    alternativeProvision,
    notInSchool,
    senProvision,
    peps,
    postSixteen,
  };
}
