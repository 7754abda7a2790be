import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { RequestHandler } from 'express';
import type { Env } from '../config';

export interface Tracing {
  /** Whether spans leave the process (an OTLP endpoint is configured). */
  exporting: boolean;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry for one process. Trace context always flows (W3C traceparent in from the caller, out to
 * the agencies, and the trace id in every log line), but spans leave the process only when an OTLP
 * endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the
 * standard variables; OTEL_TRACES_EXPORTER=none turns it off): by default nothing is sent anywhere.
 * @apollo/gateway's own spans (plan, fetch per agency) join the same traces.
 */
export function startTracing(service: string, env: Env = process.env): Tracing {
  const exporting =
    env.OTEL_TRACES_EXPORTER !== 'none' && Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    spanProcessors: exporting ? [new BatchSpanProcessor(new OTLPTraceExporter())] : [],
  });
  provider.register();
  return { exporting, shutdown: () => provider.shutdown() };
}

const tracer = () => trace.getTracer('nwd-multi-agency-graph');

/**
 * A server span per request, child of the caller's traceparent when there is one. The span and its
 * context are kept on res.locals so they can be re-entered after the body is read (body parsing
 * resumes in the socket's async context, not the request's).
 */
export const traceEachRequest: RequestHandler = (req, res, next) => {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan(
    `${req.method} ${req.path}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path } },
    parent,
  );
  res.once('finish', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  const active = trace.setSpan(parent, span);
  res.locals.traceContext = active;
  context.with(active, next);
};

/** Runs `next` in the request's trace context again (after body parsing). */
export const resumeTrace: RequestHandler = (_req, res, next) => {
  const active = res.locals.traceContext as Context | undefined;
  if (active) context.with(active, next);
  else next();
};

/** Adds the current trace context (traceparent) to an outgoing request's headers. */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}
