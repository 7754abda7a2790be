import { exitOnSignals } from '../shared/exit-on-signals';
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { createInternalTokenVerifier, InternalTokenRejected } from '../shared/internal-token';
import type { BoundOperation } from '../shared/operation-digest';
import { serveGraphQL } from '../shared/http';
import { openSharedState, SharedStateUnavailable } from '../shared/shared-state';
import { createLogger } from '../shared/logger';
import { seedAgency } from '../dev/synthetic/seed-agency';
import { grantChecks } from './access/grant-checks';
import { PurposeKind } from './access/purpose';
import { createGrantReader, createGrantSigner } from './access/access-grant';
import { grantSigning } from './access/grant-signing';
import { auditBeforeResponsePlugin } from './access/plugin';
import { ChainAnchoring } from './audit/anchors';
import { AuditChain } from './audit/chain';
import { RequestAccess } from './access/request-access';
import { systemClock } from './clock';
import { agencyConfigFromEnv, type AgencyConfig } from './config';
import { agencyContext, type AgencyContext, type LeadAgencyContext, type ReceivingAgencyContext, type RequestFacts } from './context';
import { openServiceDatabase } from './database';
import { databaseReadiness } from './readiness';
import { agencyMetrics, anchorMetrics, databaseMetrics } from './metrics';
import { ProcessMetrics } from '../shared/observability/metrics';
import { currentRequest } from '../shared/observability/request-log';
import { startTracing } from '../shared/observability/tracing';
import type { AgencyOrm, OnQuery } from './orm';
import type { AgencyService } from './service';

/** A cohort of 100 000 young people's identifiers, in social care's grant to each agency, with room to spare. */
const SUBGRAPH_MAX_BODY = '8mb';

export interface RunHooks {
  /** Called with every SQL statement sent (tests count them to prove batching). */
  onQuery?: OnQuery;
  /** No seeding progress on the terminal. */
  quiet?: boolean;
  /** Drop every table first and migrate from nothing (tests). */
  fresh?: boolean;
}

export interface RunningAgency {
  name: string;
  url: string;
  /** Where GET /metrics is served, if it is. */
  metricsPort?: number;
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
      const request = { viewerId: facts.viewer.id, requestId: facts.requestId };
      const signTogether = grantSigning(sign, request);
      const base: LeadAgencyContext = {
        ...agencyContext(facts),
        signGrant: (to, identifier, purpose, pack) =>
          pack
            ? sign({ ...request, audience: to.name, people: [{ identifier, purpose }], pack })
            : signTogether(to, { identifier, purpose }),
        signCohortGrant: (to, cohort) =>
          sign({ ...request, audience: to.name, purpose: { kind: PurposeKind.AGGREGATE_REPORTING }, cohort }),
      };
      return service.createContext(base);
    };
  }
  if (keys.kind !== 'receiving') throw new Error(`${agency.name} verifies social care's access grants: it needs GRANT_PUBLIC_JWK`);
  const read = await createGrantReader(keys.grantPublicJwk, agency.name, () => systemClock.now().getTime());
  return (facts) => {
    const base: ReceivingAgencyContext = { ...agencyContext(facts), ...grantChecks(read, facts) };
    return service.createContext(base);
  };
}

