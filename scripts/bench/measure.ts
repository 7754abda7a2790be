import type { AgencyName } from '../../kit/shared/agencies';
import { summariseLatency, type LatencySummary } from '../latency';
import { cpuMilliseconds, subgraphCounters, type SubgraphCounters } from './process-counters';

/** A process whose CPU time is divided by requests: the gateway (or Hive Gateway) and each subgraph. */
export interface MeasuredProcess {
  name: string;
  pid: number;
  /** Subgraphs only: where their statement, database-time and audit counters are read (GET /metrics). */
  metricsUrl?: string;
}

export interface Measurement {
  scenario: string;
  via: string;
  concurrency: number;
  requests: number;
  perSecond: number;
  latency: LatencySummary;
  /** CPU milliseconds per request, by process. */
  cpuMs: Record<string, number>;
  /** Per request, by subgraph. */
  subgraphs: Partial<Record<AgencyName, SubgraphCounters>>;
  /** What the figures above were worked out from, so that several runs can be combined. */
  times: number[];
  seconds: number;
}

export interface Scenario {
  name: string;
  requests: number;
  /** Sends the i-th request; resolves when its whole answer has been read and checked. */
  send(i: number): Promise<void>;
}

const WARM_UP = 8;

async function countersOf(processes: MeasuredProcess[]) {
  const cpu = Object.fromEntries(processes.map((p) => [p.name, cpuMilliseconds(p.pid)]));
  const subgraphs = await Promise.all(
    processes.filter((p) => p.metricsUrl).map(async (p) => [p.name, await subgraphCounters(p.metricsUrl!)] as const),
  );
  return { cpu, subgraphs: Object.fromEntries(subgraphs) as Record<string, SubgraphCounters> };
}

/**
 * Sends a scenario's requests from `concurrency` users at once (each sends its next when its last is
 * answered), after a few unmeasured ones to warm the processes: latency of each, requests a second over
 * the whole run, and the processes' CPU time and subgraphs' counters over it, divided by requests.
 */
export async function measure(scenario: Scenario, via: string, concurrency: number, processes: MeasuredProcess[]): Promise<Measurement> {
  for (let i = 0; i < Math.min(WARM_UP, scenario.requests); i++) await scenario.send(i);
  const before = await countersOf(processes);
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < scenario.requests) {
        const i = next++;
        const t = performance.now();
        await scenario.send(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await countersOf(processes);
  const n = scenario.requests;
  const per = (a: number, b: number) => (a - b) / n;
  return {
    scenario: scenario.name,
    via,
    concurrency,
    requests: n,
    perSecond: n / seconds,
    latency: summariseLatency(times),
    times,
    seconds,
    cpuMs: Object.fromEntries(processes.map((p) => [p.name, per(after.cpu[p.name], before.cpu[p.name])])),
    subgraphs: Object.fromEntries(
      Object.entries(after.subgraphs).map(([name, a]) => {
        const b = before.subgraphs[name];
        return [
          name,
          {
            statements: per(a.statements, b.statements),
            roundTrips: per(a.roundTrips, b.roundTrips),
            databaseMs: per(a.databaseMs, b.databaseMs),
            auditRecords: per(a.auditRecords, b.auditRecords),
          },
        ];
      }),
    ),
  };
}

/** The mean of `values`, each standing for `weights` requests. */
const weighted = (values: number[], weights: number[]) =>
  values.reduce((sum, v, i) => sum + v * weights[i], 0) / weights.reduce((a, b) => a + b, 0);

/**
 * Runs of one scenario, route and concurrency as one row: requests a second over the time they all
 * took, latency over all their requests, CPU and counters per request over all of them.
 */
export function combine(runs: Measurement[]): Measurement {
  const [first] = runs;
  const weights = runs.map((r) => r.requests);
  const requests = weights.reduce((a, b) => a + b, 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const times = runs.flatMap((r) => r.times);
  const mean = (pick: (r: Measurement) => number) => weighted(runs.map(pick), weights);
  const counters = (name: AgencyName): SubgraphCounters => ({
    statements: mean((r) => r.subgraphs[name]!.statements),
    roundTrips: mean((r) => r.subgraphs[name]!.roundTrips),
    databaseMs: mean((r) => r.subgraphs[name]!.databaseMs),
    auditRecords: mean((r) => r.subgraphs[name]!.auditRecords),
  });
  return {
    ...first,
    requests,
    perSecond: requests / seconds,
    latency: summariseLatency(times),
    cpuMs: Object.fromEntries(Object.keys(first.cpuMs).map((name) => [name, mean((r) => r.cpuMs[name])])),
    subgraphs: Object.fromEntries((Object.keys(first.subgraphs) as AgencyName[]).map((name) => [name, counters(name)])),
    times,
    seconds,
  };
}
