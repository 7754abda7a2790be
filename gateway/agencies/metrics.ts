import { CircuitState } from 'cockatiel';
import { Gauge } from 'prom-client';
import type { ProcessMetrics } from '../../kit/shared/observability/metrics';

/** How an agency call ended: answered, refused the client's question, or unavailable (timeout, down, garbled, circuit open). */
export type CallOutcome = 'answered' | 'refused' | 'unavailable';

export type ObserveCall = (agency: string, outcome: CallOutcome, seconds: number) => void;

/** The circuit's state as a number a graph can plot and an alert can compare: 0 closed ... 2 open. */
const STATE_VALUES: Record<CircuitState, number> = {
  [CircuitState.Closed]: 0,
  [CircuitState.HalfOpen]: 1,
  [CircuitState.Open]: 2,
  [CircuitState.Isolated]: 3,
};

/** The gateway's own metrics: each agency call's latency and outcome, and each agency's circuit. */
export function gatewayMetrics(metrics: ProcessMetrics, circuits: () => Iterable<[string, CircuitState]>): ObserveCall {
  const calls = metrics.histogram(
    'agency_call_duration_seconds',
    "Time the gateway waited for one agency's answer (each fetch of a query plan), by agency and outcome.",
    ['agency', 'outcome'],
  );
  new Gauge({
    name: 'agency_circuit_state',
    help: "Each agency's circuit breaker: 0 closed (answering), 1 half-open (being tried), 2 open (not asked), 3 isolated.",
    labelNames: ['agency'],
    registers: [metrics.registry],
    collect() {
      for (const [agency, state] of circuits()) this.set({ agency }, STATE_VALUES[state]);
    },
  });
  return (agency, outcome, seconds) => calls.observe({ agency, outcome }, seconds);
}
