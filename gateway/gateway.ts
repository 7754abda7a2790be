import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { knownOperationTypes } from './known-operation-types';
import cors from 'cors';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInternalTokenSigner } from '../kit/shared/internal-token';
import type { Viewer } from '../kit/shared/roles';
import { serveGraphQL, type RunningHttp } from '../kit/shared/http';
import { createLogger } from '../kit/shared/logger';
import { createUserTokenVerifier, Unauthenticated } from './auth';
import type { GatewayConfig } from './config';
import { mountExplorer } from './explorer';

export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
}

/** Operation limits (graphql-armor): what a meeting tool needs, with room, and no more. */
export const OPERATION_LIMITS = { maxDepth: 12, maxAliases: 10, maxTokens: 4000, maxDirectives: 20, maxCost: 20000 };

/**
 * The gateway runs the committed supergraph (composed at build time, never fetched) and talks only
 * to its own subgraphs, each with a token it signs for that subgraph and this request. Apollo's usage
 * telemetry is switched off here, in code, before construction: @apollo/gateway otherwise starts an
 * OTLP metrics exporter to Apollo unless the variable is set.
 */
export async function createGateway(config: GatewayConfig): Promise<ApolloGateway> {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const sign = await createInternalTokenSigner(config.signingJwk);
  return new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: config.subgraphUrls[name] ?? url,
        async willSendRequest({ request, context }) {
          // Health checks and the gateway's own fetches carry no user: they get no token.
          const { viewer, requestId } = context as Partial<GatewayContext>;
          if (!viewer || !requestId) return;
          const token = await sign(name, { viewer, requestId });
          request.http?.headers.set('authorization', `Bearer ${token}`);
        },
      }),
  });
}

/** Verifies the user's token before anything else; 401 with a JSON error when it is missing or wrong. */
function authenticate(config: GatewayConfig, logger: ReturnType<typeof createLogger>): RequestHandler {
  const verify = createUserTokenVerifier(config.userTokens);
  return (req, res, next) => {
    verify(req.headers.authorization).then(
      (viewer) => {
        const requestId = randomUUID();
        res.locals.viewer = viewer;
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
  const gateway = await createGateway(config);
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
      health: () => Promise.resolve(true),
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
      context: ({ res }) => Promise.resolve({ viewer: res.locals.viewer as Viewer, requestId: res.locals.requestId as string }),
    },
    config.port,
    config.host,
  );
}
