import { timedRequest } from './client';
import type { PlannedRequest } from './mix';
import type { Tally } from './tally';

export interface LoadOptions {
  gatewayUrl: string;
  durationMs: number;
  /** Workers, each with one request in flight: a meeting tool waits for an answer before its next ask. */
  concurrency: number;
  plan: () => PlannedRequest;
  tally: Tally;
  /** Aborted: no new requests (Ctrl-C, or the gateway gone); those in flight finish. */
  stop: AbortSignal;
  /** Called every `progressEveryMs` while the load runs, with the time since it began. */
  onProgress?: (elapsedMs: number) => void;
  progressEveryMs?: number;
}

/**
 * Runs the mix for the duration (or until stopped) and resolves with how long it really ran, to the
 * last answer: the figure throughput is divided by.
 */
export async function runLoad(options: LoadOptions): Promise<number> {
  const { gatewayUrl, concurrency, plan, tally, stop } = options;
  const start = performance.now();
  const end = start + options.durationMs;
  const progress =
    options.onProgress && setInterval(() => options.onProgress!(performance.now() - start), options.progressEveryMs ?? 30_000);
  const worker = async () => {
    while (performance.now() < end && !stop.aborted) {
      const request = plan();
      const { ms, outcome } = await timedRequest(gatewayUrl, request.member.token, request.document, request.variables);
      tally.record(request.operation, ms, outcome);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    if (progress) clearInterval(progress);
  }
  return performance.now() - start;
}
