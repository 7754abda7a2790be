import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES, type AgencyName } from '../kit/shared/agencies';
import { REPO_ROOT } from '../kit/shared/paths';
import { generatePerson } from '../kit/dev/synthetic/population';
import { measure, type Scenario } from './bench/measure';
import { peakResidentMiB } from './bench/process-counters';
import { tablePrinter } from './bench/table';
import { dropDatabases } from './postgres';
import { startGraphProcesses } from './processes';
import { seedInParallel } from './seed-in-parallel';
import { signIn } from './soak/client';

/**
 * npm run bench [-- --size N --requests N --postgres [--keep] [--reuse] [--concurrency 1,8] [--no-hive] [--only TEXT] [--profile DIR]]:
 * seeds a synthetic council (default 600 young people) into fresh databases (SQLite files, or with
 * `--postgres` PostgreSQL databases on POSTGRES_URL, default the local server; time and peak memory per
 * agency), serves it, and prints one table: for each of the meeting tools' queries, through this gateway
 * and through Hive Gateway on the same supergraph, subgraphs and keys, at each concurrency: requests a
 * second, p50/p95/p99, CPU milliseconds per request in each process, and per request in each subgraph
 * its SQL statements, database time and audit records. Then the cohort outcome queries, and the whole
 * view while the scorecard over every looked-after child is counted back to back. Asserts nothing.
 * On PostgreSQL, `--keep` leaves the seeded databases behind and `--reuse` serves them again without
 * seeding. `--profile DIR` writes a V8 CPU profile of every process to DIR when it stops. Cohort queries
 * get a 30 s agency budget here, as a reporting deployment's SUBGRAPH_TIMEOUT_MS would give them: the
 * meeting tools' 5 s is for one young person's view. Every process runs on the Node that runs this
 * script: `npm run bench:lts` runs it on Node 24 LTS (from the npm registry, as CI gets it), the Node
 * the Docker image ships; plain `npm run bench` on the machine's.
 */
const AS_OF = '2026-11-23';
/** Unmeasured requests of each scenario through each gateway before the table (V8 optimises hot code after some hundreds of calls). */
const WARM_UP_ROUNDS = 50;

/** A scenario sent through whichever gateway `url` is. */
type RoutedScenario = Omit<Scenario, 'send'> & { send(url: string, i: number): Promise<void> };
/** Where each subgraph serves its metrics in the bench (its port + 5000, its port being its default + 100). */
const metricsPortOf = (agency: string) => AGENCIES.find((a) => a.name === agency)!.defaultPort + 5100;

/** Posts one operation and checks its answer: WITHHELD notices are policy working as designed, anything else is a failure. */
async function ask(url: string, token: string, query: string, variables?: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  if (!res.ok || body.errors?.some((e) => e.extensions?.code !== 'WITHHELD'))
    throw new Error(`${url}: ${JSON.stringify(body).slice(0, 300)}`);
}

