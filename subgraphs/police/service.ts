import 'reflect-metadata';
import { defineReceivingAgency } from '../../kit/subgraph/service';
import { POLICE } from './agency';
import { createContext, type PoliceContext } from './context';
import { entities } from './entities';
import { CohortOutcomes, PoliceOutcomeFields } from './resolvers/outcomes';
import { policePolicy } from './policy';
import { MissingEpisodeResolver } from './resolvers/missing-episode';
import { NrmReferralResolver } from './resolvers/nrm-referral';
import { PoliceRecordResolver } from './resolvers/police-record';
import { PoliceChangesResolver, PolicePackFields, MeetingPack } from './resolvers/meeting-pack';
import { YoungPerson, YoungPersonPoliceResolver } from './resolvers/young-person';
import { policeSeeder } from './seed';

/** The police subgraph: missing episodes, arrests, exploitation, NRM, intelligence, associates and locations, by PNC ID, under social care's grant and the police policy. */
export const service = defineReceivingAgency(POLICE, {
  entities,
  resolvers: [
    YoungPersonPoliceResolver,
    PoliceRecordResolver,
    MissingEpisodeResolver,
    NrmReferralResolver,
    PolicePackFields,
    PoliceChangesResolver,
    PoliceOutcomeFields,
  ],
  youngPerson: YoungPerson,
  meetingPack: MeetingPack,
  cohortOutcomes: CohortOutcomes,
  findRecord: (ctx: PoliceContext, pncId) => ctx.loaders.nominalByPncId.load(pncId),
  createContext,
  seeder: policeSeeder,
  policy: policePolicy,
});
