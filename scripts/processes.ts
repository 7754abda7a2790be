import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { AGENCIES, DIST, mainScriptOf } from './agencies';
import type { AgencyName } from '../subgraphs/kit/agency';

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
}

export interface GraphProcessesOptions {
  /** Port of the gateway; each subgraph gets its default port unless `ports` says otherwise. */
  gatewayPort: number;
  ports?: Partial<Record<AgencyName, number>>;
  /** Database URL or SQLite path per agency. */
  databases: Record<AgencyName, string>;
  /** Extra environment for every process (clock, seed size...). */
  env?: NodeJS.ProcessEnv;
  /** Where children's output goes: 'inherit' shows it (npm start), 'pipe' keeps it for error reports (tests). */
  stdio?: 'inherit' | 'pipe';
}

function spawnNode(name: string, script: string, env: NodeJS.ProcessEnv, stdio: 'inherit' | 'pipe'): ChildProcess {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', stdio, stdio] });
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
  const healthUrl = service.url.replace(/\/graphql$/, '/health');
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
  throw new Error(`${service.name} was not healthy at ${healthUrl} within ${timeoutMs} ms`);
}

/** Starts the four subgraphs, each its own process and database, then the gateway in front of them. */
export async function startGraphProcesses(options: GraphProcessesOptions): Promise<{ gateway: ServiceProcess; subgraphs: ServiceProcess[]; stop(): Promise<void> }> {
  const stdio = options.stdio ?? 'inherit';
  const base: NodeJS.ProcessEnv = { ...process.env, ...options.env, HOST: '127.0.0.1' };
  delete base.DATABASE_URL;
  const subgraphs: ServiceProcess[] = AGENCIES.map(({ name, port: defaultPort }) => {
    const port = options.ports?.[name] ?? defaultPort;
    const env = { ...base, PORT: String(port), DATABASE_URL: options.databases[name] };
    return { name, url: `http://127.0.0.1:${port}/graphql`, child: spawnNode(name, mainScriptOf(name), env, stdio) };
  });
  const all = [...subgraphs];
  const stop = async () => {
    await Promise.all(
      all.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
            s.child.once('exit', () => resolve());
            s.child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    await Promise.all(subgraphs.map((s) => waitForHealth(s)));
    const urls = Object.fromEntries(subgraphs.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase().replace(/-/g, '_')}`, s.url]));
    const gatewayEnv = { ...base, ...urls, PORT: String(options.gatewayPort) };
    const gateway = { name: 'gateway', url: `http://127.0.0.1:${options.gatewayPort}/graphql`, child: spawnNode('gateway', join(DIST, 'gateway', 'main.js'), gatewayEnv, stdio) };
    all.push(gateway);
    await waitForHealth(gateway);
    return { gateway, subgraphs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
