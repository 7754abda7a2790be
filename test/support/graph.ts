import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphProcesses, type RestartOptions } from '../../scripts/processes';
import { AGENCIES, type AgencyName } from '../../kit/shared/agencies';
import type { PersonaName } from '../../kit/dev/personas';
import { TEST_TODAY } from './agency';
import { assertServicesBuilt } from './built';
import type { GraphQLBody } from './graphql';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { freePort } from '../../scripts/ports';
import { dropDatabases, TEST_POSTGRES } from './postgres';
import { auditConfigFromEnv, type AuditConfig } from '../../kit/subgraph/config';
import { developmentAuditEnv } from '../../kit/subgraph/audit/development';

export const GRAPH_SEED = { SEED: 'graph-test', SEED_SIZE: '150', SEED_AS_OF: TEST_TODAY };

export interface RequestOptions {
  /** Who asks (default: the social worker). */
  persona?: PersonaName;
  headers?: Record<string, string>;
  /** Which operation of a document with several. */
  operationName?: string;
}

export interface TestGraph {
  url: string;
  /** The development identity provider (issuer URL). */
  issuer: string;
  subgraphUrls: Record<string, string>;
  /** Where each process serves GET /metrics. */
  metricsUrls: Record<AgencyName | 'gateway', string>;
  databases: Record<string, string>;
  keys: NodeJS.ProcessEnv;
  /** Each agency's audit key and anchor folder, as its subgraph was given them (for audit:verify). */
  audit: Record<string, AuditConfig>;
  /** A user token for a persona, from the development identity provider. */
  token(persona: PersonaName): Promise<string>;
  /** POSTs to the gateway as `persona` (default: the social worker). */
  /** Sends a signal to one subgraph (SIGSTOP hangs it; SIGCONT lets it go on). */
  signalSubgraph(name: AgencyName, signal: NodeJS.Signals): void;
  /** Stops the gateway with `signal`; resolves with its exit code (the graph is no use after). */
  stopGateway(signal: NodeJS.Signals): Promise<number | null>;
  /** What a process has written lately (its last 50 chunks of output). */
  outputOf(name: AgencyName | 'gateway'): string;
  /** The fault proxies between the gateway and each agency, when asked for. */
  proxies?: Record<AgencyName, FaultProxy>;
  /** Restarts one subgraph (SIGKILL: as if it crashed), e.g. with a later clock: `{ CLOCK_FIXED_AT }`. */
  restartSubgraph(name: AgencyName, options?: RestartOptions): Promise<void>;
  request<Data = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<{ status: number; body: GraphQLBody<Data> }>;
  stop(): Promise<void>;
}

export interface TestGraphOptions {
  /** The synthetic population (default GRAPH_SEED: 150 people); e.g. the README's, `{ SEED: 'nwd-synthetic-1', SEED_SIZE: '600' }`. */
  population?: { SEED: string; SEED_SIZE: string };
  /** A fault proxy between the gateway and each agency (graph.proxies), to make an agency slow or garbled. */
  faultProxies?: boolean;
  /** More environment for every process (the gateway's time budgets...). */
  env?: NodeJS.ProcessEnv;
}

/** A user token for a persona from a development identity provider (`issuer`), as the explorer's sign-in gets one. */
export async function personaToken(issuer: string, persona: PersonaName): Promise<string> {
  const res = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * The whole graph as a user runs it: four subgraph processes, each with its own database (SQLite
 * files, or PostgreSQL databases), and the gateway process in front, on free ports.
 */
export async function startTestGraph(kind: 'sqlite' | 'postgres', options: TestGraphOptions = {}): Promise<TestGraph> {
  assertServicesBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'nwd-graph-'));
  const dbName = (name: AgencyName) => `nwd_test_${name.replace(/-/g, '_')}_${process.pid}`;
  if (kind === 'postgres') await dropDatabases(AGENCIES.map((a) => dbName(a.name)));
  const databases = Object.fromEntries(
    AGENCIES.map(({ name }) => [name, kind === 'postgres' ? `${TEST_POSTGRES}/${dbName(name)}` : join(dir, `${name}.db`)]),
  ) as Record<AgencyName, string>;
  const ports = Object.fromEntries(await Promise.all(AGENCIES.map(async ({ name }) => [name, await freePort()] as const)));
  const proxies = options.faultProxies
    ? (Object.fromEntries(
        await Promise.all(
          AGENCIES.map(async ({ name }) => [name, await startFaultProxy(`http://127.0.0.1:${ports[name]}/graphql`)] as const),
        ),
      ) as Record<AgencyName, FaultProxy>)
    : undefined;
  const metricsPorts = Object.fromEntries(
    await Promise.all([...AGENCIES.map((a) => a.name), 'gateway' as const].map(async (name) => [name, await freePort()] as const)),
  ) as Record<AgencyName | 'gateway', number>;
  const graph = await startGraphProcesses({
    metricsPorts,
    gatewayPort: await freePort(),
    identityProviderPort: await freePort(),
    ports,
    databases,
    auditFolder: dir,
    ...(proxies && { gatewaySubgraphUrls: Object.fromEntries(AGENCIES.map(({ name }) => [name, proxies[name].url])) }),
    stdio: 'pipe',
    env: {
      ...GRAPH_SEED,
      ...options.population,
      BREAKER_HALF_OPEN_AFTER_MS: '300',
      // One test user sends what a whole office would (40 meetings recorded at once, 20 views held in
      // flight): the per-user limits are shown by their own tests (security, operation-cost), not here.
      USER_MAX_CONCURRENT_REQUESTS: '200',
      USER_COST_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_MINUTE: '100000',
      CLOCK_FIXED_AT: `${TEST_TODAY}T12:00:00Z`,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  });
  const tokens = new Map<PersonaName, string>();
  const token = async (persona: PersonaName) => {
    if (!tokens.has(persona)) tokens.set(persona, await personaToken(graph.identityProvider.issuer, persona));
    return tokens.get(persona)!;
  };
  return {
    url: graph.gateway.url,
    issuer: graph.identityProvider.issuer,
    subgraphUrls: Object.fromEntries(graph.subgraphs.map((s) => [s.name, s.url])),
    metricsUrls: Object.fromEntries(
      Object.entries(metricsPorts).map(([name, port]) => [name, `http://127.0.0.1:${port}/metrics`]),
    ) as TestGraph['metricsUrls'],
    databases,
    keys: graph.keys,
    audit: Object.fromEntries(AGENCIES.map((agency) => [agency.name, auditConfigFromEnv(developmentAuditEnv(dir, agency, false))])),
    token,
    restartSubgraph: (name, restart) => graph.restartSubgraph(name, restart),
    signalSubgraph: (name, signal) => graph.signalSubgraph(name, signal),
    stopGateway: (signal) => graph.stopGateway(signal),
    outputOf: (name) => graph.outputOf(name),
    proxies,
    async request<Data>(query: string, variables?: Record<string, unknown>, options: RequestOptions = {}) {
      const res = await fetch(graph.gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await token(options.persona ?? 'socialWorker')}`,
          ...options.headers,
        },
        body: JSON.stringify({ query, variables, operationName: options.operationName }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLBody<Data> };
    },
    async stop() {
      await graph.stop();
      await Promise.all(Object.values(proxies ?? {}).map((p) => p.close()));
      rmSync(dir, { recursive: true, force: true });
      if (kind === 'postgres') await dropDatabases(AGENCIES.map((a) => dbName(a.name)));
    },
  };
}
