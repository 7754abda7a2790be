/** Latency figures for a set of timed requests, in milliseconds (the bench and the soak print them). */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The value below which p% of the (ascending) times fall: nearest rank, no interpolation. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Summarises times in any order (NaN figures when there are none, printed as "-"). */
export function summariseLatency(times: readonly number[]): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

/** "12.3 ms", or "-" when there was nothing to measure. */
export function ms(value: number): string {
  return Number.isNaN(value) ? '-' : `${value.toFixed(1)} ms`;
}
