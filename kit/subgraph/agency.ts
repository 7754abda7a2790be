import type { EntityClass, EntityManager } from '@mikro-orm/core';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { JWK } from 'jose';
import { mkdirSync } from 'node:fs';
import { grantChecks, type GrantedPurpose } from './access/grant-checks';
import type { AgencyPolicy } from './access/policy';
import { auditBeforeResponsePlugin } from './access/plugin';
import { RequestAccess, type Subject } from './access/request-access';
import { AuditRecord } from './audit/audit-record';
import { createGrantSigner, createGrantVerifier, type AccessGrant, type GrantAudience } from './access/access-grant';
import { createInternalTokenVerifier, InternalTokenRejected } from '../shared/internal-token';
import { jwkFromEnv } from '../shared/keys';
import type { Purpose } from './access/purpose';
import type { Viewer } from '../shared/roles';
import { dirname } from 'node:path';
import { clockFromEnv, systemClock, type Clock } from './clock';
import { ukDate } from './dates';
import { serveGraphQL } from '../shared/http';
import { createLogger } from '../shared/logger';
import { isPostgres, openAgencyDatabase, type AgencyOrm } from './orm';
import { population, populationOptionsFromEnv, type PopulationOptions, type SyntheticYoungPerson } from '../dev/synthetic/population';
import { progressReporter } from '../dev/synthetic/progress';

export type AgencyName = 'social-care' | 'education' | 'health' | 'police';

/** Social care signs access grants; the other agencies verify them. */
export interface AgencyGrants {
  sign?: (grant: AccessGrant) => Promise<string>;
  verify?: (token: unknown, expected: { viewerId: string; requestId: string; identifier: string | null }) => Promise<Purpose>;
}

/** What every resolver of every agency gets: its own unit of work, the one clock, and who is asking. */
export interface AgencyContext {
  em: EntityManager;
  clock: Clock;
  /** The gateway's request id (from its signed token): the same in every agency's audit. */
  requestId: string;
  /** The user, as the gateway verified them. */
  viewer: Viewer;
  access: RequestAccess;
  policy: AgencyPolicy;
  grants: AgencyGrants;
  /** Verifies social care's grant for one young person, batched per request (access/grant-checks.ts). Not in social care. */
  grantedPurpose: GrantedPurpose;
  subjectOf(typeName: string, root: unknown): Promise<Subject | undefined> | Subject | undefined;
}

export interface AgencySeeder {
  /** True when the database already holds this agency's data. */
  isSeeded(em: EntityManager): Promise<boolean>;
  /** Persists (without flushing) everything this agency holds about one synthetic young person. */
  seedPerson(em: EntityManager, person: SyntheticYoungPerson, options: PopulationOptions): void;
}

/** One agency subgraph: everything the shared bootstrap needs to know about it. */
export interface AgencyService<Ctx extends AgencyContext = AgencyContext> {
  name: AgencyName;
  defaultPort: number;
  entities: EntityClass<unknown>[];
  buildSchema(): Promise<GraphQLSchema>;
  createContext(base: AgencyContext): Ctx;
  seeder: AgencySeeder;
  /** The agency's sharing rules (subgraphs/<agency>/policy.ts). */
  policy: AgencyPolicy;
  /** The young person an object of this type is about, and the purpose it is read under. */
  subjectOf(typeName: string, root: unknown, ctx: Ctx): Promise<Subject | undefined> | Subject | undefined;
}

/** Public and private keys a subgraph works with, as JWKs. */
export interface AgencyKeys {
  /** Verifies the gateway's per-request tokens. */
  gatewayPublicJwk: JWK;
  /** Social care only: signs access grants. */
  grantPrivateJwk?: JWK;
  /** Other agencies: verify social care's access grants. */
  grantPublicJwk?: JWK;
}

export function agencyKeysFromEnv(name: AgencyName, env: NodeJS.ProcessEnv = process.env): AgencyKeys {
  return {
    gatewayPublicJwk: jwkFromEnv(env, 'GATEWAY_PUBLIC_JWK'),
    ...(name === 'social-care' ? { grantPrivateJwk: jwkFromEnv(env, 'GRANT_PRIVATE_JWK') } : { grantPublicJwk: jwkFromEnv(env, 'GRANT_PUBLIC_JWK') }),
  };
}

async function grantsFor(name: AgencyName, keys: AgencyKeys, clock: Clock): Promise<AgencyGrants> {
  if (keys.grantPrivateJwk) return { sign: await createGrantSigner(keys.grantPrivateJwk) };
  if (!keys.grantPublicJwk) throw new Error(`${name}: no key to verify social care's access grants`);
  return { verify: await createGrantVerifier(keys.grantPublicJwk, name as GrantAudience, () => clock.now().getTime()) };
}

/** Per request. Social care signs grants and has none to check: asking it to is a bug, and says so. */
function grantedPurposeFor(name: AgencyName, grants: AgencyGrants, request: { viewer: Viewer; requestId: string; access: RequestAccess }): GrantedPurpose {
  if (grants.verify) return grantChecks(grants.verify, request);
  return async () => {
    throw new Error(`${name} signs access grants and checks none: grantedPurpose is for the agencies that receive them`);
  };
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer (.+)$/i.exec(header ?? '');
  return m?.[1];
}

