import { ApolloGateway } from '@apollo/gateway';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { knownOperationTypes } from './known-operation-types';
import { CircuitState } from 'cockatiel';
import cors from 'cors';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInternalTokenSigner } from '../kit/shared/internal-token';
import type { Viewer } from '../kit/shared/roles';
import { serveGraphQL, type RunningHttp } from '../kit/shared/http';
import { createLogger, type Logger } from '../kit/shared/logger';
import { AgencyDataSource } from './agencies/agency-data-source';
import { createUserTokenVerifier, Unauthenticated } from './auth';
import type { GatewayConfig } from './config';
import { mountExplorer } from './explorer';

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

/** Operation limits (graphql-armor): what a meeting tool needs, with room, and no more. */
export const OPERATION_LIMITS = { maxDepth: 12, maxAliases: 10, maxTokens: 4000, maxDirectives: 20, maxCost: 20000 };

/**
 * The gateway runs the committed supergraph (composed at build time, never fetched) and talks only
 * to its own subgraphs, each with a token it signs for that subgraph and this request, within the
 * request's time budget (gateway/agencies). Apollo's usage telemetry is switched off here, in code,
 * before construction: @apollo/gateway otherwise starts an OTLP metrics exporter to Apollo unless the
 * variable is set.
 */
export async function createGateway(
  config: GatewayConfig,
  logger: Logger,
): Promise<{ gateway: ApolloGateway; agencies: Map<string, AgencyDataSource> }> {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const sign = await createInternalTokenSigner(config.signingJwk);
  const agencies = new Map<string, AgencyDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name, url }) => {
      const source = new AgencyDataSource(name, {
        url: config.subgraphUrls[name] ?? url!,
        budgets: config.budgets,
        logger,
        async authorise(request, context) {
          // Health checks and the gateway's own fetches carry no user: they get no token.
          const { viewer, requestId } = context as Partial<GatewayContext>;
          if (!viewer || !requestId) return;
          request.http?.headers.set('authorization', `Bearer ${await sign(name, { viewer, requestId })}`);
        },
      });
      agencies.set(name, source);
      return source;
    },
  });
  return { gateway, agencies };
}

/** Verifies the user's token before anything else; 401 with a JSON error when it is missing or wrong. */
function authenticate(config: GatewayConfig, logger: ReturnType<typeof createLogger>): RequestHandler {
  const verify = createUserTokenVerifier(config.userTokens);
  return (req, res, next) => {
    verify(req.headers.authorization).then(
      (viewer) => {
        const requestId = randomUUID();
        res.locals.viewer = viewer;
        res.locals.deadline = Date.now() + config.budgets.requestDeadlineMs;
        res.locals.requestId = requestId;
        res.setHeader('x-request-id', requestId);
        next();
      },
      (err) => {
        if (!(err instanceof Unauthenticated)) return next(err);
        logger.info({ reason: err.message }, 'request refused: not authenticated');
        res.status(401).json({ errors: [{ message: err.message, extensions: { code: 'UNAUTHENTICATED' } }] });
      },
    );
  };
}

/** Per user, not per address: many practitioners share an office's address. */
function limitPerUser(config: GatewayConfig): RequestHandler {
  return rateLimit({
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
  const { gateway, agencies } = await createGateway(config, logger);
  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    maxTokens: { n: OPERATION_LIMITS.maxTokens },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  return serveGraphQL<GatewayContext>(
    {
      apollo: { gateway, introspection: !config.production, validationRules: [knownOperationTypes, ...armor.validationRules] },
      plugins: [...(armor.plugins as never[]), ApolloServerPluginLandingPageDisabled()],
      logger,
      shutdownGraceMs: config.shutdownGraceMs,
      // Ready with a supergraph loaded; each agency's circuit is reported, not required: when one
      // agency is down the others still answer.
      readiness: () =>
        Promise.resolve({
          ready: true,
          agencies: Object.fromEntries([...agencies].map(([name, source]) => [name, CIRCUIT_STATES[source.breaker.state]])),
        }),
      routes: (app) => {
        app.use(
          '/graphql',
          cors({
            origin: config.corsOrigins,
            methods: ['POST'],
            allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight'],
          }),
        );
        if (!config.production) mountExplorer(app);
      },
      before: [authenticate(config, logger), limitPerUser(config)],
      context: ({ res }) =>
        Promise.resolve({
          viewer: res.locals.viewer as Viewer,
          requestId: res.locals.requestId as string,
          deadline: res.locals.deadline as number,
        }),
      onStop: () => Promise.all([...agencies.values()].map((a) => a.close())).then(() => undefined),
    },
    config.port,
    config.host,
  );
}
