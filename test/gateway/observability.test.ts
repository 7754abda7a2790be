import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AGENCIES } from '../../kit/shared/agencies';
import { PERSONAS } from '../../kit/dev/personas';
import { startTracing } from '../../kit/shared/observability/tracing';
import { startTestGraph, type TestGraph } from '../support/graph';
import { operation } from '../../scripts/operations';
import { matchedEverywhere } from './graph-suite';

/**
 * What an operator sees of one request (README, "Operating it"): a trace across the gateway and the
 * agencies joined to the caller's traceparent, one access log line per process under one request id
 * (never the young person's id), and metrics on a port of their own.
 */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}
interface OtlpExport {
  resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}
type ExportedSpan = OtlpSpan & { service: string };

const VIEW = operation('multi-agency-view');
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const REQUEST_ID = 'meeting-tool-0001';

/** A stand-in OpenTelemetry collector: what the processes export over OTLP/HTTP (JSON). */
async function startCollector(): Promise<{ url: string; spans: ExportedSpan[]; close(): Promise<void> }> {
  const spans: ExportedSpan[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const exported = JSON.parse(body) as OtlpExport;
      for (const { resource, scopeSpans } of exported.resourceSpans) {
        const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const scope of scopeSpans) spans.push(...scope.spans.map((s) => ({ ...s, service })));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const logLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

async function until<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const metricValue = (text: string, name: string, labels: Record<string, string>): number | undefined => {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('observing the graph', () => {
  let graph: TestGraph;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let answer: Response;

  beforeAll(async () => {
    collector = await startCollector();
    graph = await startTestGraph('sqlite', {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100', LOG_LEVEL: 'info' },
    });
    answer = await fetch(graph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await graph.token('socialWorker')}`,
        traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01`,
        'x-request-id': REQUEST_ID,
      },
      body: JSON.stringify({ query: VIEW.document, variables: { id: matchedEverywhere.id } }),
    });
  }, 240_000);
  afterAll(async () => {
    await graph?.stop();
    await collector?.close();
  }, 60_000);

  it("joins the caller's trace: the gateway's span is the caller's child, and each agency's is the gateway's", async () => {
    expect(answer.status).toBe(200);
    const agencies = AGENCIES.map((a) => a.name);
    const spans = await until('spans from the gateway and every agency', () => {
      const inTrace = collector.spans.filter((s) => s.traceId === TRACE_ID);
      const services = new Set(inTrace.map((s) => s.service));
      return ['gateway', ...agencies].every((s) => services.has(s)) ? inTrace : undefined;
    });
    const gatewaySpans = spans.filter((s) => s.service === 'gateway');
    expect(gatewaySpans.some((s) => s.parentSpanId === CALLER_SPAN)).toBe(true);
    const gatewaySpanIds = new Set(gatewaySpans.map((s) => s.spanId));
    for (const agency of agencies) {
      const server = spans.filter((s) => s.service === agency);
      expect(server.some((s) => s.parentSpanId !== undefined && gatewaySpanIds.has(s.parentSpanId))).toBe(true);
    }
  });

  it("logs one access line per process under the caller's request id, with the user and operation but not the young person", async () => {
    expect(answer.headers.get('x-request-id')).toBe(REQUEST_ID);
    const user = PERSONAS.socialWorker.id;
    const gatewayLine = await until('the gateway access log line', () =>
      logLines(graph.outputOf('gateway')).find((l) => l.msg === 'request' && l.requestId === REQUEST_ID),
    );
    expect(gatewayLine).toMatchObject({
      userId: user,
      operationName: 'MultiAgencyView',
      operationType: 'query',
      status: 200,
      traceId: TRACE_ID,
    });
    expect(typeof gatewayLine.durationMs).toBe('number');
    for (const agency of AGENCIES) {
      const lines = logLines(graph.outputOf(agency.name)).filter((l) => l.requestId === REQUEST_ID);
      expect(lines.filter((l) => l.msg === 'request')).toHaveLength(1);
      expect(lines[0]).toMatchObject({ userId: user, status: 200 });
    }
    for (const name of ['gateway', ...AGENCIES.map((a) => a.name)] as const)
      expect(graph.outputOf(name)).not.toContain(matchedEverywhere.id);
  });

  it('replaces a request id that is not plainly an id', async () => {
    for (const bad of ['short', 'x'.repeat(129), 'has spaces in it', '"quoted","json":1']) {
      const res = await fetch(graph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token('socialWorker')}`, 'x-request-id': bad },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('serves metrics on their own port, not beside /graphql', async () => {
    const gateway = await (await fetch(graph.metricsUrls.gateway)).text();
    expect(
      metricValue(gateway, 'http_request_duration_seconds_count', { route: '/graphql', status: '200', operation_type: 'query' }),
    ).toBeGreaterThan(0);
    for (const agency of AGENCIES.map((a) => a.name)) {
      expect(metricValue(gateway, 'agency_call_duration_seconds_count', { agency, outcome: 'answered' })).toBeGreaterThan(0);
      expect(metricValue(gateway, 'agency_circuit_state', { agency })).toBe(0);
    }
    expect(metricValue(gateway, 'process_resident_memory_bytes', { service: 'gateway' })).toBeGreaterThan(0);
    const health = await (await fetch(graph.metricsUrls.health)).text();
    expect(metricValue(health, 'audit_write_duration_seconds_count', { outcome: 'written' })).toBeGreaterThan(0);
    expect(metricValue(health, 'db_pool_connections', { state: 'used' })).toBeDefined();
    // Its audit chain head is anchored outside its database, and no anchor has failed.
    expect(metricValue(health, 'audit_anchors_total', { outcome: 'failed' })).toBe(0);
    expect((await fetch(graph.url.replace('/graphql', '/metrics'))).status).toBe(404);
  });

  it('sends no span anywhere unless an OTLP endpoint is configured', async () => {
    const quiet = startTracing('quiet', {});
    expect(quiet.exporting).toBe(false);
    await quiet.shutdown();
    const off = startTracing('off', { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_TRACES_EXPORTER: 'none' });
    expect(off.exporting).toBe(false);
    await off.shutdown();
  });
});
