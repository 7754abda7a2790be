import { readFileSync } from 'node:fs';

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
  databaseMs: number;
  auditRecords: number;
}

function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/** Reads a subgraph's counters from its metrics port. */
export async function subgraphCounters(metricsPort: number): Promise<SubgraphCounters> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  return {
    statements: metricValue(text, 'db_statements_total'),
    databaseMs: metricValue(text, 'db_statement_seconds_total') * 1000,
    auditRecords: metricValue(text, 'audit_records_written_total'),
  };
}
