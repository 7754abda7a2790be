import { ApolloGateway } from '@apollo/gateway';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { knownOperationTypes } from './known-operation-types';
import { operationResolutionPlugin } from './operation-resolution';
import { OPERATION_LIMITS } from './limits/operation-limits';
import { costBudgetPlugin } from './limits/cost-budget';
import { limitConcurrentPerUser } from './limits/concurrency';
import { CircuitState } from 'cockatiel';
import cors from 'cors';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { randomUUID } from 'node:crypto';
import { createInternalTokenSigner } from '../kit/shared/internal-token';
import { openSharedState, type SharedState } from '../kit/shared/shared-state';
import type { Viewer } from '../kit/shared/roles';
import { serveGraphQL, type RunningHttp } from '../kit/shared/http';
import { createLogger, type Logger } from '../kit/shared/logger';
import { AgencyDataSource } from './agencies/agency-data-source';
import { watchSupergraph, type WatchedSupergraph } from './supergraph';
import { gatewayMetrics, type ObserveCall } from './agencies/metrics';
import { ProcessMetrics } from '../kit/shared/observability/metrics';
import { currentRequest } from '../kit/shared/observability/request-log';
import { createUserTokenVerifier, IdentityProviderUnavailable, Unauthenticated, userTokenKeys } from './auth';
import type { GatewayConfig } from './config';
import { mountExplorer } from './explorer';
import type { KeySource } from './identity/key-source';

export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
  /** When the answer is due (epoch ms): every agency call is cut short to meet it. */
  deadline: number;
}

const CIRCUIT_STATES: Record<CircuitState, string> = {
  [CircuitState.Closed]: 'answering',
  [CircuitState.HalfOpen]: 'being tried again',
  [CircuitState.Open]: 'not answering (circuit open)',
  [CircuitState.Isolated]: 'isolated by an operator',
};

/**
 * The gateway runs the supergraph file (composed at build time, never fetched; reloaded when it
 * changes, see ./supergraph) and talks only to its own subgraphs, at the configured URLs, each with a token it signs for that subgraph and this request, within the
 * request's time budget (gateway/agencies). Apollo's usage telemetry is switched off here, in code,
 * before construction: @apollo/gateway otherwise starts an OTLP metrics exporter to Apollo unless the
 * variable is set.
 */
export async function createGateway(
  config: GatewayConfig,
  logger: Logger,
  observe?: { calls?: ObserveCall; supergraphReloads?: (outcome: 'loaded' | 'refused') => void },
): Promise<{ gateway: ApolloGateway; agencies: Map<string, AgencyDataSource>; supergraph: WatchedSupergraph }> {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const sign = await createInternalTokenSigner(config.signingJwk);
  const agencies = new Map<string, AgencyDataSource>();
  const supergraph = watchSupergraph(config.supergraphPath, {
    pollMs: config.supergraphPollMs,
    urls: config.subgraphUrls,
    logger,
    onReload: observe?.supergraphReloads,
  });
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.manager,
    buildService: ({ name }) => {
      // Called again for every supergraph loaded: the agency keeps its connections and its circuit.
      const existing = agencies.get(name);
      if (existing) return existing;
      const source = new AgencyDataSource(name, {
        // Checked for every subgraph before a supergraph is used (checkSupergraph).
        url: config.subgraphUrls[name],
        budgets: config.budgets,
        tls: config.subgraphTls,
        logger,
        observe: observe?.calls,
        async authorise(request, context) {
          // Health checks and the gateway's own fetches carry no user: they get no token.
          const { viewer, requestId } = context as Partial<GatewayContext>;
          if (!viewer || !requestId) return;
          // Bound to exactly what is sent: the data source serialises request.query, .operationName and .variables after this.
          const operation = { query: request.query, operationName: request.operationName, variables: request.variables };
          request.http?.headers.set('authorization', `Bearer ${await sign(name, { viewer, requestId, operation })}`);
          // The agency logs under the same id (its token carries it too, signed).
          request.http?.headers.set('x-request-id', requestId);
        },
      });
      agencies.set(name, source);
      return source;
    },
  });
  return { gateway, agencies, supergraph };
}

/**
 * Verifies the user's token before anything else: 401 with a JSON error when it is missing or wrong;
 * 503 when the identity provider's keys are needed and cannot be had (the session may be fine: the
 * client should try again, not sign the user out).
 */
