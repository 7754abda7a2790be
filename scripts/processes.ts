import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { AGENCIES, runHere, subgraphUrlVariable, type AgencyDefinition, type AgencyName } from '../kit/shared/agencies';
import { generateSigningKeyPair } from '../kit/shared/keys';
import { DIST } from '../kit/shared/paths';
import { DEV_AUDIENCE } from '../kit/dev/identity-provider';
import { developmentAuditEnv } from '../kit/subgraph/audit/development';

export interface ServiceProcess {
  name: string;
  url: string;
  healthUrl: string;
  child: ChildProcess;
}

export interface GraphProcessesOptions {
  /** Port of the gateway; each subgraph gets its default port unless `ports` says otherwise. */
  gatewayPort: number;
  /** Port of the development identity provider. */
  identityProviderPort: number;
  ports?: Partial<Record<AgencyName, number>>;
  /** Database URL or SQLite path per agency. */
  databases: Record<AgencyName, string>;
  /** Where each agency's audit key is kept (made on first use) and its chain anchored: development's stand-in for a secret store and a volume. */
  auditFolder: string;
  /**
   * Where the gateway reaches an agency, when not at its process (a proxy in between, for fault tests);
   * required for an agency that runs its own subgraph (its row's `hosting: 'partner'`), which is not started here.
   */
  gatewaySubgraphUrls?: Partial<Record<AgencyName, string>>;
  /** Where each process serves GET /metrics (default: its port + 5000). */
  metricsPorts?: Partial<Record<AgencyName | 'gateway', number>>;
  /** Extra environment for every process (clock, seed size...). */
  env?: NodeJS.ProcessEnv;
  /** Where children's output goes: 'inherit' shows it (npm start), 'pipe' keeps it for error reports (tests). */
  stdio?: 'inherit' | 'pipe';
  /** Also starts Hive Gateway (gateway/hive) on this port, in front of the same subgraphs with the same keys: the bench's peer. */
  hiveGatewayPort?: number;
  /** Node options for the gateway and every subgraph (the bench's `--profile` gives `--cpu-prof`). */
  nodeArguments?: string[];
}

function spawnNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  stdio: 'inherit' | 'pipe',
  nodeArguments: string[] = [],
): ChildProcess {
  const child = spawn(process.execPath, [...nodeArguments, script], { env, stdio: ['ignore', stdio, stdio] });
  if (stdio === 'pipe') {
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      tail.push(chunk.toString());
      if (tail.length > 50) tail.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    (child as ChildProcess & { outputTail: () => string }).outputTail = () => tail.join('');
  }
  child.once('exit', (code, signal) => {
    if (code && code !== 0) process.stderr.write(`[${name}] exited with code ${code}${signal ? ` (${signal})` : ''}\n`);
  });
  return child;
}

/** Polls GET /health until it answers 200, the process dies, or the time runs out. */
export async function waitForHealth(service: ServiceProcess, timeoutMs = 180_000): Promise<void> {
  const { healthUrl } = service;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      const tail = (service.child as ChildProcess & { outputTail?: () => string }).outputTail?.() ?? '';
      throw new Error(`${service.name} exited (code ${service.child.exitCode}) before it was healthy\n${tail}`);
    }
    try {
      const res = await fetch(healthUrl);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const tail = (service.child as ChildProcess & { outputTail?: () => string }).outputTail?.() ?? '';
  throw new Error(`${service.name} was not healthy at ${healthUrl} within ${timeoutMs} ms\n${tail}`);
}

/** Polls the gateway's readiness until it reports the agency answering (its circuit closed again). */
async function waitForGatewayToUse(gateway: ServiceProcess, agency: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const report = (await (await fetch(gateway.healthUrl)).json().catch(() => ({}))) as { agencies?: Record<string, string> };
    if (report.agencies?.[agency] === 'answering') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the gateway did not report ${agency} answering within ${timeoutMs} ms`);
}

const service = (name: string, port: number, child: ChildProcess, path = '/graphql', healthPath = '/health/ready'): ServiceProcess => ({
  name,
  url: `http://127.0.0.1:${port}${path}`,
  healthUrl: `http://127.0.0.1:${port}${healthPath}`,
  child,
});

/**
 * Keys for one run of the embedded default: the gateway's (it signs what subgraphs accept) and social
 * care's (it signs access grants other agencies accept). Made afresh each start, held only in the
 * processes' environment. Deployments supply their own (README, "Keys").
 */
