import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from './logger';
import { serveMetrics, type ProcessMetrics } from './observability/metrics';
import { logEachRequest, requestLogPlugin, resumeRequest } from './observability/request-log';
import { resumeTrace, traceEachRequest } from './observability/tracing';
import { wellFormedStringsPlugin } from './well-formed-strings';
import { withoutSuggestions } from './no-suggestions';
import type { ServerTls } from './tls-files';

/** Largest request body accepted from a client; a meeting tool's biggest query is a few kilobytes. */
export const MAX_BODY = '100kb';

/** Plugins every server of ours runs with: nothing is reported to Apollo or anyone else, no timings leak in traces. */
export function noOutboundCallsPlugins(): ApolloServerPlugin[] {
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled(), ApolloServerPluginInlineTraceDisabled()];
}

/**
 * Codes a client may see: its own mistakes (ours, Apollo's, or relayed from a subgraph by the gateway),
 * what was withheld, and what to try again later.
 */
const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'WITHHELD',
  'AUDIT_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'AGENCY_UNAVAILABLE',
  'RATE_LIMITED',
  'CONFLICT',
]);

/**
 * Errors a client may see: its own mistakes, with the code and field that say what was wrong.
 * Anything else is logged here and replaced by a bare message: no stack, no SQL, no internals.
 */
export function maskInternalErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      const { stacktrace: _drop, exception: _internal, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path }, 'internal error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** JSON errors for requests that never reach GraphQL (malformed JSON, oversized bodies). */
const bodyErrors: ErrorRequestHandler = (thrown, _req, res, next) => {
  if (res.headersSent) return next(thrown);
  // What body-parser throws: an http-errors error with a type.
  const err = (thrown ?? {}) as { status?: unknown; type?: unknown; message?: unknown };
  const status = typeof err.status === 'number' ? err.status : 500;
  const message =
    err.type === 'entity.too.large'
      ? `Request body is larger than the limit (${typeof (thrown as { limit?: unknown }).limit === 'number' ? `${(thrown as { limit: number }).limit} bytes` : MAX_BODY})`
      : err.type === 'entity.parse.failed'
        ? `Malformed JSON in request body: ${String(err.message)}`
        : status < 500
          ? typeof err.message === 'string'
            ? err.message
            : 'Bad request'
          : 'Internal server error';
  res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
};

/** What /health/ready says: ready or not, and whatever the process wants operators to see. */
export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

export interface GraphQLHttpOptions<Ctx extends BaseContext> {
  schema?: GraphQLSchema;
  apollo?: ConstructorParameters<typeof ApolloServer<Ctx>>[0];
  context: (args: ExpressContextFunctionArgument) => Promise<Ctx>;
  logger: Logger;
  plugins?: ApolloServerPlugin<Ctx>[];
  /** Whether this process can do its job now (a subgraph: read its database and write its audit). */
  readiness: () => Promise<Readiness>;
  /** Extra routes (mounted before /graphql). */
  routes?: (app: Express) => void;
  /** Run on /graphql after the body is parsed and before GraphQL (authentication, rate limits). */
  before?: RequestHandler[];
  /** Called last when the server stops (close connection pools). */
  onStop?: () => Promise<void>;
  /** How long a stop waits for requests in flight (default 10 s). */
  shutdownGraceMs?: number;
  /** This process's metrics, served on their own port (`port` null: not served). */
  metrics: { metrics: ProcessMetrics; port: number | null };
  /** Cut every "Did you mean ...?" from error messages (production: no schema spelled out without introspection). */
  hideSuggestions?: boolean;
  /** Serve HTTPS (mutual TLS when it names a client CA) rather than HTTP. */
  tls?: ServerTls;
  /** Largest request body (default MAX_BODY): a subgraph takes larger ones, a cohort's grant names every member. */
  maxBody?: string;
}

