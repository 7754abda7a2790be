import 'reflect-metadata';
import { defineReceivingAgency } from '../../kit/subgraph/service';
import { YOUTH_JUSTICE } from './agency';
import { createContext, type YouthJusticeContext } from './context';
import { entities } from './entities';
import { youthJusticePolicy } from './policy';
import { MeetingPack, YouthJusticePackFields } from './resolvers/meeting-pack';
import { YoungPerson, YoungPersonYouthJusticeResolver } from './resolvers/young-person';
import { YouthJusticeRecordResolver } from './resolvers/youth-justice-record';
import { youthJusticeSeeder } from './seed';

/** The youth justice service: resolves YoungPerson by its case reference, under social care's grant. */
export const service = defineReceivingAgency(YOUTH_JUSTICE, {
  entities,
  resolvers: [YoungPersonYouthJusticeResolver, YouthJusticeRecordResolver, YouthJusticePackFields],
  youngPerson: YoungPerson,
  meetingPack: MeetingPack,
  findRecord: (ctx: YouthJusticeContext, reference) => ctx.loaders.caseByReference.load(reference),
  createContext,
  seeder: youthJusticeSeeder,
  policy: youthJusticePolicy,
});
