/** A load generator's requests a minute per user: far above what its few users send. */
export const LOAD_RATE_LIMIT_PER_MINUTE = 1_000_000;

/**
 * The gateway's per-user limits for a load generator (the bench, the soak, bench:misses) whose few
 * users each stand in for an office: far above its load, so it measures the graph rather than the
 * limiter, which still runs on every request. `npm run bench:fairness` measures the limits themselves.
 * With the gateway's own 6 at once per user, the soak's default 20 in flight had 71 301 of 72 735
 * requests refused RATE_LIMITED (2026-12-06).
 */
export const LOAD_USER_LIMITS = {
  RATE_LIMIT_PER_MINUTE: String(LOAD_RATE_LIMIT_PER_MINUTE),
  USER_MAX_CONCURRENT_REQUESTS: '500',
  USER_COST_PER_MINUTE: '100000000',
};

/**
 * A load generator's agency budgets (SUBGRAPH_TIMEOUT_MS, REQUEST_DEADLINE_MS): a reporting deployment's,
 * not the meeting tools' 5 s. The bench's cohort queries count a whole council in one request; the soak
 * test runs beside other suites' graphs on two cores, where a cold social care once went past 5 s and
 * the gateway's breaker then kept it out for 10 s (781 of 833 requests AGENCY_UNAVAILABLE).
 */
export const LOAD_AGENCY_BUDGETS = {
  SUBGRAPH_TIMEOUT_MS: '30000',
  REQUEST_DEADLINE_MS: '55000',
};