export interface RunningHttp {
  url: string;
  port: number;
  /** Where GET /metrics is served, if it is. */
  metricsPort?: number;
  /** Stops accepting, lets requests in flight finish (up to the grace period), then closes. */
  stop(): Promise<void>;
}

/**
 * Connections are kept open longer than any client keeps an idle one (the gateway drops its own after
 * 4 s), so a client never sends on a socket this server is closing.
 */
const KEEP_ALIVE_MS = 65_000;

/**
 * One Express app: POST /graphql; GET /health/live (the process answers) and /health/ready (it can
 * serve: 503 while it cannot, or while draining); JSON errors for bad bodies. Stopping drains: new
 * connections are refused, requests in flight finish within the grace period, responses meanwhile
 * ask the client to reconnect (elsewhere).
 */
export async function serveGraphQL<Ctx extends BaseContext>(
  options: GraphQLHttpOptions<Ctx>,
  port: number,
  host: string,
): Promise<RunningHttp> {
  const mask = maskInternalErrors(options.logger);
  const apollo = new ApolloServer<Ctx>({
    ...(options.apollo ?? { schema: options.schema! }),
    includeStacktraceInErrorResponses: false,
    // A GraphQL request must be JSON or carry a preflight-forcing header: no simple cross-site requests.
    csrfPrevention: true,
    formatError: options.hideSuggestions ? (formatted, error) => withoutSuggestions(mask(formatted, error)) : mask,
    plugins: [
      ...noOutboundCallsPlugins(),
      wellFormedStringsPlugin<Ctx>(),
      ...(options.plugins ?? [ApolloServerPluginLandingPageDisabled()]),
      requestLogPlugin(),
    ],
  });
  await apollo.start();

  let draining = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const app = express();
  app.disable('x-powered-by');
  const { metrics } = options.metrics;
  app.use(traceEachRequest, logEachRequest(options.logger, metrics.requestFinished));
  app.use((_req, res, next) => {
    inFlight++;
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      if (--inFlight === 0) drained?.();
    });
    next();
  });
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  const ready: RequestHandler = async (_req, res) => {
    const report = draining
      ? { ready: false, draining: true }
      : await options.readiness().catch((err: Error) => ({ ready: false, error: err.message }));
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'unavailable', ...report });
  };
  app.get('/health/ready', ready);
  app.get('/health', ready);
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: options.maxBody ?? MAX_BODY }),
    resumeTrace,
    resumeRequest,
    ...(options.before ?? []),
    expressMiddleware(apollo, { context: options.context }),
  );
  app.use(bodyErrors);

  const server = await listen(app, port, host, options.tls);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const actual = (server.address() as AddressInfo).port;
  const metricsServer = options.metrics.port === null ? undefined : await serveMetrics(metrics, options.metrics.port, host);
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${actual}/graphql`,
    port: actual,
    metricsPort: metricsServer?.port,
    async stop() {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idle = new Promise<void>((resolve) => {
        drained = resolve;
        if (inFlight === 0) resolve();
      });
      const grace = options.shutdownGraceMs ?? 10_000;
      const timedOut = await Promise.race([idle.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), grace).unref())]);
      if (timedOut) options.logger.warn({ inFlight, graceMs: grace }, 'shutdown: requests still in flight after the grace period were cut');
      server.closeAllConnections();
      await closed;
      await apollo.stop();
      await metricsServer?.close();
      await options.onStop?.();
    },
  };
}

/** HTTP, or HTTPS that with a client CA refuses any connection without a certificate that CA signed. */
function listen(app: Express, port: number, host: string, tls: ServerTls | undefined): Promise<Server> {
  const server = tls
    ? createHttpsServer(
        {
          cert: tls.cert,
          key: tls.key,
          minVersion: 'TLSv1.2',
          ...(tls.clientCa && { ca: tls.clientCa, requestCert: true, rejectUnauthorized: true }),
        },
        app,
      )
    : createHttpServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
