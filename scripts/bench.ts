import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES, type AgencyName } from '../kit/shared/agencies';
import { REPO_ROOT } from '../kit/shared/paths';
import { generatePerson } from '../kit/dev/synthetic/population';
import { combine, measure, type Measurement, type Scenario } from './bench/measure';
import { peakResidentMiB } from './bench/process-counters';
import { tablePrinter } from './bench/table';
import { LOAD_AGENCY_BUDGETS, LOAD_USER_LIMITS } from './load-limits';
import { dropDatabases, missingDatabases } from './postgres';
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
const USAGE = `Usage: npm run bench [-- options]
  --size N            young people to seed (default 600)
  --requests N        requests per scenario and concurrency (default 200; a caseload scenario sends a quarter)
  --postgres          PostgreSQL databases on POSTGRES_URL (default postgres://postgres@127.0.0.1:5432), not SQLite
  --database NAME     sqlite (the default) or postgres, the same as --postgres
  --keep              leave the PostgreSQL databases behind
  --reuse             serve the PostgreSQL databases a --keep run left, without seeding (and keep them)
  --concurrency 1,8   users sending at once, one row each
  --no-hive           leave Hive Gateway out
  --only TEXT         only the scenarios whose name holds TEXT
  --profile DIR       a V8 CPU profile of every process, written to DIR`;
const AS_OF = '2026-11-23';
/**
 * Unmeasured requests of each scenario through each gateway before the table, as many as are measured
 * and at least this many: V8 goes on optimising hot code for some hundreds of calls, and with 50 the
 * row measured first (always this gateway's) still carried it. At 600, two passes of the view at 8
 * users straight after 50 gave this gateway 36.0 then 42.5 views a second and Hive Gateway 35.8 then
 * 40.4 (2026-12-06).
 */
const MIN_WARM_UP_ROUNDS = 50;
/**
 * Each row comparing the gateways is measured in this many parts, taking turns (this, Hive, Hive,
 * this...): the machine's speed drifts within a minute, and one run after the other put the drift into
 * the ratio. Twelve rows of the view at 8 users, each gateway's run straight after the other's,
 * gave this gateway 0.77 to 1.30 times Hive Gateway's throughput on 2026-12-06.
 */
const ROUNDS = 4;