async function run() {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      size: { type: 'string', default: '600' },
      requests: { type: 'string', default: '200' },
      database: { type: 'string', default: 'sqlite' },
      postgres: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      profile: { type: 'string' },
      concurrency: { type: 'string', default: '1,8' },
      hive: { type: 'boolean', default: true },
      only: { type: 'string' },
    },
  });
  const size = Number(values.size);
  const requests = Number(values.requests);
  const postgres = values.postgres || values.database === 'postgres';
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
  const databases = Object.fromEntries(
    AGENCIES.map(({ name }) => [name, postgres ? `${server}/${dbName(name)}` : join(dir, `${name}.db`)]),
  ) as Record<AgencyName, string>;
  if (!reuse) {
    const started = Date.now();
    for (const { agency, seconds, peakMiB } of await seedInParallel(AGENCIES, (a) => databases[a.name as AgencyName], options, null))
      console.log(
        `  ${agency.padEnd(12)} ${seconds.toFixed(1)} s (${Math.round(size / seconds).toLocaleString('en-GB')} young people/s), ${peakMiB} MiB peak RSS`,
      );
    console.log(`  all four, in parallel: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const graph = await startGraphProcesses({
    gatewayPort: 4100,
    identityProviderPort: 4110,
    ports: Object.fromEntries(AGENCIES.map((a) => [a.name, a.defaultPort + 100])),
    databases,
    auditFolder: dir,
    stdio: 'pipe',
    metricsPorts: Object.fromEntries(AGENCIES.map((a) => [a.name, metricsPortOf(a.name)])),
    ...(values.hive && { hiveGatewayPort: 4180 }),
    ...(values.profile && { nodeArguments: ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] }),
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
      USER_MAX_CONCURRENT_REQUESTS: '64',
    },
  });
  try {
    const operation = (name: string) => readFileSync(join(REPO_ROOT, 'gateway', 'operations', `${name}.graphql`), 'utf8');
    const tokenFor = (persona: string) => signIn(graph.identityProvider.issuer, persona);
    // The virtual school head has a statutory relationship with every looked-after child: a wide view to measure.
    const head = await tokenFor('virtualSchoolHead');
    const keyWorker = await tokenFor('keyWorker');
    const lookedAfter = Array.from({ length: size }, (_, i) => i).filter((i) => generatePerson(i, options).status === 'LOOKED_AFTER');
    const idOf = (i: number) => generatePerson(lookedAfter[(i * 7919) % lookedAfter.length], options).id;
    const caseload = (first: number) =>
      `{ nwdCaseload(first: ${first}) { nodes { id currentStatus { status } health { matchStatus reviewHealthAssessmentTimeliness { status } } education { matchStatus pepTimeliness { status } } police { matchStatus missingEpisodesInLastSixMonths } } } }`;
    // Each scenario is sent through each gateway in turn: `send` is given the gateway's URL.
    const meetingTools: RoutedScenario[] = [
      {
        name: 'multi-agency view of one young person',
        requests,
        send: (url, i) => ask(url, head, operation('multi-agency-view'), { id: idOf(i) }),
      },
      ...[25, 50].flatMap((first) =>
        (
          [
            ['the virtual school head', head],
            ['a key worker', keyWorker],
          ] as const
        ).map(([who, token]) => ({
          name: `NWD caseload page of ${first} as ${who}`,
          requests: Math.ceil(requests / 4),
          send: (url: string) => ask(url, token, caseload(first)),
        })),
      ),
      {
        name: 'search by NHS number',
        requests,
        send: (url, i) =>
          ask(url, head, `query($n: String) { youngPersonByIdentifier(nhsNumber: $n) { id } }`, {
            n: generatePerson((i * 7919) % size, options).nhsNumber ?? '9990000018',
          }),
      },
      {
        name: 'merged chronology, first 25 entries',
        requests,
        send: (url, i) => ask(url, head, operation('multi-agency-chronology'), { id: idOf(i) }),
      },
    ];
    // `--only view` measures the scenarios whose name holds "view" (a profile of one path).
    const wanted = (scenario: { name: string }) => !values.only || scenario.name.includes(values.only);
    const subgraphs = graph.subgraphs.map((s) => ({
      name: s.name,
      pid: s.child.pid!,
      metricsUrl: `http://127.0.0.1:${metricsPortOf(s.name)}/metrics`,
    }));
    const routes = [
      { via: 'this', url: graph.gateway.url, processes: [{ name: 'gateway', pid: graph.gateway.child.pid! }, ...subgraphs] },
      ...(graph.hiveGateway
        ? [
            {
              via: 'hive',
              url: graph.hiveGateway.url,
              processes: [{ name: 'hive-gateway', pid: graph.hiveGateway.child.pid! }, ...subgraphs],
            },
          ]
        : []),
    ];
    const concurrencies = values.concurrency.split(',').map(Number);
    console.log(
      `\nThrough this gateway and Hive Gateway (${size.toLocaleString('en-GB')} young people, ${postgres ? 'PostgreSQL' : 'SQLite'}, every process on Node ${process.version}; c = users sending at once):`,
    );
    const printRow = tablePrinter(subgraphs.map((s) => s.name));
    // Every process warmed through every route before anything is timed: measured first, this gateway's
    // one-user rows used to carry the subgraphs' warm-up (their CPU per view a third above the same
    // subgraphs' through Hive Gateway a moment later).
    for (const scenario of meetingTools.filter(wanted))
      for (const route of routes) for (let i = 0; i < WARM_UP_ROUNDS; i++) await scenario.send(route.url, i);
    for (const scenario of meetingTools.filter(wanted))
      for (const concurrency of concurrencies)
        for (const route of routes)
          printRow(await measure({ ...scenario, send: (i) => scenario.send(route.url, i) }, route.via, concurrency, route.processes));

    // Figures about a whole cohort, every agency counting its own records: as an auditor, who sees them in full.
    const auditor = await tokenFor('auditor');
    const cohortRequests = Math.max(3, Math.ceil(requests / 40));
    const lookedAfterScorecard: Scenario = {
      name: 'scorecard, every looked-after child, 4 quarters',
      requests: cohortRequests,
      send: () => ask(graph.gateway.url, auditor, operation('corporate-parenting-scorecard'), { group: 'LOOKED_AFTER', quarters: 4 }),
    };
    const cohort: Scenario[] = [
      {
        name: 'NWD outcomes, before and after referral',
        requests: cohortRequests,
        send: () => ask(graph.gateway.url, auditor, operation('nwd-outcomes'), { group: 'NWD_CASELOAD' }),
      },
      {
        name: 'scorecard, NWD caseload, 4 quarters',
        requests: cohortRequests,
        send: () => ask(graph.gateway.url, auditor, operation('corporate-parenting-scorecard'), { group: 'NWD_CASELOAD', quarters: 4 }),
      },
      lookedAfterScorecard,
    ];
    console.log('\nCohort figures through this gateway (sequential):');
    const printCohortRow = tablePrinter(subgraphs.map((s) => s.name));
    for (const scenario of cohort.filter(wanted)) printCohortRow(await measure(scenario, 'this', 1, routes[0].processes));
    // A meeting's view while a council-wide report is counted, back to back: each agency counts a chunk of
    // the cohort at a time and answers other requests between chunks. CPU here is the report's as well.
    const duringReport: Scenario = {
      name: 'whole view, during the looked-after scorecard',
      requests: Math.ceil(requests / 2),
      send: (i) => ask(graph.gateway.url, head, operation('multi-agency-view'), { id: idOf(i) }),
    };
    if (wanted(duringReport)) {
      let reporting = true;
      // A failed report stops the row (and the run, after the graph is stopped), not the process unhandled.
      const report = (async () => {
        while (reporting) await lookedAfterScorecard.send(0);
      })().finally(() => (reporting = false));
      const row = await Promise.race([measure(duringReport, 'this', 1, routes[0].processes), report.then(() => null)]);
      reporting = false;
      await report;
      if (row) printCohortRow(row);
    }
    const everyProcess = [...routes[0].processes, ...(routes[1] ? [routes[1].processes[0]] : [])];
    console.log(`\nPeak resident memory over the run: ${everyProcess.map((p) => `${p.name} ${peakResidentMiB(p.pid)} MiB`).join(', ')}`);
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
