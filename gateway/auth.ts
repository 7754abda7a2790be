import { errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Logger } from '../kit/shared/logger';
import { viewerFromClaims, type Viewer } from '../kit/shared/roles';
import type { KeyPolicy } from './identity/key-policy';
import { ConfiguredKeys, IdentityProviderUnavailable, type KeySource } from './identity/key-source';
import { RemoteKeys } from './identity/remote-keys';
import { lifetimeProblem } from './identity/token-lifetime';

export { IdentityProviderUnavailable } from './identity/key-source';

/** Users' tokens: RS256 or ES256, from the configured issuer, for this audience. Never alg none, never HMAC. */
export const USER_TOKEN_ALGORITHMS = ['RS256', 'ES256'];

export interface UserTokenConfig {
  issuer: string;
  audience: string;
  /** URL of the identity provider's JWKS, or the key set itself. */
  jwks: URL | JSONWebKeySet;
  /** How a fetched key set is kept (gateway/identity/key-policy.ts). */
  keyPolicy: KeyPolicy;
  /** Longest lifetime accepted (exp - iat, or exp - now): longer-lived tokens, and tokens without exp, are refused. */
  maxLifetimeSeconds: number;
}

export class Unauthenticated extends Error {}

export function userTokenKeys(config: UserTokenConfig, logger: Logger): KeySource {
  return config.jwks instanceof URL ? new RemoteKeys(config.jwks, config.keyPolicy, logger) : new ConfiguredKeys(config.jwks);
}

const refused = (err: unknown) => new Unauthenticated(`token refused: ${(err as Error).message}`);

/**
 * Throws Unauthenticated when the token is not good (401: sign in again) and
 * IdentityProviderUnavailable when the gateway cannot tell (503: try again).
 */
export function createUserTokenVerifier(config: UserTokenConfig, keys: KeySource) {
  const options = { issuer: config.issuer, audience: config.audience, algorithms: USER_TOKEN_ALGORITHMS };
  // Keys are looked up only once jose has checked the token's form and algorithm: a malformed or
  // alg-none token is refused as invalid even while the provider is down.
  const verifyWith = (getKeys: () => Promise<JWTVerifyGetKey>, token: string) =>
    jwtVerify(token, async (header, jws) => (await getKeys())(header, jws), options);

  async function verified(token: string): Promise<JWTPayload> {
    try {
      return (await verifyWith(() => keys.current(), token)).payload;
    } catch (err) {
      if (err instanceof IdentityProviderUnavailable) throw err;
      const unknownKey = err instanceof errors.JWKSNoMatchingKey;
      // A new key id, or a key replaced under its old id: worth fetching the set again (when the cooldown allows).
      if (!unknownKey && !(err instanceof errors.JWSSignatureVerificationFailed)) throw refused(err);
      let refetched: JWTVerifyGetKey | undefined;
      try {
        refetched = await keys.afterKeyMiss();
      } catch (unavailable) {
        // A key the gateway never held cannot be judged; a known key that failed is still a failure.
        throw unknownKey ? unavailable : refused(err);
      }
      if (!refetched) throw refused(err);
      try {
        return (await verifyWith(() => Promise.resolve(refetched), token)).payload;
      } catch (again) {
        throw refused(again);
      }
    }
  }

  return async (authorization: string | undefined): Promise<Viewer> => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new Unauthenticated('sign in: send "Authorization: Bearer <token>" from your identity provider');
    const payload = await verified(token);
    const tooLong = lifetimeProblem(payload, config.maxLifetimeSeconds, Math.floor(Date.now() / 1000));
    if (tooLong) throw new Unauthenticated(`token refused: ${tooLong}`);
    const viewer = viewerFromClaims(payload);
    if (!viewer) throw new Unauthenticated('token refused: it must name the user (sub, name), their agency and a role of that agency');
    return viewer;
  };
}
