import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphProcesses, type RestartOptions } from '../../scripts/processes';
import { AGENCIES, type AgencyName } from '../../kit/shared/agencies';
import type { PersonaName } from '../../kit/dev/personas';
import { TEST_TODAY } from './agency';
import { assertServicesBuilt } from './built';
import type { GraphQLBody } from './graphql';
import { freePort } from './ports';
import { dropDatabases, TEST_POSTGRES } from './postgres';

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
  databases: Record<string, string>;
  keys: NodeJS.ProcessEnv;
  /** A user token for a persona, from the development identity provider. */
  token(persona: PersonaName): Promise<string>;
  /** POSTs to the gateway as `persona` (default: the social worker). */
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
  const graph = await startGraphProcesses({
    gatewayPort: await freePort(),
    identityProviderPort: await freePort(),
    ports,
    databases,
    stdio: 'pipe',
    env: {
      ...GRAPH_SEED,
      ...options.population,
      BREAKER_HALF_OPEN_AFTER_MS: '300',
      CLOCK_FIXED_AT: `${TEST_TODAY}T12:00:00Z`,
      LOG_LEVEL: 'warn',
    },
  });
  const tokens = new Map<PersonaName, string>();
  const token = async (persona: PersonaName) => {
    if (!tokens.has(persona)) {
      const res = await fetch(`${graph.identityProvider.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona }),
      });
      tokens.set(persona, ((await res.json()) as { access_token: string }).access_token);
    }
    return tokens.get(persona)!;
  };
  return {
    url: graph.gateway.url,
    issuer: graph.identityProvider.issuer,
    subgraphUrls: Object.fromEntries(graph.subgraphs.map((s) => [s.name, s.url])),
    databases,
    keys: graph.keys,
    token,
    restartSubgraph: (name, restart) => graph.restartSubgraph(name, restart),
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
      rmSync(dir, { recursive: true, force: true });
      if (kind === 'postgres') await dropDatabases(AGENCIES.map((a) => dbName(a.name)));
    },
  };
}