/** Every scenario's name, so `--only` is checked before anything is seeded. */
const NAMES = {
  view: 'multi-agency view of one young person',
  caseload: (first: number, who: string) => `NWD caseload page of ${first} as ${who}`,
  search: 'search by NHS number',
  chronology: 'merged chronology, first 25 entries',
  outcomes: 'NWD outcomes, before and after referral',
  caseloadScorecard: 'scorecard, NWD caseload, 4 quarters',
  lookedAfterScorecard: 'scorecard, every looked-after child, 4 quarters',
  duringReport: 'whole view, during the looked-after scorecard',
};
const PAGE_SIZES = [25, 50];
const CASELOAD_VIEWERS = [
  ['the virtual school head', 'virtualSchoolHead'],
  ['a key worker', 'keyWorker'],
] as const;
const SCENARIO_NAMES = Object.values(NAMES).flatMap((name) =>
  typeof name === 'string' ? [name] : PAGE_SIZES.flatMap((first) => CASELOAD_VIEWERS.map(([who]) => name(first, who))),
);

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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const size = Number(values.size);
  const requests = Number(values.requests);
  if (!Number.isInteger(size) || size < 1) throw new UsageError(`--size must be a whole number of young people (got "${values.size}")`);
  if (!Number.isInteger(requests) || requests < 1) throw new UsageError(`--requests must be a whole number (got "${values.requests}")`);
  const postgres = values.postgres || values.database === 'postgres';
  if (!postgres && values.database !== 'sqlite') throw new UsageError(`--database must be sqlite or postgres (got "${values.database}")`);
  const server = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const dbName = (name: AgencyName) => `nwd_bench_${name.replace(/-/g, '_')}`;
  const options = { size, seed: 'bench', asOf: AS_OF };
  const concurrencies = values.concurrency.split(',').map(Number);
  if (!concurrencies.every((c) => Number.isInteger(c) && c >= 1))
    throw new UsageError(`--concurrency must be whole numbers of users separated by commas, such as 1,8 (got "${values.concurrency}")`);
  const only = values.only;
  if (only !== undefined && !SCENARIO_NAMES.some((name) => name.includes(only)))
    throw new UsageError(`--only "${only}" is in no scenario's name; they are:\n  ${SCENARIO_NAMES.join('\n  ')}`);
  if (values.reuse && !postgres) throw new UsageError('--reuse serves PostgreSQL databases a run kept: add --postgres');
  const reuse = postgres && values.reuse;
  // Databases served again are kept again: a run that dropped them would leave the next --reuse nothing.
  const keep = reuse || values.keep;
  const names = AGENCIES.map((a) => dbName(a.name));
  if (reuse) {
    const missing = await missingDatabases(server, names);
    // The services would create and seed them anew, slowly and without the bench's seeding figures.
    if (missing.length) throw new UsageError(`--reuse: ${missing.join(', ')} not on ${server}; seed them once with --postgres --keep`);
  } else if (postgres) await dropDatabases(server, names);
  const dir = mkdtempSync(join(tmpdir(), 'nwd-bench-'));
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
      ...LOAD_AGENCY_BUDGETS,
      // One bench user sends what a whole office would.
      ...LOAD_USER_LIMITS,
    },
  });
  try {
    const operation = (name: string) => readFileSync(join(REPO_ROOT, 'gateway', 'operations', `${name}.graphql`), 'utf8');
    const tokenFor = (persona: string) => signIn(graph.identityProvider.issuer, persona);
    const viewers = await Promise.all(CASELOAD_VIEWERS.map(async ([who, persona]) => ({ who, persona, token: await tokenFor(persona) })));
    // The virtual school head has a statutory relationship with every looked-after child: a wide view to measure.
    const head = viewers.find((v) => v.persona === 'virtualSchoolHead')!.token;
    const lookedAfter = Array.from({ length: size }, (_, i) => i).filter((i) => generatePerson(i, options).status === 'LOOKED_AFTER');
    const idOf = (i: number) => generatePerson(lookedAfter[(i * 7919) % lookedAfter.length], options).id;
    const caseload = (first: number) =>
      `{ nwdCaseload(first: ${first}) { nodes { id currentStatus { status } health { matchStatus reviewHealthAssessmentTimeliness { status } } education { matchStatus pepTimeliness { status } } police { matchStatus missingEpisodesInLastSixMonths } } } }`;
    // Each scenario is sent through each gateway in turn: `send` is given the gateway's URL.
    const meetingTools: RoutedScenario[] = [
      {
        name: NAMES.view,
        requests,
        send: (url, i) => ask(url, head, operation('multi-agency-view'), { id: idOf(i) }),
      },
      ...PAGE_SIZES.flatMap((first) =>
        viewers.map(({ who, token }) => ({
          name: NAMES.caseload(first, who),
          requests: Math.ceil(requests / 4),
          send: (url: string) => ask(url, token, caseload(first)),
        })),
      ),
      {
        name: NAMES.search,
        requests,
        send: (url, i) =>
          ask(url, head, `query($n: String) { youngPersonByIdentifier(nhsNumber: $n) { id } }`, {
            n: generatePerson((i * 7919) % size, options).nhsNumber ?? '9990000018',
          }),
      },
      {
        name: NAMES.chronology,
        requests,
        send: (url, i) => ask(url, head, operation('multi-agency-chronology'), { id: idOf(i) }),
      },
    ];
    // `--only view` measures the scenarios whose name holds "view" (a profile of one path).
    const wanted = (scenario: { name: string }) => only === undefined || scenario.name.includes(only);
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
    console.log(
      `\nThrough this gateway and Hive Gateway (${size.toLocaleString('en-GB')} young people, ${postgres ? 'PostgreSQL' : 'SQLite'}, every process on Node ${process.version}; c = users sending at once):`,
    );
    const printRow = tablePrinter(subgraphs.map((s) => s.name));
    // Every process warmed through every route before anything is timed: measured first, this gateway's
    // one-user rows used to carry the subgraphs' warm-up (their CPU per view a third above the same
    // subgraphs' through Hive Gateway a moment later).
    for (const scenario of meetingTools.filter(wanted))
      for (const route of routes)
        for (let i = 0; i < Math.max(MIN_WARM_UP_ROUNDS, scenario.requests); i++) await scenario.send(route.url, i);
    /** One row per route for `scenario` at `concurrency`, the routes taking turns (ROUNDS). */
    const measureTakingTurns = async (scenario: RoutedScenario, concurrency: number) => {
      const runs = new Map(routes.map((route) => [route, [] as Measurement[]]));
      const rounds = routes.length > 1 ? ROUNDS : 1;
      const part = { ...scenario, requests: Math.ceil(scenario.requests / rounds) };
      for (let round = 0; round < rounds; round++)
        for (const route of round % 2 === 0 ? routes : [...routes].reverse()) {
          const run = await measure({ ...part, send: (i) => scenario.send(route.url, i) }, route.via, concurrency, route.processes);
          runs.get(route)!.push(run);
        }
      return routes.map((route) => combine(runs.get(route)!));
    };
    for (const scenario of meetingTools.filter(wanted))
      for (const concurrency of concurrencies) (await measureTakingTurns(scenario, concurrency)).forEach(printRow);

    // Figures about a whole cohort, every agency counting its own records: as an auditor, who sees them in full.
    const auditor = await tokenFor('auditor');
    const cohortRequests = Math.max(3, Math.ceil(requests / 40));
    const lookedAfterScorecard: Scenario = {
      name: NAMES.lookedAfterScorecard,
      requests: cohortRequests,
      send: () => ask(graph.gateway.url, auditor, operation('corporate-parenting-scorecard'), { group: 'LOOKED_AFTER', quarters: 4 }),
    };
    const cohort: Scenario[] = [
      {
        name: NAMES.outcomes,
        requests: cohortRequests,
        send: () => ask(graph.gateway.url, auditor, operation('nwd-outcomes'), { group: 'NWD_CASELOAD' }),
      },
      {
        name: NAMES.caseloadScorecard,
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
      name: NAMES.duringReport,
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
    if (postgres && !keep) await dropDatabases(server, names);
  }
}

/** A mistake in the command line: its message is the whole story, without a stack. */
class UsageError extends Error {}

/** parseArgs's own errors (an unknown option, a missing value) are usage errors too. */
const isUsageError = (err: unknown): err is Error =>
  err instanceof UsageError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'));

run().catch((err: unknown) => {
  console.error(isUsageError(err) ? `npm run bench: ${err.message}\n\n${USAGE}` : err);
  process.exit(isUsageError(err) ? 2 : 1);
});
