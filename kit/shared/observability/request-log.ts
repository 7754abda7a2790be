import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { trace } from '@opentelemetry/api';
import type { Logger } from 'pino';

/** What is known of the request being served, gathered as it goes and logged once when it ends. */
export interface RequestEntry {
  requestId: string;
  /** The user, once authenticated (the gateway) or once the gateway's token is verified (a subgraph). */
  userId?: string;
  operationName?: string;
  operationType?: string;
  /** The codes of the errors the answer carries (AGENCY_UNAVAILABLE, WITHHELD...). */
  errorCodes: string[];
}

const current = new AsyncLocalStorage<RequestEntry>();

/** Paths metrics are labelled by; anything else is 'other' (a scanner's random paths must not grow the label set). */
const ROUTES = new Set(['/graphql', '/health/ready', '/health/live', '/health', '/explorer']);

/** The request being served, if any: logs, metrics and plugins annotate it. */
export const currentRequest = (): RequestEntry | undefined => current.getStore();

/**
 * A request id from the caller (an ingress's x-request-id) is kept when it is plainly an id: letters,
 * digits and . _ : - , 8 to 128 of them. Anything else could forge log lines or flood them, and is replaced.
 */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Fields every log line written while serving a request carries (pino's mixin). */
export function requestLogFields(): Record<string, string> {
  const entry = current.getStore();
  const span = trace.getActiveSpan()?.spanContext();
  return {
    ...(entry && { requestId: entry.requestId, ...(entry.userId && { userId: entry.userId }) }),
    ...(span && { traceId: span.traceId }),
  };
}

/**
 * One access log line per request, when its answer has gone: id, user, operation, status, duration
 * and the error codes it carried. Never the query's variables: they name young people.
 */
export function logEachRequest(
  logger: Logger,
  onFinished?: (entry: RequestEntry, status: number, seconds: number, route: string) => void,
): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Read now: mounted routers rewrite req.path on the way in.
    const path = req.path;
    const entry: RequestEntry = { requestId: requestIdFrom(req.headers['x-request-id']), errorCodes: [] };
    res.setHeader('x-request-id', entry.requestId);
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      onFinished?.(entry, res.statusCode, seconds, ROUTES.has(path) ? path : 'other');
      if (path.startsWith('/health')) return;
      logger.info(
        {
          requestId: entry.requestId,
          userId: entry.userId,
          method: req.method,
          path,
          operationName: entry.operationName,
          operationType: entry.operationType,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1000),
          ...(entry.errorCodes.length > 0 && { errorCodes: [...new Set(entry.errorCodes)] }),
        },
        'request',
      );
    });
    res.locals.requestEntry = entry;
    current.run(entry, next);
  };
}

/**
 * Names the operation and collects the error codes of its answer for the access log. Runs last, so the
 * codes other plugins add (WITHHELD, AUDIT_UNAVAILABLE) are counted.
 */
export function requestLogPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      const entry = current.getStore();
      return Promise.resolve({
        didResolveOperation({ operationName, operation }) {
          if (!entry) return Promise.resolve();
          entry.operationName = operationName ?? undefined;
          entry.operationType = operation?.operation;
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          if (entry && response.body.kind === 'single') {
            for (const e of response.body.singleResult.errors ?? [])
              entry.errorCodes.push(typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN');
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/** Runs `next` as part of the request again (after body parsing, which resumes in the socket's context). */
export const resumeRequest: RequestHandler = (_req, res, next) => {
  const entry = res.locals.requestEntry as RequestEntry | undefined;
  if (entry) current.run(entry, next);
  else next();
};
