import 'reflect-metadata';
import { grantedSubjectOf } from '../../kit/subgraph/access/grant-checks';
import type { AgencyService } from '../../kit/subgraph/agency';
import { buildAgencySubgraphSchema } from '../../kit/subgraph/federation';
import { createHealthContext, type HealthContext } from './context';
import { healthEntities } from './entities';
import { healthPolicy } from './policy';
import { HealthAuditFields } from './resolvers/audit';
import { HealthChronologyResolver } from './resolvers/chronology';
import { CamhsInvolvementStatusResolver, LifeCoachInvolvementStatusResolver } from './resolvers/involvement-status';
import { YoungPerson, YoungPersonHealthResolver, youngPersonReferenceResolvers } from './resolvers/young-person';
import { healthSeeder } from './seed';

/** Looked-after children's health: resolves YoungPerson by NHS number and adds YoungPerson.health, under social care's grant and health's policy. */
export const healthService: AgencyService<HealthContext> = {
  name: 'health',
  defaultPort: 4003,
  entities: healthEntities,
  buildSchema: () =>
    buildAgencySubgraphSchema(
      {
        resolvers: [
          YoungPersonHealthResolver, HealthChronologyResolver, HealthAuditFields, CamhsInvolvementStatusResolver, LifeCoachInvolvementStatusResolver,
        ],
        // No query returns YoungPerson: the gateway reaches it only through _entities.
        orphanedTypes: [YoungPerson],
      },
      youngPersonReferenceResolvers,
    ),
  createContext: createHealthContext,
  seeder: healthSeeder,
  policy: healthPolicy,
  // A YoungPerson is about the young person by NHS number, under the purpose social care granted.
  subjectOf: grantedSubjectOf<YoungPerson>((person) => person.nhsNumber),
};