async function runKeys(): Promise<NodeJS.ProcessEnv> {
  const gateway = await generateSigningKeyPair('gateway-1');
  const grants = await generateSigningKeyPair('social-care-grants-1');
  return {
    GATEWAY_PUBLIC_JWK: JSON.stringify(gateway.publicJwk),
    GRANT_PUBLIC_JWK: JSON.stringify(grants.publicJwk),
    GATEWAY_PRIVATE_JWK: JSON.stringify(gateway.privateJwk),
    GRANT_PRIVATE_JWK: JSON.stringify(grants.privateJwk),
  };
}

/** Each subgraph gets only the keys its kind of agency needs: private keys never leave their owner. */
function keysFor(agency: AgencyDefinition, keys: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return agency.kind === 'lead'
    ? { GATEWAY_PUBLIC_JWK: keys.GATEWAY_PUBLIC_JWK, GRANT_PRIVATE_JWK: keys.GRANT_PRIVATE_JWK }
    : { GATEWAY_PUBLIC_JWK: keys.GATEWAY_PUBLIC_JWK, GRANT_PUBLIC_JWK: keys.GRANT_PUBLIC_JWK };
}

export interface RestartOptions {
  /** SIGTERM (default: a clean stop) or SIGKILL (a crash: nothing tidied). */
  signal?: NodeJS.Signals;
  /** Added to the subgraph's environment from now on (a later clock). */
  env?: NodeJS.ProcessEnv;
  /** Done after the process has gone and before it starts again (undo a fault it was caught in). */
  whileStopped?: () => Promise<void>;
}

export interface GraphProcesses {
  /** The keys of this run (tests use them to stand up a second gateway or forge what the real one signs). */
  keys: NodeJS.ProcessEnv;
  gateway: ServiceProcess;
  /** Hive Gateway, when `hiveGatewayPort` was given. */
  hiveGateway?: ServiceProcess;
  identityProvider: ServiceProcess & { issuer: string };
  subgraphs: ServiceProcess[];
  /**
   * Stops one subgraph with `signal` (SIGKILL: a crash, nothing tidied) and starts it again on the same
   * port and database, with `env` added (a later clock), while the gateway keeps running.
   */
  restartSubgraph(name: AgencyName, options?: RestartOptions): Promise<void>;
  /** Sends a signal to one subgraph's process (SIGSTOP hangs it, SIGCONT lets it go on). */
  signalSubgraph(name: AgencyName, signal: NodeJS.Signals): void;
  /** What a process has written lately (its last 50 chunks of output, when started with stdio 'pipe'). */
  outputOf(name: AgencyName | 'gateway'): string;
  /** Stops the gateway with `signal` and resolves with its exit code once it has gone (for drain tests). */
  stopGateway(signal: NodeJS.Signals): Promise<number | null>;
  stop(): Promise<void>;
}

function stopProcess(s: ServiceProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise<void>((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGCONT'); // a process hung with SIGSTOP handles nothing until it runs again
    s.child.kill(signal);
  });
}

/**
 * Starts the development identity provider, the subgraphs this repository runs (each its own process and database),
 * then the gateway in front of them.
 */
