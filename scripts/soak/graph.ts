import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD_USER_LIMITS } from '../load-limits';
import { DEFAULT_POPULATION, type PopulationOptions } from '../../kit/dev/synthetic/population';
import { AGENCIES, type AgencyName } from '../../kit/shared/agencies';
import { freePort } from '../ports';
import { dropDatabases } from '../postgres';
import { startGraphProcesses, type GraphProcesses } from '../processes';

/** The soak's PostgreSQL server: this machine's, trust auth, user postgres (as the tests use). */
const POSTGRES_SERVER = 'postgres://postgres@127.0.0.1:5432';

/** The date the data describes and the subgraphs' clock: fixed, so every run asks about the same records. */
const AS_OF = '2026-11-23';

/** The README's synthetic population (seed nwd-synthetic-1) at the size asked for. */
export function soakPopulation(size: number): PopulationOptions {
  return { size, seed: DEFAULT_POPULATION.seed, asOf: AS_OF };
}

export interface SoakGraph {
  graph: GraphProcesses;
  /** Where each process serves GET /metrics. */
  metricsUrls: Record<AgencyName | 'gateway', string>;
  /** Where the databases are: a folder of SQLite files, or PostgreSQL database names. */
  databasesAt: string;
}

/** Where each agency's database goes, and how to remove them afterwards. */
async function soakDatabases(kind: 'sqlite' | 'postgres') {
  if (kind === 'postgres') {
    // Unique per run, so a soak never meets another's (or a crashed run's) databases; one run's share a prefix.
    const run = randomBytes(4).toString('hex');
    const names = Object.fromEntries(AGENCIES.map(({ name }) => [name, `nwd_soak_${run}_${name.replace(/-/g, '_')}`])) as Record<
      AgencyName,
      string
    >;
    // Dropping what cannot exist yet asks the server first, before four subgraphs fail to start against it.
    await dropDatabases(POSTGRES_SERVER, Object.values(names)).catch((err: unknown) => {
      throw new Error(
        `--database postgres: no PostgreSQL answers at ${POSTGRES_SERVER} (${err instanceof Error ? err.message : String(err)}); start it, e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
      );
    });
    return {
      databases: Object.fromEntries(AGENCIES.map(({ name }) => [name, `${POSTGRES_SERVER}/${names[name]}`])) as Record<AgencyName, string>,
      at: `PostgreSQL ${POSTGRES_SERVER}: ${Object.values(names).join(', ')}`,
      remove: () => dropDatabases(POSTGRES_SERVER, Object.values(names)),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'nwd-soak-'));
  return {
    databases: Object.fromEntries(AGENCIES.map(({ name }) => [name, join(dir, `${name}.db`)])) as Record<AgencyName, string>,
    at: `SQLite files in ${dir}`,
    remove: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/**
 * Starts the identity provider, the subgraphs and the gateway on free ports, each process with its
 * metrics on a port of its own, over fresh databases the subgraphs seed. `cleanUp` is registered before
 * anything starts, so the databases go however the soak ends; the processes are stopped by the caller.
 * `env` adds to every process's environment (a benchmark's own limits).
 */
export async function startSoakGraph(
  kind: 'sqlite' | 'postgres',
  population: PopulationOptions,
  cleanUp: (task: () => Promise<void>) => void,
  env: NodeJS.ProcessEnv = {},
): Promise<SoakGraph> {
  const { databases, at, remove } = await soakDatabases(kind);
  cleanUp(remove);
  const auditFolder = mkdtempSync(join(tmpdir(), 'nwd-soak-audit-'));
  cleanUp(() => Promise.resolve(rmSync(auditFolder, { recursive: true, force: true })));
  const names = [...AGENCIES.map((a) => a.name), 'gateway' as const];
  const metricsPorts = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const))) as Record<
    AgencyName | 'gateway',
    number
  >;
  const ports = Object.fromEntries(await Promise.all(AGENCIES.map(async ({ name }) => [name, await freePort()] as const)));
  const graph = await startGraphProcesses({
    gatewayPort: await freePort(),
    identityProviderPort: await freePort(),
    ports,
    metricsPorts,
    databases,
    auditFolder,
    // Kept, not shown: a process's last output is printed if it dies mid-soak.
    stdio: 'pipe',
    env: {
      SEED: population.seed,
      SEED_SIZE: String(population.size),
      SEED_AS_OF: population.asOf,
      CLOCK_FIXED_AT: `${population.asOf}T12:00:00Z`,
      ...LOAD_USER_LIMITS,
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  const metricsUrls = Object.fromEntries(names.map((name) => [name, `http://127.0.0.1:${metricsPorts[name]}/metrics`])) as Record<
    AgencyName | 'gateway',
    string
  >;
  return { graph, metricsUrls, databasesAt: at };
}
