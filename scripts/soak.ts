import { constants } from 'node:os';
import type { AgencyName } from '../kit/shared/agencies';
import { assembleCast } from './soak/cast';
import { LOAD_RATE_LIMIT_PER_MINUTE } from './load-limits';
import { startSoakGraph, soakPopulation } from './soak/graph';
import { runLoad } from './soak/load';
import { readAllProcesses } from './soak/process-metrics';
import { MIX_OPERATIONS, requestPlanner } from './soak/mix';
import { SOAK_USAGE, SoakOptionError, soakOptions, type SoakOptions } from './soak/options';
import { failuresTable, operationsTable, processTable, progressLine, verdict } from './soak/report';
import { Tally } from './soak/tally';

/**
 * npm run soak [-- --minutes N --concurrency C --database sqlite|postgres --size N]: starts the whole
 * graph on fresh databases, sends the meeting tools' read mix as several personas for N minutes, and
 * prints throughput, latency percentiles, errors by code and each process's memory at start and end.
 * Figures only, no thresholds; the exit code is non-zero if any request failed (WITHHELD is not a failure).
 */
/** Cold processes first get a trickle (compiling, filling caches), then the full load before measuring starts. */
const WARM_UP = [
  { concurrency: 2, ms: 3_000 },
  { concurrency: Infinity, ms: 5_000 },
];
const PROGRESS_EVERY_MS = 30_000;

