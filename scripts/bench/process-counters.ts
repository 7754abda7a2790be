import { readFileSync } from 'node:fs';
import { metricSample } from '../metrics-text';

/** Clock ticks per second of /proc's CPU times: 100 on every Linux the project runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) a process has used so far, from /proc: the same for any process, Hive Gateway's too. */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The most memory a process has held resident since it started (VmHWM). */
export function peakResidentMiB(pid: number): number {
  const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kib) / 1024);
}

/** The subgraph counters the bench divides by requests (kit/subgraph/metrics.ts). */
export interface SubgraphCounters {
  statements: number;
  /** Messages to the database: fewer than statements where reads went together (kit/subgraph/reads-together.ts). */
  roundTrips: number;
  databaseMs: number;
  auditRecords: number;
}

/** Reads a subgraph's counters from its GET /metrics; names the one it lacks. */
export async function subgraphCounters(metricsUrl: string): Promise<SubgraphCounters> {
  const text = await (await fetch(metricsUrl)).text();
  const read = (name: string) => {
    const value = metricSample(text, name);
    if (value === undefined) throw new Error(`${metricsUrl} lacks ${name}`);
    return value;
  };
  return {
    statements: read('db_statements_total'),
    roundTrips: read('db_round_trips_total'),
    databaseMs: read('db_statement_seconds_total') * 1000,
    auditRecords: read('audit_records_written_total'),
  };
}