export interface RunOptions {
  port?: number;
  database?: string;
  clock?: Clock;
  /** false: never seed; otherwise seed an empty database with these options. */
  seed?: PopulationOptions | false;
  onQuery?: (sql: string) => void;
  quiet?: boolean;
  /** Defaults to the keys in the environment (GATEWAY_PUBLIC_JWK, GRANT_*_JWK). */
  keys?: AgencyKeys;
  /** Drop and recreate the schema first (tests). */
  fresh?: boolean;
}

export interface RunningAgency {
  name: AgencyName;
  url: string;
  orm: AgencyOrm;
  stop(): Promise<void>;
}

export function databaseFor(name: AgencyName, env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? `data/${name}.db`;
}

export async function openDatabaseFor(service: AgencyService<any>, database: string, onQuery?: (sql: string) => void) {
  if (!isPostgres(database) && database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  // Every agency keeps its own audit log in its own database.
  return openAgencyDatabase({ entities: [...service.entities, AuditRecord], database, onQuery });
}

const SEED_BATCH = 500;

/** Seeds the agency's share of the population, flushing in batches so memory stays flat at any size. */
export async function seedAgency(
  orm: AgencyOrm,
  service: AgencyService<any>,
  options: PopulationOptions,
  showProgress = true,
): Promise<void> {
  const progress = showProgress ? progressReporter(service.name, options.size) : undefined;
  let em = orm.em.fork();
  let done = 0;
  for (const person of population(options)) {
    service.seeder.seedPerson(em, person, options);
    if (++done % SEED_BATCH === 0 || done === options.size) {
      await em.flush();
      em = orm.em.fork();
      progress?.update(done);
    }
  }
}

/** Opens the database, seeds it if empty, and serves the agency's subgraph over HTTP. */
export async function runAgencyService<Ctx extends AgencyContext>(
  service: AgencyService<Ctx>,
  options: RunOptions = {},
): Promise<RunningAgency> {
  const logger = createLogger(service.name);
  // Configuration first: a missing key is reported before any database work.
  const keys = options.keys ?? agencyKeysFromEnv(service.name);
  const clock = options.clock ?? clockFromEnv();
  const database = options.database ?? databaseFor(service.name);
  const orm = await openDatabaseFor(service, database, options.onQuery);
  if (options.fresh) await orm.schema.refreshDatabase();

  // Synthetic data never goes into a production database unless asked for by name.
  const seedByDefault = process.env.NODE_ENV !== 'production' || process.env.SEED_SYNTHETIC === 'true';
  const seed = options.seed ?? (seedByDefault ? populationOptionsFromEnv(process.env, ukDate(clock.now())) : false);
  if (seed && !(await service.seeder.isSeeded(orm.em.fork()))) {
    logger.info({ size: seed.size, seed: seed.seed, asOf: seed.asOf }, 'empty database: seeding synthetic data');
    await seedAgency(orm, service, seed, !options.quiet);
  }

  // Token checks use real time: the clock may be pinned for the data's sake (tests, demos).
  const verifyGatewayToken = await createInternalTokenVerifier(keys.gatewayPublicJwk, service.name);
  const grants = await grantsFor(service.name, keys, systemClock);
  const schema = await service.buildSchema();
  const port = options.port ?? Number(process.env.PORT ?? service.defaultPort);
  const http = await serveGraphQL<Ctx>(
    {
      schema,
      logger,
      health: () => orm.isConnected(),
      plugins: [auditBeforeResponsePlugin(orm.em, clock, logger)],
      context: async ({ req }) => {
        let claims;
        try {
          claims = await verifyGatewayToken(bearer(req.headers.authorization));
        } catch (err) {
          if (!(err instanceof InternalTokenRejected)) throw err;
          logger.warn({ reason: err.message, ip: req.socket.remoteAddress }, 'request refused: not from the gateway');
          throw new GraphQLError('This service answers only the gateway.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        const access = new RequestAccess(claims.viewer, claims.requestId);
        const ctx = service.createContext({
          em: orm.em.fork(),
          clock,
          requestId: claims.requestId,
          viewer: claims.viewer,
          access,
          policy: service.policy,
          grants,
          grantedPurpose: grantedPurposeFor(service.name, grants, { viewer: claims.viewer, requestId: claims.requestId, access }),
          subjectOf: () => undefined,
        });
        ctx.subjectOf = (typeName, root) => service.subjectOf(typeName, root, ctx);
        return ctx;
      },
    },
    port,
  );
  return {
    name: service.name,
    url: http.url,
    orm,
    async stop() {
      await http.stop();
      await orm.close(true);
    },
  };
}

/** Entry point for `node dist/subgraphs/<agency>/main.js`: runs until SIGINT/SIGTERM. */
export function main(service: AgencyService<any>): void {
  const logger = createLogger(service.name);
  runAgencyService(service)
    .then((running) => {
      logger.info({ url: running.url }, `${service.name} subgraph ready`);
      const shutdown = () => {
        running.stop().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((err) => {
      logger.fatal({ err }, `${service.name} subgraph failed to start`);
      process.exit(1);
    });
}