function authenticate(config: GatewayConfig, keys: KeySource, logger: Logger): RequestHandler {
  const verify = createUserTokenVerifier(config.userTokens, keys);
  return (req, res, next) => {
    verify(req.headers.authorization).then(
      (viewer) => {
        // The request id is the access log's (the caller's x-request-id when it is plainly one).
        const entry = currentRequest();
        if (entry) entry.userId = viewer.id;
        res.locals.viewer = viewer;
        res.locals.deadline = Date.now() + config.budgets.requestDeadlineMs;
        res.locals.requestId = entry?.requestId ?? randomUUID();
        next();
      },
      (err) => {
        if (err instanceof IdentityProviderUnavailable) {
          // Info, like a 401: the key source warns once per failed fetch, with the provider's address.
          logger.info({ retryAfterSeconds: err.retryAfterSeconds }, 'request refused: identity provider unavailable');
          res.setHeader('retry-after', String(err.retryAfterSeconds));
          res
            .status(503)
            .json({ errors: [{ message: err.message, extensions: { code: 'IDENTITY_PROVIDER_UNAVAILABLE', retryable: true } }] });
          return;
        }
        if (!(err instanceof Unauthenticated)) return next(err);
        logger.info({ reason: err.message }, 'request refused: not authenticated');
        res.status(401).json({ errors: [{ message: err.message, extensions: { code: 'UNAUTHENTICATED' } }] });
      },
    );
  };
}

/**
 * Per user, not per address: many practitioners share an office's address. Counted in the shared store,
 * so the limit holds across replicas; if the store is away requests pass uncounted (readiness says so), because a
 * meeting must not stop for want of a counter.
 */
function limitPerUser(config: GatewayConfig, shared: SharedState): RequestHandler {
  const store = shared.rateLimitStore();
  return rateLimit({
    ...(store && { store }),
    passOnStoreError: true,
    windowMs: 60_000,
    limit: config.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => (res.locals.viewer as Viewer).id,
    handler: (_req, res) =>
      res.status(429).json({
        errors: [
          {
            message: `Rate limit: at most ${config.rateLimitPerMinute} requests a minute per user. Try again shortly.`,
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      }),
  });
}

export async function startGateway(config: GatewayConfig): Promise<RunningHttp> {
  const logger = createLogger('gateway', config.logLevel);
  const metrics = new ProcessMetrics('gateway');
  const shared = openSharedState(config.redisUrl);
  // The map fills as the gateway loads the supergraph; the circuits are read from it when scraped.
  let agencies = new Map<string, AgencyDataSource>();
  const observe = gatewayMetrics(metrics, () => [...agencies].map(([name, source]) => [name, source.breaker.state]));
  const supergraphReloads = metrics.counter(
    'supergraph_reloads_total',
    'Changed supergraph files found, by outcome: loaded, or refused (invalid: the one in use stays).',
    ['outcome'],
  );
  const created = await createGateway(config, logger, {
    calls: observe,
    supergraphReloads: (outcome) => supergraphReloads.inc({ outcome }),
  });
  const { gateway } = created;
  agencies = created.agencies;
  const keys = userTokenKeys(config.userTokens, logger);
  // Fetched now rather than by the first request or readiness probe; a failure here is logged and retried on use.
  void keys.status();
  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    // Counted by graphql's own parser instead (parseOptions below): armor's re-parses in a hook, so its
    // refusals, and every syntax error, came out as 500s.
    maxTokens: { enabled: false },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  return serveGraphQL<GatewayContext>(
    {
      apollo: {
        gateway,
        introspection: !config.production,
        parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
        validationRules: [knownOperationTypes, ...armor.validationRules],
      },
      plugins: [
        ...(armor.plugins as never[]),
        operationResolutionPlugin<GatewayContext>(),
        costBudgetPlugin<GatewayContext>({
          perMinute: config.costPerMinute,
          maxOperationCost: OPERATION_LIMITS.maxCost,
          store: shared,
          logger,
        }),
        ApolloServerPluginLandingPageDisabled(),
      ],
      hideSuggestions: config.production,
      logger,
      shutdownGraceMs: config.shutdownGraceMs,
      metrics: { metrics, port: config.metricsPort },
      // Ready with a supergraph loaded (it is, by now) and keys to verify users' tokens with (current,
      // or stale within the grace). Each agency's circuit is reported, not required: when one agency
      // is down the others still answer; nor are rate limits (requests pass uncounted without Redis).
      readiness: async () => {
        const identity = await keys.status();
        return {
          ready: identity.ready,
          identityProvider: identity.state,
          supergraph: created.supergraph.state(),
          rateLimits: await shared.check().then(
            () => `${shared.kind}: counting`,
            (err: Error) => `not counting (the shared store is unavailable): ${err.message}`,
          ),
          agencies: Object.fromEntries([...agencies].map(([name, source]) => [name, CIRCUIT_STATES[source.breaker.state]])),
        };
      },
      routes: (app) => {
        app.use(
          '/graphql',
          cors({
            origin: config.corsOrigins,
            methods: ['POST'],
            allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight'],
          }),
        );
        if (!config.production) mountExplorer(app, { identityProvider: config.userTokens.issuer });
      },
      before: [authenticate(config, keys, logger), limitPerUser(config, shared), limitConcurrentPerUser(config.maxConcurrentPerUser)],
      context: ({ res }) =>
        Promise.resolve({
          viewer: res.locals.viewer as Viewer,
          requestId: res.locals.requestId as string,
          deadline: res.locals.deadline as number,
        }),
      onStop: async () => {
        await Promise.all([...agencies.values()].map((a) => a.close()));
        await shared.close();
      },
    },
    config.port,
    config.host,
  );
}
