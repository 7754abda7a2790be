import type { JWTPayload } from 'jose';

/**
 * A user's token must say when it ends, and not too far off: a token without `exp` (or with one years
 * away) taken from a shared computer or a log would open the graph for as long as its signing key
 * lasts. Its lifetime is exp - iat, or exp - now when it has no iat; an iat in the future (beyond
 * the clock skew allowed) would lengthen that unseen, so it is refused too.
 */
export const CLOCK_SKEW_SECONDS = 60;

/** Why the token's lifetime is unacceptable, or null (jose has already refused an expired one). */
export function lifetimeProblem(payload: JWTPayload, maxLifetimeSeconds: number, nowSeconds: number): string | null {
  const { exp, iat } = payload;
  if (typeof exp !== 'number') return 'it must say when it expires (exp)';
  if (typeof iat === 'number' && iat > nowSeconds + CLOCK_SKEW_SECONDS) return 'it was issued in the future (iat)';
  const lifetime = exp - (typeof iat === 'number' ? iat : nowSeconds);
  if (lifetime > maxLifetimeSeconds) return `it lives ${lifetime} s, longer than the ${maxLifetimeSeconds} s this graph accepts`;
  return null;
}
