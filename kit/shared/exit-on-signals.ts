import type { Tracing } from './observability/tracing';

/**
 * A service's end, the same for the gateway and every subgraph: on SIGINT or SIGTERM it stops (draining
 * the requests in flight), flushes its traces, and exits 0, or 1 when either failed.
 */
export function exitOnSignals(running: { stop(): Promise<void> }, tracing: Tracing): void {
  const shutdown = () => {
    running
      .stop()
      .then(() => tracing.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
