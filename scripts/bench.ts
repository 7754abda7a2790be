import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES, type AgencyName } from '../kit/shared/agencies';
import { DIST, REPO_ROOT } from '../kit/shared/paths';
import { generatePerson } from '../kit/dev/synthetic/population';
import { startGraphProcesses } from './processes';

/**
 * npm run bench [-- --size N --requests N]: seeds a synthetic council into fresh SQLite databases
 * (time and peak memory per agency), then serves it and times the meeting tool's queries through
 * the gateway. Prints figures; asserts nothing.
 */
const AS_OF = '2026-11-23';

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeRequests(label: string, n: number, send: (i: number) => Promise<Response>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await send(i);
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    // WITHHELD notices are policy working as designed; anything else is a failure.
    if (!res.ok || body.errors?.some((e) => e.extensions?.code !== 'WITHHELD'))
      throw new Error(`${label}: ${JSON.stringify(body).slice(0, 300)}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(44)} n=${n}  p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  max ${times[times.length - 1].toFixed(1)} ms`,
  );
}

async function run() {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, requests: { type: 'string', default: '200' } } });
  const size = Number(values.size);
  const requests = Number(values.requests);
  const dir = mkdtempSync(join(tmpdir(), 'nwd-bench-'));
  const options = { size, seed: 'bench', asOf: AS_OF };
  console.log(`Seeding ${size.toLocaleString('en-GB')} young people into four SQLite databases (${dir})`);
  const databases = {} as Record<AgencyName, string>;
  for (const { name } of AGENCIES) {
    databases[name] = join(dir, `${name}.db`);
    const t = Date.now();
    const out = execFileSync(process.execPath, [join(DIST, 'scripts', 'seed-agency.js'), name, databases[name], JSON.stringify(options)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const secs = (Date.now() - t) / 1000;
    console.log(
      `  ${name.padEnd(12)} ${secs.toFixed(1)} s (${Math.round(size / secs).toLocaleString('en-GB')} young people/s), ${/peak RSS (\d+) MiB/.exec(out)?.[1]} MiB peak RSS`,
    );
  }

  const graph = await startGraphProcesses({
    gatewayPort: 4100,
    identityProviderPort: 4110,
    ports: Object.fromEntries(AGENCIES.map((a) => [a.name, a.defaultPort + 100])),
    databases,
    stdio: 'pipe',
    env: { CLOCK_FIXED_AT: `${AS_OF}T12:00:00Z`, SEED_SIZE: String(size), SEED: 'bench', SEED_AS_OF: AS_OF, LOG_LEVEL: 'warn' },
  });
  try {
    const view = readFileSync(join(REPO_ROOT, 'gateway', 'operations', 'multi-agency-view.graphql'), 'utf8');
    // The virtual school head has a statutory relationship with every looked-after child: a wide view to measure.
    const tokenRes = await fetch(`${graph.identityProvider.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: 'virtualSchoolHead' }),
    });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const post = (query: string, variables?: unknown) =>
      fetch(graph.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
    const lookedAfter = Array.from({ length: size }, (_, i) => i).filter((i) => generatePerson(i, options).status === 'LOOKED_AFTER');
    const ids = Array.from({ length: requests }, (_, i) => generatePerson(lookedAfter[(i * 7919) % lookedAfter.length], options).id);
    console.log(`Through the gateway (${size.toLocaleString('en-GB')} young people, sequential requests):`);
    await timeRequests('multi-agency view of one young person', requests, (i) => post(view, { id: ids[i] }));
    await timeRequests("NWD caseload page of 25, all agencies' status", Math.ceil(requests / 4), () =>
      post(
        `{ nwdCaseload(first: 25) { nodes { id currentStatus { status } health { matchStatus reviewHealthAssessmentTimeliness { status } } education { matchStatus pepTimeliness { status } } police { matchStatus missingEpisodesInLastSixMonths } } } }`,
      ),
    );
    await timeRequests('search by NHS number', requests, (i) =>
      post(`query($n: String) { youngPersonByIdentifier(nhsNumber: $n) { id } }`, {
        n: generatePerson((i * 7919) % size, options).nhsNumber ?? '9990000018',
      }),
    );
  } finally {
    await graph.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
