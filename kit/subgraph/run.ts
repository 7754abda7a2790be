import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { createInternalTokenVerifier, InternalTokenRejected } from '../shared/internal-token';
import { serveGraphQL } from '../shared/http';
import { createLogger } from '../shared/logger';
import { seedAgency } from '../dev/synthetic/seed-agency';
import { grantChecks } from './access/grant-checks';
import { createGrantSigner, createGrantVerifier } from './access/access-grant';
import { auditBeforeResponsePlugin } from './access/plugin';
import { RequestAccess } from './access/request-access';
import { systemClock } from './clock';
import { agencyConfigFromEnv, type AgencyConfig } from './config';
import { agencyContext, type AgencyContext, type LeadAgencyContext, type ReceivingAgencyContext, type RequestFacts } from './context';
import { openServiceDatabase } from './database';
import { databaseReadiness } from './readiness';
import type { AgencyOrm } from './orm';
import type { AgencyService } from './service';

export interface RunHooks {
  /** Called with every SQL statement sent (tests count them to prove batching). */
  onQuery?: (sql: string) => void;
  /** No seeding progress on the terminal. */
  quiet?: boolean;
  /** Drop and recreate the schema first (tests). */
  fresh?: boolean;
}

export interface RunningAgency {
  name: string;
  url: string;
  orm: AgencyOrm;
  stop(): Promise<void>;
}

/**
 * How a request's context is made for this kind of agency, decided once at start: the lead agency
 * signs grants, a receiving agency verifies them. Token checks use real time: the configured clock
 * may be pinned for the data's sake (tests, demos).
 */
async function contextMaker(service: AgencyService, config: AgencyConfig): Promise<(facts: RequestFacts) => AgencyContext> {
  const { agency } = service;
  const keys = config.keys;
  if (agency.kind === 'lead') {
    if (keys.kind !== 'lead') throw new Error(`${agency.name} signs access grants: it needs GRANT_PRIVATE_JWK`);
    const sign = await createGrantSigner(keys.grantPrivateJwk);
    return (facts) => {
      const base: LeadAgencyContext = {
        ...agencyContext(facts),
        signGrant: (to, identifier, purpose, pack) =>
          sign({ viewerId: facts.viewer.id, requestId: facts.requestId, audience: to.name, identifier, purpose, ...(pack && { pack }) }),
      };
      return service.createContext(base);
    };
  }
  if (keys.kind !== 'receiving') throw new Error(`${agency.name} verifies social care's access grants: it needs GRANT_PUBLIC_JWK`);
  const verify = await createGrantVerifier(keys.grantPublicJwk, agency.name, () => systemClock.now().getTime());
  return (facts) => {
    const base: ReceivingAgencyContext = { ...agencyContext(facts), ...grantChecks(verify, facts) };
    return service.createContext(base);
  };
}

function bearer(req: IncomingMessage): string | undefined {
  return /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** Opens the database, seeds it if empty (when configured to), and serves the agency's subgraph over HTTP. */
export async function runAgencyService(service: AgencyService, config: AgencyConfig, hooks: RunHooks = {}): Promise<RunningAgency> {
  const { agency } = service;
  const logger = createLogger(agency.name, config.logLevel);
  const orm = await openServiceDatabase(service, config.database, hooks.onQuery);
  if (hooks.fresh) await orm.schema.refreshDatabase();
  if (config.seed && !(await service.seeder.isSeeded(orm.em.fork()))) {
    logger.info({ size: config.seed.size, seed: config.seed.seed, asOf: config.seed.asOf }, 'empty database: seeding synthetic data');
    await seedAgency(orm, service, config.seed, !hooks.quiet);
  }

  const verifyGatewayToken = await createInternalTokenVerifier(config.keys.gatewayPublicJwk, agency.name);
  const makeContext = await contextMaker(service, config);
  const schema = await service.buildSchema();
  const http = await serveGraphQL<AgencyContext>(
    {
      schema,
      logger,
      readiness: () => databaseReadiness(orm, logger),
      shutdownGraceMs: config.shutdownGraceMs,
      plugins: [auditBeforeResponsePlugin(orm.em, config.clock, logger)],
      context: async ({ req }) => {
        let claims;
        try {
          claims = await verifyGatewayToken(bearer(req));
        } catch (err) {
          if (!(err instanceof InternalTokenRejected)) throw err;
          logger.warn({ reason: err.message, ip: req.socket.remoteAddress }, 'request refused: not from the gateway');
          throw new GraphQLError('This service answers only the gateway.', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        return makeContext({
          em: orm.em.fork(),
          now: config.clock.now(),
          viewer: claims.viewer,
          requestId: claims.requestId,
          access: new RequestAccess(claims.viewer, claims.requestId),
          policy: service.policy,
        });
      },
    },
    config.port,
    config.host,
  );
  return {
    name: agency.name,
    url: http.url,
    orm,
    async stop() {
      await http.stop();
      await orm.close(true);
    },
  };
}

/** Entry point of `node dist/subgraphs/<agency>/main.js`: configured from the environment, runs until SIGINT/SIGTERM. */
export function runAgencyMain(service: AgencyService): void {
  let config: AgencyConfig;
  try {
    config = agencyConfigFromEnv(service.agency);
  } catch (err) {
    console.error(`${service.agency.name}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const logger = createLogger(service.agency.name, config.logLevel);
  runAgencyService(service, config)
    .then((running) => {
      logger.info({ url: running.url }, `${service.agency.name} subgraph ready`);
      const shutdown = () => {
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((err: unknown) => {
      logger.fatal({ err }, `${service.agency.name} subgraph failed to start`);
      process.exit(1);
    });
}
