// Every education entity, in one list for the ORM (the order does not matter).
import { AlternativeProvisionEpisode } from './alternative-provision-episode';
import { NotInSchoolEpisode } from './not-in-school-episode';
import { PermanentExclusion } from './permanent-exclusion';
import { PersonalEducationPlan } from './personal-education-plan';
import { PostSixteenStatus } from './post-sixteen-status';
import { Pupil } from './pupil';
import { ReducedTimetable } from './reduced-timetable';
import { School } from './school';
import { SchoolEnrolment } from './school-enrolment';
import { SenProvisionEpisode } from './sen-provision-episode';
import { Suspension } from './suspension';
import { TermAttendance } from './term-attendance';

export {
  AlternativeProvisionEpisode,
  NotInSchoolEpisode,
  PermanentExclusion,
  PersonalEducationPlan,
  PostSixteenStatus,
  Pupil,
  ReducedTimetable,
  School,
  SchoolEnrolment,
  SenProvisionEpisode,
  Suspension,
  TermAttendance,
};

export const entities = [
  Pupil,
  School,
  SchoolEnrolment,
  TermAttendance,
  Suspension,
  PermanentExclusion,
  ReducedTimetable,
  AlternativeProvisionEpisode,
  NotInSchoolEpisode,
  SenProvisionEpisode,
  PersonalEducationPlan,
  PostSixteenStatus,
];
