import { ConfigurationError, wholeNumberFromEnv, type Env } from '../../kit/shared/config';

/** How the gateway keeps the identity provider's signing keys (README, "Operating it"). */
export interface KeyPolicy {
  /** A key set this old is fetched again before use: bounds how long a key the provider removed still verifies. */
  refreshMs: number;
  /** At most one fetch per cooldown, whatever arrives: tokens with made-up key ids cannot make the gateway hammer the provider. */
  cooldownMs: number;
  /** Longest wait for the provider's key set (a request that needs the fetch waits this long at most). */
  fetchTimeoutMs: number;
  /** While the provider cannot be reached, the last key set fetched is still used until this long after its fetch. */
  staleGraceMs: number;
}

/**
 * Defaults: refreshed every 5 minutes (a key the provider withdraws stops verifying within that); a
 * fetch at most every 10 seconds (a new key id is fetched on demand, and a flood of made-up ones costs
 * the provider six requests a minute per gateway); 3 seconds to answer; and 4 hours of grace, long
 * enough to ride out a provider's outage through a morning of meetings, short enough that a key
 * withdrawn during an outage (which the gateway cannot learn of) is not trusted for the rest of the day.
 * The grace never lengthens a token's life: expired tokens stay refused.
 */
export function keyPolicyFromEnv(env: Env): KeyPolicy {
  const policy = {
    refreshMs: wholeNumberFromEnv(env, 'IDP_KEYS_REFRESH_MS', 5 * 60_000),
    cooldownMs: wholeNumberFromEnv(env, 'IDP_KEYS_COOLDOWN_MS', 10_000),
    fetchTimeoutMs: wholeNumberFromEnv(env, 'IDP_FETCH_TIMEOUT_MS', 3_000),
    staleGraceMs: wholeNumberFromEnv(env, 'IDP_STALE_GRACE_MS', 4 * 60 * 60_000),
  };
  // A grace shorter than the refresh would leave the gateway without keys between a set's expiry and its refresh.
  if (policy.staleGraceMs < policy.refreshMs)
    throw new ConfigurationError(
      `IDP_STALE_GRACE_MS (${policy.staleGraceMs}) must be at least IDP_KEYS_REFRESH_MS (${policy.refreshMs}): keys are used until their refresh is due, at least`,
    );
  return policy;
}
