import 'reflect-metadata';
import { defineReceivingAgency } from '../../kit/subgraph/service';
import { EDUCATION } from './agency';
import { createContext, type EducationContext } from './context';
import { entities } from './entities';
import { CohortOutcomes, EducationOutcomeFields } from './resolvers/outcomes';
import { educationPolicy } from './policy';
import { EducationRecordResolver } from './resolvers/education-record';
import { EducationStatusResolver } from './resolvers/education-status';
import { SchoolEnrolmentResolver } from './resolvers/school-enrolment';
import { SenProvisionEpisodeResolver } from './resolvers/sen-provision-episode';
import { EducationChangesResolver, EducationPackFields, MeetingPack } from './resolvers/meeting-pack';
import { YoungPerson, YoungPersonEducationResolver } from './resolvers/young-person';
import { educationSeeder } from './seed';

/** The virtual school's subgraph: education records of young people, found by UPN, under social care's grant and education's policy. */
export const service = defineReceivingAgency(EDUCATION, {
  entities,
  resolvers: [
    YoungPersonEducationResolver,
    EducationRecordResolver,
    EducationPackFields,
    EducationChangesResolver,
    EducationStatusResolver,
    SchoolEnrolmentResolver,
    SenProvisionEpisodeResolver,
    EducationOutcomeFields,
  ],
  youngPerson: YoungPerson,
  meetingPack: MeetingPack,
  cohortOutcomes: CohortOutcomes,
  findRecord: (ctx: EducationContext, upn) => ctx.loaders.pupilByUpn.load(upn),
  createContext,
  seeder: educationSeeder,
  policy: educationPolicy,
});
