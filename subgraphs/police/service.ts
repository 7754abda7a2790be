import { grantedSubjectOf } from '../../kit/subgraph/access/grant-checks';
import type { AgencyService } from '../../kit/subgraph/agency';
import { buildAgencySubgraphSchema } from '../../kit/subgraph/federation';
import { createContext, type PoliceContext } from './context';
import { policeEntities } from './entities';
import { policePolicy } from './policy';
import { MissingEpisodeResolver } from './resolvers/missing-episode';
import { NrmReferralResolver } from './resolvers/nrm-referral';
import { PoliceRecordResolver } from './resolvers/police-record';
import { YoungPersonPoliceResolver, YoungPerson, youngPersonReference } from './resolvers/young-person';
import { policeSeeder } from './seed';

/** The police subgraph: missing episodes, arrests, exploitation, NRM, intelligence, associates and locations, by PNC ID. */
export const policeService: AgencyService<PoliceContext> = {
  name: 'police',
  defaultPort: 4004,
  entities: policeEntities,
  buildSchema: () =>
    buildAgencySubgraphSchema(
      {
        resolvers: [YoungPersonPoliceResolver, PoliceRecordResolver, MissingEpisodeResolver, NrmReferralResolver],
        // No Query root of our own: YoungPerson is reached only through the gateway's _entities.
        orphanedTypes: [YoungPerson],
      },
      youngPersonReference,
    ),
  createContext,
  seeder: policeSeeder,
  policy: policePolicy,
  // A YoungPerson is about the young person under the long form of its PNC ID (one audit key whichever
  // form was sent), read under the purpose social care granted.
  subjectOf: grantedSubjectOf<YoungPerson>((person) => person.subjectKey),
};
