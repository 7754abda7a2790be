import type { EntityClass, EntityManager } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { LeadAgency, ReceivingAgency } from '../shared/agencies';
import type { PopulationOptions, SyntheticYoungPerson } from '../dev/synthetic/population';
import type { SeedingSession } from '../dev/synthetic/seeding-session';
import type { SubjectOf } from './access/guard';
import type { AgencyPolicy } from './access/policy';
import type { AgencyContext, LeadAgencyContext, ReceivingAgencyContext } from './context';
import { buildAgencySubgraphSchema, type SubgraphSchemaParts } from './federation';
import { receivingCohortReferenceResolver, type ReceivedCohortClass } from './outcomes/receiving';
import {
  receivingReferenceResolvers,
  receivingSubjectOf,
  type ReceivedMeetingPackClass,
  type ReceivedYoungPersonClass,
} from './receiving/young-person';

/** How an agency fills its database from the shared synthetic population (development and demos only). */
export interface AgencySeeder {
  /** True when the database already holds this agency's data. */
  isSeeded(em: EntityManager): Promise<boolean>;
  /** Persists (without flushing) everything this agency holds about one synthetic young person. */
  seedPerson(em: SeedingSession, person: SyntheticYoungPerson, options: PopulationOptions): void;
}

/** One agency subgraph: everything the shared bootstrap needs. Each agency's service.ts exports one, as `service`. */
export interface AgencyService<
  Kind extends LeadAgency | ReceivingAgency = LeadAgency | ReceivingAgency,
  Ctx extends AgencyContext = AgencyContext,
> {
  /** Its row in the agencies table. */
  agency: Kind;
  entities: EntityClass<unknown>[];
  policy: AgencyPolicy;
  seeder: AgencySeeder;
  buildSchema(): Promise<GraphQLSchema>;
  /** The request's context: the kit's, plus the agency's own (its loaders), in one step. */
  createContext(base: Kind extends LeadAgency ? LeadAgencyContext : ReceivingAgencyContext): Ctx;
}

export type LeadAgencyService = AgencyService<LeadAgency>;
export type ReceivingAgencyService = AgencyService<ReceivingAgency>;

interface CommonParts<Ctx extends AgencyContext, Base extends AgencyContext> {
  entities: EntityClass<unknown>[];
  policy: AgencyPolicy;
  seeder: AgencySeeder;
  resolvers: SubgraphSchemaParts<Ctx>['resolvers'];
  /** The kit's context plus the agency's own (its loaders), in one step. */
  createContext(base: Base): Ctx;
}

function serviceOf<Kind extends LeadAgency | ReceivingAgency, Ctx extends AgencyContext>(
  agency: Kind,
  parts: CommonParts<Ctx, Kind extends LeadAgency ? LeadAgencyContext : ReceivingAgencyContext>,
  buildSchema: () => Promise<GraphQLSchema>,
): AgencyService<Kind, Ctx> {
  return {
    agency,
    entities: parts.entities,
    policy: parts.policy,
    seeder: parts.seeder,
    createContext: (base) => parts.createContext(base),
    buildSchema,
  };
}

/** The lead agency: its own queries, reference resolvers and subjects (young people, meetings). */
export function defineLeadAgency<Ctx extends LeadAgencyContext>(
  agency: LeadAgency,
  parts: CommonParts<Ctx, LeadAgencyContext> & {
    referenceResolvers: SubgraphSchemaParts<Ctx>['referenceResolvers'];
    subjectOf: SubjectOf<Ctx>;
  },
): AgencyService<LeadAgency, Ctx> {
  return serviceOf(agency, parts, () => buildAgencySubgraphSchema<Ctx>(parts));
}

/**
 * A receiving agency: YoungPerson is reached only through the gateway's _entities, by the agency's
 * own identifier, under social care's grant (receiving/young-person.ts). `findRecord` loads the
 * agency's own record of a young person by that identifier.
 */
export function defineReceivingAgency<Ctx extends ReceivingAgencyContext, Owner>(
  agency: ReceivingAgency,
  parts: CommonParts<Ctx, ReceivingAgencyContext> & {
    youngPerson: ReceivedYoungPersonClass<Owner>;
    /** The agency's MeetingPack type (receivingMeetingPackType), with its part of a meeting's pack. */
    meetingPack: ReceivedMeetingPackClass<Owner>;
    /** The agency's CohortOutcomes type (receivingCohortType), with its figures about a cohort; absent: it reports none. */
    cohortOutcomes?: ReceivedCohortClass;
    findRecord(ctx: Ctx, identifier: string): Promise<Owner | null>;
  },
): AgencyService<ReceivingAgency, Ctx> {
  return serviceOf(agency, parts, () =>
    buildAgencySubgraphSchema<Ctx>({
      resolvers: parts.resolvers,
      // No query returns YoungPerson: type-graphql must be told to keep it.
      orphanedTypes: [parts.youngPerson, parts.meetingPack, ...(parts.cohortOutcomes ? [parts.cohortOutcomes] : [])],
      referenceResolvers: {
        ...receivingReferenceResolvers(agency, parts.youngPerson, parts.meetingPack, (ctx: Ctx, identifier: string) =>
          parts.findRecord(ctx, identifier),
        ),
        ...(parts.cohortOutcomes && {
          CohortOutcomes: { __resolveReference: receivingCohortReferenceResolver<Ctx>(agency, parts.cohortOutcomes) },
        }),
      },
      subjectOf: receivingSubjectOf,
    }),
  );
}
