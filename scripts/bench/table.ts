import type { Measurement } from './measure';
import type { SubgraphCounters } from './process-counters';

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Prints the header, and returns what prints each row as it is measured: one per scenario, route and concurrency: throughput and latency, then CPU milliseconds per request
 * in each process (the gateway or Hive Gateway as "gw"), then per request in each subgraph the SQL
 * statements, the round trips they went in, the milliseconds they were outstanding (sent to answered: the database's time plus any
 * wait for a pooled connection or for the process's own busy event loop, so an upper bound) and the
 * audit records written.
 */
export function tablePrinter(agencies: string[]): (row: Measurement) => void {
  const short = (name: string) => name.slice(0, 4);
  const cols = (values: string[], width: number) => values.map((v) => v.padStart(width)).join('');
  const numbers = (values: number[], width: number) =>
    cols(
      values.map((v) => fixed(v)),
      width,
    );
  const groups = [
    { title: 'CPU ms/req', names: ['gw', ...agencies.map(short), 'all'], width: 7 },
    { title: 'SQL/req', names: agencies.map(short), width: 6 },
    { title: 'trips/req', names: agencies.map(short), width: 6 },
    { title: 'SQL wall ms/req', names: agencies.map(short), width: 7 },
  ];
  const header =
    `${'scenario'.padEnd(50)}${'via'.padEnd(6)}${'c'.padStart(2)}${cols(['req/s', 'p50', 'p95', 'p99'], 8)}` +
    groups.map((g) => ` | ${g.title}${cols(g.names, g.width)}`).join('') +
    ' | audit/req';
  console.log(header);
  console.log('-'.repeat(header.length));
  return (r) => {
    const gateway = r.cpuMs.gateway ?? r.cpuMs['hive-gateway'] ?? NaN;
    const cpu = [gateway, ...agencies.map((a) => r.cpuMs[a] ?? NaN)];
    const sub = (pick: (c: SubgraphCounters) => number) =>
      agencies.map((a) => {
        const counters = r.subgraphs[a as keyof typeof r.subgraphs];
        return counters ? pick(counters) : NaN;
      });
    const values = [[...cpu, sum(cpu)], sub((c) => c.statements), sub((c) => c.roundTrips), sub((c) => c.databaseMs)];
    console.log(
      `${r.scenario.padEnd(50)}${r.via.padEnd(6)}${String(r.concurrency).padStart(2)}` +
        cols([fixed(r.perSecond), fixed(r.latency.p50), fixed(r.latency.p95), fixed(r.latency.p99)], 8) +
        groups.map((g, i) => ` | ${' '.repeat(g.title.length)}${numbers(values[i], g.width)}`).join('') +
        ` | ${fixed(sum(sub((c) => c.auditRecords))).padStart(9)}`,
    );
  };
}