function bearer(req: IncomingMessage): string | undefined {
  return /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/**
 * The operation a request runs, as the token must name it: the gateway only POSTs one JSON operation,
 * so anything else (a GET's query string, a batch) is null and no token is good for it.
 */
function sentOperation(req: IncomingMessage & { body?: unknown }): BoundOperation | null {
  const body = req.body;
  if (req.method !== 'POST' || body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, operationName, variables } = body as BoundOperation;
  return { query, operationName, variables };
}

/**
 * Opens the database and migrates it (or checks it is migrated), seeds it if empty (when configured
 * to), and serves the agency's subgraph over HTTP.
 */
export async function runAgencyService(service: AgencyService, config: AgencyConfig, hooks: RunHooks = {}): Promise<RunningAgency> {
  const { agency } = service;
  const logger = createLogger(agency.name, config.logLevel);
  const metrics = new ProcessMetrics(agency.name);
  const countQuery = databaseMetrics(metrics);
  const orm = await openServiceDatabase(service, config.database, {
    onQuery: (sql, tookMs, statements) => {
      countQuery(sql, tookMs, statements);
      hooks.onQuery?.(sql, tookMs, statements);
    },
    // Development makes a missing database (and seeds it below); in production that is an error, not a fresh start.
    create: !config.production,
    migrate: config.migrateOnStart,
    statementTimeoutMs: config.statementTimeoutMs,
    fresh: hooks.fresh,
    onMigrated: ({ applied, adopted }) => {
      if (adopted) logger.warn('database made by the old start-up schema sync: its first migration is recorded as applied');
      if (applied.length > 0) logger.info({ migrations: applied }, `applied ${applied.length} migration(s)`);
    },
  });
  if (config.seed && !(await service.seeder.isSeeded(orm.em.fork()))) {
    logger.info({ size: config.seed.size, seed: config.seed.seed, asOf: config.seed.asOf }, 'empty database: seeding synthetic data');
    await seedAgency(orm, service, config.seed, !hooks.quiet);
  }

  const chain = new AuditChain(config.audit.keyring.current);
  const { anchorFolder, keyring } = config.audit;
  const anchoring = anchorFolder
    ? new ChainAnchoring(orm.em, keyring.current, agency.name, anchorFolder, logger, anchorMetrics(metrics))
    : null;
  await anchoring?.start(config.audit.anchorIntervalMs);

  const shared = openSharedState(config.redisUrl);
  const verifyGatewayToken = await createInternalTokenVerifier(config.keys.gatewayPublicJwk, agency.name, shared);
  const makeContext = await contextMaker(service, config);
  const schema = await service.buildSchema();
  const observeAuditWrite = agencyMetrics(metrics, orm);
  const http = await serveGraphQL<AgencyContext>(
    {
      schema,
      logger,
      readiness: async () => {
        const database = await databaseReadiness(orm, logger);
        const replayCache = await shared.check().then(
          () => `${shared.kind}: answering`,
          (err: Error) => `unavailable: ${err.message}`,
        );
        return { ...database, ready: database.ready && !replayCache.startsWith('unavailable'), replayCache };
      },
      shutdownGraceMs: config.shutdownGraceMs,
      metrics: { metrics, port: config.metricsPort },
      hideSuggestions: config.production,
      tls: config.tls,
      // Only the gateway's signed requests get past the token check; a cohort's grants name every member.
      maxBody: SUBGRAPH_MAX_BODY,
      plugins: [auditBeforeResponsePlugin(orm.em, chain, config.clock, logger, observeAuditWrite)],
      context: async ({ req }) => {
        let claims;
        try {
          claims = await verifyGatewayToken(bearer(req), sentOperation(req));
        } catch (err) {
          if (err instanceof SharedStateUnavailable) {
            logger.error({ err }, 'request refused: the replay cache cannot be checked');
            throw new GraphQLError("This service cannot check the gateway's token now. Try again shortly.", {
              extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
            });
          }
          if (!(err instanceof InternalTokenRejected)) throw err;
          logger.warn({ reason: err.message, ip: req.socket.remoteAddress }, 'request refused: not from the gateway');
          throw new GraphQLError('This service answers only the gateway.', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        // The access log line and every log line of this request carry the gateway's request id and the user.
        const entry = currentRequest();
        if (entry) Object.assign(entry, { requestId: claims.requestId, userId: claims.viewer.id });
        return makeContext({
          em: orm.em.fork(),
          now: config.clock.now(),
          viewer: claims.viewer,
          requestId: claims.requestId,
          access: new RequestAccess(claims.viewer, claims.requestId),
          policy: service.policy,
          audit: chain,
          cohortChunkSize: config.cohortChunkSize,
        });
      },
    },
    config.port,
    config.host,
  );
  return {
    name: agency.name,
    url: http.url,
    metricsPort: http.metricsPort,
    orm,
    async stop() {
      await http.stop();
      // After the last request's records, before the database closes: the head as the service left it.
      await anchoring?.stop();
      await shared.close();
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
  const tracing = startTracing(service.agency.name);
  runAgencyService(service, config)
    .then((running) => {
      logger.info(
        { url: running.url, metricsPort: running.metricsPort, tracesExported: tracing.exporting },
        `${service.agency.name} subgraph ready`,
      );
      exitOnSignals(running, tracing);
    })
    .catch((err: unknown) => {
      logger.fatal({ err }, `${service.agency.name} subgraph failed to start`);
      process.exit(1);
    });
}
