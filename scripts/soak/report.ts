import { ms, summariseLatency } from '../latency';
import type { ProcessSample } from './process-metrics';
import type { Tally } from './tally';

const count = (n: number) => n.toLocaleString('en-GB');
const rate = (n: number, seconds: number) => (seconds > 0 ? (n / seconds).toFixed(1) : '-');
const mib = (n: number) => n.toFixed(1);
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;

/** "[1:30] 2,345 requests, 41.2 req/s in the last 30 s, 0 failed": one line every so often on a long run. */
export function progressLine(elapsedMs: number, tally: Tally, sinceRequests: number, sinceMs: number): string {
  const secs = Math.round(elapsedMs / 1000);
  const clock = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
  const recent = tally.requests - sinceRequests;
  const window = (elapsedMs - sinceMs) / 1000;
  return `  [${clock}] ${count(tally.requests)} requests, ${rate(recent, window)} req/s in the last ${Math.round(window)} s, ${count(tally.failedRequests)} failed`;
}

/** Requests, throughput and latency per operation and overall, over the measured time. */
export function operationsTable(tally: Tally, order: string[], seconds: number): string[] {
  const header = `  ${'operation'.padEnd(26)}${'requests'.padStart(9)}${'req/s'.padStart(8)}${'p50'.padStart(11)}${'p95'.padStart(11)}${'p99'.padStart(11)}${'max'.padStart(11)}${'failed'.padStart(8)}${'withheld'.padStart(10)}`;
  const row = (label: string, times: number[], failed: number, withheld: number) => {
    const s = summariseLatency(times);
    return `  ${label.padEnd(26)}${count(s.count).padStart(9)}${rate(s.count, seconds).padStart(8)}${ms(s.p50).padStart(11)}${ms(s.p95).padStart(11)}${ms(s.p99).padStart(11)}${ms(s.max).padStart(11)}${count(failed).padStart(8)}${count(withheld).padStart(10)}`;
  };
  const lines = [header];
  let withheld = 0;
  for (const name of order) {
    const t = tally.operations.get(name) ?? { times: [], failed: 0, withheld: 0 };
    withheld += t.withheld;
    lines.push(row(name, t.times, t.failed, t.withheld));
  }
  lines.push(row('all', tally.allTimes(), tally.failedRequests, withheld));
  return lines;
}

/** Failures by cause, commonest first ("none" when there were none). */
export function failuresTable(tally: Tally): string[] {
  if (tally.failures.size === 0) return ['  none'];
  return [...tally.failures]
    .sort((a, b) => b[1] - a[1])
    .flatMap(([cause, n]) => [
      `  ${cause.padEnd(48)}${count(n).padStart(8)}`,
      `      first: ${(tally.examples.get(cause) ?? '').slice(0, 160)}`,
    ]);
}

/**
 * RSS and heap used per process after warm-up and at the end, and the change; and the CPU each used
 * over the measured time, as a share of one core (which process the load is waiting on).
 */
export function processTable(
  start: Map<string, ProcessSample | Error>,
  end: Map<string, ProcessSample | Error>,
  seconds: number,
): string[] {
  const header = `  ${'process'.padEnd(14)}${'RSS start'.padStart(11)}${'RSS end'.padStart(10)}${'change'.padStart(9)}${'heap start'.padStart(12)}${'heap end'.padStart(10)}${'change'.padStart(9)}${'CPU'.padStart(8)}`;
  const lines = [header];
  for (const [name, before] of start) {
    const after = end.get(name);
    if (before instanceof Error || after === undefined || after instanceof Error) {
      const err =
        before instanceof Error ? `at start: ${before.message}` : `at end: ${after instanceof Error ? after.message : 'not read'}`;
      lines.push(`  ${name.padEnd(14)}unreadable ${err}`);
      continue;
    }
    const cpu = seconds > 0 ? `${Math.round((100 * (after.cpuSeconds - before.cpuSeconds)) / seconds)}%` : '-';
    lines.push(
      `  ${name.padEnd(14)}${mib(before.rssMiB).padStart(11)}${mib(after.rssMiB).padStart(10)}${signed(after.rssMiB - before.rssMiB).padStart(9)}${mib(before.heapUsedMiB).padStart(12)}${mib(after.heapUsedMiB).padStart(10)}${signed(after.heapUsedMiB - before.heapUsedMiB).padStart(9)}${cpu.padStart(8)}`,
    );
  }
  return lines;
}

/** One line an operator can read at a glance: no errors, or how many and of what. */
export function verdict(tally: Tally, warmUp: Tally): string {
  const requests = tally.requests + warmUp.requests;
  const failures = tally.failureCount + warmUp.failureCount;
  if (failures === 0) return `0 errors in ${count(requests)} requests (warm-up included)`;
  const causes = new Map(tally.failures);
  for (const [cause, n] of warmUp.failures) causes.set(cause, (causes.get(cause) ?? 0) + n);
  const list = [...causes]
    .sort((a, b) => b[1] - a[1])
    .map(([cause, n]) => `${cause} ${count(n)}`)
    .join(', ');
  return `${count(failures)} errors in ${count(requests)} requests (warm-up included): ${list}`;
}