/** Tasks that undo what the soak set up, run last-first however it ends (processes stop before their databases go). */
const cleanUps: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const task of cleanUps.reverse()) {
      try {
        await task();
      } catch (err) {
        console.error(`Cleaning up: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaning;
}

/** Ctrl-C (or SIGTERM) stops sending; the soak then stops its processes and drops its databases, and prints no figures. */
const stop = new AbortController();
let interruptedBy: NodeJS.Signals | undefined;
function interrupt(signal: NodeJS.Signals) {
  if (interruptedBy) return;
  interruptedBy = signal;
  console.error(`\n${signal}: stopping the soak's processes and removing its databases...`);
  stop.abort();
}

class Interrupted extends Error {}
const seconds = (from: number) => (performance.now() - from) / 1000;

async function soak(options: SoakOptions): Promise<boolean> {
  const population = soakPopulation(options.size);
  console.log(
    `Soak: ${options.minutes} min at concurrency ${options.concurrency} on ${options.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ` +
      `${options.size.toLocaleString('en-GB')} young people (seed ${population.seed}, as of ${population.asOf}); ` +
      `rate limit ${LOAD_RATE_LIMIT_PER_MINUTE.toLocaleString('en-GB')} per user a minute so the soak is not limited`,
  );
  const tally = new Tally();

  const setUpStarted = performance.now();
  let started = setUpStarted;
  const { graph, metricsUrls, databasesAt } = await startSoakGraph(options.database, population, (task) => cleanUps.push(task));
  let stopping = false;
  cleanUps.push(async () => {
    stopping = true;
    await graph.stop();
  });
  console.log(
    `Setup: identity provider, ${graph.subgraphs.length} subgraphs (seeded) and gateway up in ${seconds(started).toFixed(1)} s (${databasesAt})`,
  );
  if (stop.signal.aborted) throw new Interrupted();
  // A process that dies mid-soak is the failure a soak exists to find: counted, with its last words.
  // Without the gateway every request would fail at once, so the load stops; without an agency it goes on.
  const gatewayGone = new AbortController();
  const sending = AbortSignal.any([stop.signal, gatewayGone.signal]);
  for (const s of [graph.gateway, graph.identityProvider, ...graph.subgraphs]) {
    s.child.once('exit', (code, signal) => {
      // A Ctrl-C in a terminal reaches the children too: they stop as asked.
      if (stopping || interruptedBy) return;
      tally.recordFailure({ cause: `PROCESS_EXITED (${s.name})`, message: `code ${code}, signal ${signal}` });
      const output = s === graph.identityProvider ? '' : graph.outputOf(s.name as AgencyName | 'gateway');
      console.error(`${s.name} exited (code ${code}, signal ${signal}) during the soak. Its last output:\n${output}`);
      if (s === graph.gateway) gatewayGone.abort();
    });
  }

  started = performance.now();
  const cast = await assembleCast(graph.identityProvider.issuer, graph.gateway.url, population);
  console.log(`       ${cast.length} personas signed in and their caseloads found in ${seconds(started).toFixed(1)} s:`);
  for (const m of cast)
    console.log(
      `         ${m.persona.padEnd(18)} ${String(m.youngPeople.length).padStart(6)} young people ${String(m.meetings.length).padStart(6)} meetings`,
    );
  if (stop.signal.aborted) throw new Interrupted();

  const plan = requestPlanner(cast);
  const warmUp = new Tally();
  started = performance.now();
  for (const step of WARM_UP) {
    const concurrency = Math.min(step.concurrency, options.concurrency);
    await runLoad({ gatewayUrl: graph.gateway.url, durationMs: step.ms, concurrency, plan, tally: warmUp, stop: sending });
  }
  console.log(
    `       warm-up ${seconds(started).toFixed(1)} s, ${warmUp.requests.toLocaleString('en-GB')} requests (not in the figures below), errors: ${warmUp.failureCount}; setup ${seconds(setUpStarted).toFixed(1)} s in all`,
  );
  for (const line of warmUp.failureCount ? failuresTable(warmUp) : []) console.log(`    ${line}`);
  if (stop.signal.aborted) throw new Interrupted();

  const processesAtStart = await readAllProcesses(metricsUrls);
  const sampledAt = performance.now();
  const driverCpu = process.cpuUsage();
  console.log(`Soaking for ${options.minutes} min (progress every ${PROGRESS_EVERY_MS / 1000} s)...`);
  let last = { requests: 0, ms: 0 };
  const ranMs = await runLoad({
    gatewayUrl: graph.gateway.url,
    durationMs: options.minutes * 60_000,
    concurrency: options.concurrency,
    plan,
    tally,
    stop: sending,
    progressEveryMs: PROGRESS_EVERY_MS,
    onProgress: (elapsedMs) => {
      console.log(progressLine(elapsedMs, tally, last.requests, last.ms));
      last = { requests: tally.requests, ms: elapsedMs };
    },
  });
  if (stop.signal.aborted) throw new Interrupted();
  const processesAtEnd = await readAllProcesses(metricsUrls);
  const sampledSeconds = seconds(sampledAt);
  const { user, system } = process.cpuUsage(driverCpu);

  const ranSeconds = ranMs / 1000;
  console.log(
    `\nRequests over ${ranSeconds.toFixed(1)} s (latency to the whole answer; withheld: answers with WITHHELD notices, policy working):`,
  );
  for (const line of operationsTable(tally, MIX_OPERATIONS, ranSeconds)) console.log(line);
  console.log('\nErrors by code (requests; WITHHELD is not an error):');
  for (const line of failuresTable(tally)) console.log(line);
  console.log(
    "\nProcesses (from each one's /metrics; MiB after warm-up and at the end; CPU over the soak, 100% = one core; the development identity provider serves none):",
  );
  for (const line of processTable(processesAtStart, processesAtEnd, sampledSeconds)) console.log(line);
  // The load is made on the same machine: what it took is CPU the graph did not have.
  console.log(`  (the soak itself, sending and judging: ${Math.round((user + system) / 10_000 / sampledSeconds)}% CPU)`);
  console.log(`\nVerdict: ${verdict(tally, warmUp)}`);
  return tally.failureCount + warmUp.failureCount === 0;
}

async function main(): Promise<number> {
  let options: SoakOptions;
  try {
    options = soakOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof SoakOptionError)) throw err;
    console.error(`${err.message}\n${SOAK_USAGE}`);
    return 2;
  }
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  // Whatever else goes wrong, the processes and databases must not outlive the soak.
  process.once('uncaughtException', (err) => {
    console.error(err);
    void cleanUp().finally(() => process.exit(1));
  });
  // Output piped to something that stopped reading (| head): nobody wants the figures, but the processes still stop.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') interrupt('SIGPIPE');
    });
  try {
    return (await soak(options)) ? 0 : 1;
  } catch (err) {
    // Interrupted while starting, a child stopped by the same Ctrl-C makes the start fail: not news.
    if (interruptedBy) return 128 + constants.signals[interruptedBy];
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    return 1;
  } finally {
    await cleanUp();
    console.log('Stopped the soak processes and removed its databases.');
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
