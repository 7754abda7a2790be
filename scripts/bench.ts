import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES, type AgencyName } from '../kit/shared/agencies';
import { DIST, REPO_ROOT } from '../kit/shared/paths';
import { generatePerson } from '../kit/dev/synthetic/population';
import { ms, summariseLatency } from './latency';
import { dropDatabases } from './postgres';
import { startGraphProcesses } from './processes';
import { signIn } from './soak/client';

/**
 * npm run bench [-- --size N --requests N --database sqlite|postgres [--keep] [--reuse]]: seeds a synthetic council into
 * fresh databases (SQLite files, or PostgreSQL databases on POSTGRES_URL, default the local server;
 * time and peak memory per agency), then serves it and times the meeting tool's queries and the cohort
 * outcome queries through the gateway. Prints figures; asserts nothing. On PostgreSQL, `--keep` leaves
 * the seeded databases behind and `--reuse` serves them again without seeding (seeding 100 000 people
 * takes about ten minutes). Cohort queries get a 30 s agency budget here, as a reporting deployment's
 * SUBGRAPH_TIMEOUT_MS would give them: the meeting tools' 5 s is for one young person's view.
 */
const AS_OF = '2026-11-23';

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
  const { p50, p95, p99, max } = summariseLatency(times);
  console.log(`  ${label.padEnd(60)} n=${n}  p50 ${ms(p50)}  p95 ${ms(p95)}  p99 ${ms(p99)}  max ${ms(max)}`);
}

async function run() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '100000' },
      requests: { type: 'string', default: '200' },
      database: { type: 'string', default: 'sqlite' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
    },
  });
  const size = Number(values.size);
  const requests = Number(values.requests);
  const postgres = values.database === 'postgres';
  if (!postgres && values.database !== 'sqlite') throw new Error(`--database must be sqlite or postgres (got "${values.database}")`);
  const server = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const dbName = (name: AgencyName) => `nwd_bench_${name.replace(/-/g, '_')}`;
  const dir = mkdtempSync(join(tmpdir(), 'nwd-bench-'));
  const options = { size, seed: 'bench', asOf: AS_OF };
  const reuse = postgres && values.reuse;
  const names = AGENCIES.map((a) => dbName(a.name));
  if (postgres && !reuse) await dropDatabases(server, names);
  console.log(
    reuse
      ? `Serving the ${size.toLocaleString('en-GB')} young people already seeded on ${server}`
      : `Seeding ${size.toLocaleString('en-GB')} young people into four ${postgres ? `PostgreSQL databases (${server})` : `SQLite databases (${dir})`}`,
  );
  const databases = {} as Record<AgencyName, string>;
  for (const { name } of AGENCIES) {
    databases[name] = postgres ? `${server}/${dbName(name)}` : join(dir, `${name}.db`);
    if (reuse) continue;
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
    auditFolder: dir,
    stdio: 'pipe',
    env: {
      CLOCK_FIXED_AT: `${AS_OF}T12:00:00Z`,
      SEED_SIZE: String(size),
      SEED: 'bench',
      SEED_AS_OF: AS_OF,
      LOG_LEVEL: 'warn',
      SUBGRAPH_TIMEOUT_MS: '30000',
      REQUEST_DEADLINE_MS: '55000',
      // One bench user sends what a whole office would: the per-user budgets are measured by bench:fairness, not here.
      USER_COST_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  try {
    const view = readFileSync(join(REPO_ROOT, 'gateway', 'operations', 'multi-agency-view.graphql'), 'utf8');
    // The virtual school head has a statutory relationship with every looked-after child: a wide view to measure.
    const tokenFor = (persona: string) => signIn(graph.identityProvider.issuer, persona);
    const token = await tokenFor('virtualSchoolHead');
    const post = (query: string, variables?: unknown, as = token) =>
      fetch(graph.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${as}` },
        body: JSON.stringify({ query, variables }),
      });
    const lookedAfter = Array.from({ length: size }, (_, i) => i).filter((i) => generatePerson(i, options).status === 'LOOKED_AFTER');
    const ids = Array.from({ length: requests }, (_, i) => generatePerson(lookedAfter[(i * 7919) % lookedAfter.length], options).id);
    console.log(`Through the gateway (${size.toLocaleString('en-GB')} young people, sequential requests):`);
    await timeRequests('multi-agency view of one young person', requests, (i) => post(view, { id: ids[i] }));
    // The caseload as the virtual school head (every looked-after child on it) and as a key worker (their own).
    const keyWorker = await tokenFor('keyWorker');
    for (const [who, as] of [
      ['the virtual school head', token],
      ['a key worker', keyWorker],
    ] as const)
      for (const first of [25, 50])
        await timeRequests(`NWD caseload page of ${first} as ${who}, all agencies' status`, Math.ceil(requests / 4), () =>
          post(
            `{ nwdCaseload(first: ${first}) { nodes { id currentStatus { status } health { matchStatus reviewHealthAssessmentTimeliness { status } } education { matchStatus pepTimeliness { status } } police { matchStatus missingEpisodesInLastSixMonths } } } }`,
            undefined,
            as,
          ),
        );
    await timeRequests('search by NHS number', requests, (i) =>
      post(`query($n: String) { youngPersonByIdentifier(nhsNumber: $n) { id } }`, {
        n: generatePerson((i * 7919) % size, options).nhsNumber ?? '9990000018',
      }),
    );
    // Figures about a whole cohort, every agency counting its own records: as an auditor, who sees them in full.
    const scorecard = readFileSync(join(REPO_ROOT, 'gateway', 'operations', 'corporate-parenting-scorecard.graphql'), 'utf8');
    const outcomes = readFileSync(join(REPO_ROOT, 'gateway', 'operations', 'nwd-outcomes.graphql'), 'utf8');
    const auditor = await tokenFor('auditor');
    const cohortRequests = Math.max(3, Math.ceil(requests / 40));
    await timeRequests('NWD outcomes, before and after referral', cohortRequests, () => post(outcomes, { group: 'NWD_CASELOAD' }, auditor));
    await timeRequests('scorecard, NWD caseload, 4 quarters', cohortRequests, () =>
      post(scorecard, { group: 'NWD_CASELOAD', quarters: 4 }, auditor),
    );
    await timeRequests('scorecard, every looked-after child, 4 quarters', cohortRequests, () =>
      post(scorecard, { group: 'LOOKED_AFTER', quarters: 4 }, auditor),
    );
  } finally {
    await graph.stop();
    rmSync(dir, { recursive: true, force: true });
    if (postgres && !values.keep) await dropDatabases(server, names);
  }
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
