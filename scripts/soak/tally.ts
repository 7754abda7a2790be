import type { Failure, Outcome } from './outcome';

/** One kind of request's record: every latency (ms) and its failures by cause. */
export interface OperationTally {
  times: number[];
  failed: number;
  withheld: number;
}

/**
 * Everything the soak measured, by operation. Latencies are kept whole (a number per request): even an
 * hour at a few hundred requests a second is a few MB, and percentiles need them all.
 */
export class Tally {
  readonly operations = new Map<string, OperationTally>();
  /** Failed requests by cause ("AGENCY_UNAVAILABLE (health)", "HTTP 502", "NETWORK_ERROR (ECONNRESET)"...). */
  readonly failures = new Map<string, number>();
  /** What the first failure of each cause said, to point at where to look. */
  readonly examples = new Map<string, string>();

  record(operation: string, ms: number, outcome: Outcome): void {
    let tally = this.operations.get(operation);
    if (!tally) this.operations.set(operation, (tally = { times: [], failed: 0, withheld: 0 }));
    tally.times.push(ms);
    if (outcome.failures.length) tally.failed++;
    if (outcome.withheld) tally.withheld++;
    for (const failure of outcome.failures) this.recordFailure(failure);
  }

  /** Counts a failure: a request's, or no request's (a process of the graph exiting mid-soak). */
  recordFailure({ cause, message }: Failure): void {
    this.failures.set(cause, (this.failures.get(cause) ?? 0) + 1);
    if (!this.examples.has(cause)) this.examples.set(cause, message);
  }

  get requests(): number {
    let n = 0;
    for (const t of this.operations.values()) n += t.times.length;
    return n;
  }

  get failedRequests(): number {
    let n = 0;
    for (const t of this.operations.values()) n += t.failed;
    return n;
  }

  get failureCount(): number {
    let n = 0;
    for (const count of this.failures.values()) n += count;
    return n;
  }

  allTimes(): number[] {
    return [...this.operations.values()].flatMap((t) => t.times);
  }
}
