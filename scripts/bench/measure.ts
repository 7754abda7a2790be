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
