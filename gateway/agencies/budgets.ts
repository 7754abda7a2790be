import { ConfigurationError, wholeNumberFromEnv, type Env } from '../../kit/shared/config';
import { INTERNAL_TOKEN_TTL_SECONDS } from '../../kit/shared/internal-token';

/** How long, and how hard, the gateway tries each agency (README, "Operating it"). */
export interface CallBudgets {
  /** Longest wait for one agency's answer. */
  subgraphTimeoutMs: number;
  /** Longest a whole request may take, from arrival to answer, whatever it asks of the agencies. */
  requestDeadlineMs: number;
  /** Open connections to one agency at most (the rest queue). */
  maxConnectionsPerAgency: number;
  /** Consecutive failures that open an agency's circuit: it is then not asked until halfOpenAfterMs. */
  breakerFailures: number;
  breakerHalfOpenAfterMs: number;
}

export function callBudgetsFromEnv(env: Env): CallBudgets {
  const budgets = {
    subgraphTimeoutMs: wholeNumberFromEnv(env, 'SUBGRAPH_TIMEOUT_MS', 5_000),
    requestDeadlineMs: wholeNumberFromEnv(env, 'REQUEST_DEADLINE_MS', 15_000),
    maxConnectionsPerAgency: wholeNumberFromEnv(env, 'SUBGRAPH_MAX_CONNECTIONS', 64),
    breakerFailures: wholeNumberFromEnv(env, 'BREAKER_FAILURES', 5),
    breakerHalfOpenAfterMs: wholeNumberFromEnv(env, 'BREAKER_HALF_OPEN_AFTER_MS', 10_000),
  };
  // A request outliving the gateway's token to an agency would be refused as if forged.
  if (budgets.requestDeadlineMs >= INTERNAL_TOKEN_TTL_SECONDS * 1000)
    throw new ConfigurationError(`REQUEST_DEADLINE_MS must be under ${INTERNAL_TOKEN_TTL_SECONDS * 1000} (the gateway token's lifetime)`);
  return budgets;
}
