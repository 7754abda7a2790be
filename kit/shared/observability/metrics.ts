import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { RequestEntry } from './request-log';

/** Seconds: a health check takes milliseconds, a meeting pack across four agencies up to the deadline. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

/**
 * One process's Prometheus metrics: Node's own (memory, event loop, GC), every HTTP request's latency,
 * and the GraphQL error codes answered. Each kind of process adds its own (agency calls and circuits in
 * the gateway; audit writes and the database pool in a subgraph) to `registry`.
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'route' | 'status' | 'operation_type'>;
  private readonly errors: Counter<'code'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from a request arriving to its answer leaving, by route, HTTP status and GraphQL operation type.',
      labelNames: ['route', 'status', 'operation_type'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers, by code (AGENCY_UNAVAILABLE, WITHHELD, AUDIT_UNAVAILABLE, INTERNAL_SERVER_ERROR...).',
      labelNames: ['code'],
      registers: [this.registry],
    });
  }

  /** Called when a request's answer has gone (see logEachRequest). */
  readonly requestFinished = (entry: RequestEntry, status: number, seconds: number, route: string): void => {
    this.requests.observe({ route, status: String(status), operation_type: entry.operationType ?? 'none' }, seconds);
    for (const code of entry.errorCodes) this.errors.inc({ code });
  };

  counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, labelNames: L[], buckets = LATENCY_BUCKETS): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}

/**
 * Metrics are served on their own port, never beside /graphql: the gateway's port faces users, and
 * counts of requests and errors by agency are not theirs to read (a scraper's network reaches this one).
 */
export async function serveMetrics(metrics: ProcessMetrics, port: number, host: string): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics is served here.\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${err.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