export async function startGraphProcesses(options: GraphProcessesOptions): Promise<GraphProcesses> {
  const stdio = options.stdio ?? 'inherit';
  const base: NodeJS.ProcessEnv = { ...process.env, ...options.env, HOST: '127.0.0.1' };
  const inherited = ['DATABASE_URL', 'GATEWAY_PUBLIC_JWK', 'GATEWAY_PRIVATE_JWK', 'GRANT_PUBLIC_JWK', 'GRANT_PRIVATE_JWK', 'AUDIT_KEY'];
  for (const name of [...inherited, ...inherited.map((n) => `${n}_FILE`), 'AUDIT_PREVIOUS_KEYS', 'AUDIT_ANCHOR_DIR']) delete base[name];
  const keys = await runKeys();
  const metricsPort = (name: AgencyName | 'gateway') => {
    const port = options.metricsPorts?.[name];
    return port === undefined ? {} : { METRICS_PORT: String(port) };
  };
  const all: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(all.map((s) => stopProcess(s)));
  };
  try {
    const idpPort = options.identityProviderPort;
    const identityProvider = {
      ...service(
        'identity-provider',
        idpPort,
        spawnNode('identity-provider', join(DIST, 'kit', 'dev', 'identity-provider-main.js'), { ...base, PORT: String(idpPort) }, stdio),
        '/token',
      ),
      issuer: `http://127.0.0.1:${idpPort}`,
    };
    all.push(identityProvider);
    const subgraphEnv = new Map<AgencyName, NodeJS.ProcessEnv>();
    const spawnSubgraph = (name: AgencyName) =>
      spawnNode(name, join(DIST, 'subgraphs', name, 'main.js'), subgraphEnv.get(name)!, stdio, options.nodeArguments);
    const subgraphs = AGENCIES.filter(runHere).map((agency) => {
      const port = options.ports?.[agency.name] ?? agency.defaultPort;
      subgraphEnv.set(agency.name, {
        ...base,
        ...keysFor(agency, keys),
        ...developmentAuditEnv(options.auditFolder, agency, true),
        PORT: String(port),
        ...metricsPort(agency.name),
        DATABASE_URL: options.databases[agency.name],
      });
      return service(agency.name, port, spawnSubgraph(agency.name));
    });
    all.push(...subgraphs);
    await Promise.all([identityProvider, ...subgraphs].map((s) => waitForHealth(s)));
    const urls = Object.fromEntries(
      AGENCIES.map((agency) => {
        const url = options.gatewaySubgraphUrls?.[agency.name] ?? subgraphs.find((s) => s.name === agency.name)?.url;
        if (!url) throw new Error(`${agency.name} runs its own subgraph: give its URL in gatewaySubgraphUrls`);
        return [subgraphUrlVariable(agency), url];
      }),
    );
    const gatewayEnv = {
      ...base,
      ...urls,
      GATEWAY_PRIVATE_JWK: keys.GATEWAY_PRIVATE_JWK,
      PORT: String(options.gatewayPort),
      ...metricsPort('gateway'),
      AUTH_ISSUER: identityProvider.issuer,
      AUTH_AUDIENCE: DEV_AUDIENCE,
      AUTH_JWKS_URL: `${identityProvider.issuer}/.well-known/jwks.json`,
    };
    const gateway = service(
      'gateway',
      options.gatewayPort,
      spawnNode('gateway', join(DIST, 'gateway', 'main.js'), gatewayEnv, stdio, options.nodeArguments),
    );
    all.push(gateway);
    await waitForHealth(gateway);
    let hiveGateway: ServiceProcess | undefined;
    if (options.hiveGatewayPort !== undefined) {
      const port = options.hiveGatewayPort;
      const env = { ...gatewayEnv, PORT: String(port), METRICS_PORT: undefined };
      hiveGateway = service(
        'hive-gateway',
        port,
        spawnNode('hive-gateway', join(DIST, 'scripts', 'hive-gateway.js'), env, stdio, options.nodeArguments),
        '/graphql',
        '/healthcheck',
      );
      all.push(hiveGateway);
      await waitForHealth(hiveGateway, 30_000);
    }
    const restartSubgraph: GraphProcesses['restartSubgraph'] = async (name, { signal, env, whileStopped } = {}) => {
      const subgraph = subgraphs.find((s) => s.name === name)!;
      await stopProcess(subgraph, signal);
      try {
        await whileStopped?.();
      } finally {
        // Started again whatever happened meanwhile (a failed check must not leave the agency dead).
        subgraphEnv.set(name, { ...subgraphEnv.get(name), ...env });
        subgraph.child = spawnSubgraph(name);
        await waitForHealth(subgraph);
        await waitForGatewayToUse(gateway, name);
      }
    };
    const signalSubgraph = (name: AgencyName, signal: NodeJS.Signals) => subgraphs.find((s) => s.name === name)!.child.kill(signal);
    const stopGateway = (signal: NodeJS.Signals) =>
      new Promise<number | null>((resolve) => {
        gateway.child.once('exit', (code) => resolve(code));
        gateway.child.kill(signal);
      });
    const outputOf = (name: AgencyName | 'gateway') => {
      const child = [gateway, ...subgraphs].find((s) => s.name === name)!.child as ChildProcess & { outputTail?: () => string };
      return child.outputTail?.() ?? '';
    };
    return { keys, gateway, hiveGateway, identityProvider, subgraphs, restartSubgraph, signalSubgraph, stopGateway, outputOf, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
