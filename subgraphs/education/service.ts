import 'reflect-metadata';
import { grantedSubjectOf } from '../../kit/subgraph/access/grant-checks';
import type { AgencyService } from '../../kit/subgraph/agency';
import { buildAgencySubgraphSchema } from '../../kit/subgraph/federation';
import { createContext, type EducationContext } from './context';
import { AlternativeProvisionEpisode } from './entities/alternative-provision-episode';
import { NotInSchoolEpisode } from './entities/not-in-school-episode';
import { PermanentExclusion } from './entities/permanent-exclusion';
import { PersonalEducationPlan } from './entities/personal-education-plan';
import { PostSixteenStatus } from './entities/post-sixteen-status';
import { Pupil } from './entities/pupil';
import { ReducedTimetable } from './entities/reduced-timetable';
import { School } from './entities/school';
import { SchoolEnrolment } from './entities/school-enrolment';
import { SenProvisionEpisode } from './entities/sen-provision-episode';
import { Suspension } from './entities/suspension';
import { TermAttendance } from './entities/term-attendance';
import { EducationChronologyResolver } from './resolvers/chronology';
import { EducationRecordResolver } from './resolvers/education-record';
import { EducationStatusResolver } from './resolvers/education-status';
import { SchoolEnrolmentResolver } from './resolvers/school-enrolment';
import { SenProvisionEpisodeResolver } from './resolvers/sen-provision-episode';
import { YoungPerson, youngPersonReference, YoungPersonResolver } from './resolvers/young-person';
import { educationSeeder } from './seed';
import { educationPolicy } from './policy';

/** The virtual school's subgraph: education records of young people, found by UPN. */
export const educationService: AgencyService<EducationContext> = {
  name: 'education',
  defaultPort: 4002,
  entities: [
    Pupil, School, SchoolEnrolment, TermAttendance, Suspension, PermanentExclusion, ReducedTimetable,
    AlternativeProvisionEpisode, NotInSchoolEpisode, SenProvisionEpisode, PersonalEducationPlan, PostSixteenStatus,
  ],
  buildSchema: () =>
    buildAgencySubgraphSchema(
      {
        resolvers: [
          YoungPersonResolver, EducationRecordResolver, EducationStatusResolver, EducationChronologyResolver,
          SchoolEnrolmentResolver, SenProvisionEpisodeResolver,
        ],
        // Reached only through _entities, which federation adds later: type-graphql must be told to keep it.
        orphanedTypes: [YoungPerson],
      },
      youngPersonReference,
    ),
  createContext,
  seeder: educationSeeder,
  policy: educationPolicy,
  // A YoungPerson is about the young person by UPN, under the purpose social care granted.
  subjectOf: grantedSubjectOf<YoungPerson>((person) => person.upn),
};
