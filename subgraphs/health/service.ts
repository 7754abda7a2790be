import 'reflect-metadata';
import { defineReceivingAgency } from '../../kit/subgraph/service';
import { HEALTH } from './agency';
import { createContext, type HealthContext } from './context';
import { entities } from './entities';
import { CohortOutcomes, HealthOutcomeFields } from './resolvers/outcomes';
import { healthPolicy } from './policy';
import { HealthRecordResolver } from './resolvers/health-record';
import { HealthChangesResolver, HealthPackFields, MeetingPack } from './resolvers/meeting-pack';
import { CamhsInvolvementStatusResolver, LifeCoachInvolvementStatusResolver } from './resolvers/involvement-status';
import { YoungPerson, YoungPersonHealthResolver } from './resolvers/young-person';
import { healthSeeder } from './seed';

/** Looked-after children's health: resolves YoungPerson by NHS number and adds YoungPerson.health, under social care's grant and health's policy. */
export const service = defineReceivingAgency(HEALTH, {
  entities,
  resolvers: [
    YoungPersonHealthResolver,
    HealthRecordResolver,
    CamhsInvolvementStatusResolver,
    LifeCoachInvolvementStatusResolver,
    HealthPackFields,
    HealthChangesResolver,
    HealthOutcomeFields,
  ],
  youngPerson: YoungPerson,
  meetingPack: MeetingPack,
  cohortOutcomes: CohortOutcomes,
  findRecord: (ctx: HealthContext, nhsNumber) => ctx.loaders.patientByNhsNumber.load(nhsNumber),
  createContext,
  seeder: healthSeeder,
  policy: healthPolicy,
});
