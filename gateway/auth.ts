import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { viewerFromClaims, type Viewer } from '../kit/shared/roles';

/** Users' tokens: RS256 or ES256, from the configured issuer, for this audience. Never alg none, never HMAC. */
export const USER_TOKEN_ALGORITHMS = ['RS256', 'ES256'];

export interface UserTokenConfig {
  issuer: string;
  audience: string;
  /** URL of the identity provider's JWKS, or the key set itself. */
  jwks: URL | JSONWebKeySet;
}

export class Unauthenticated extends Error {}

export function createUserTokenVerifier(config: UserTokenConfig) {
  const keys: JWTVerifyGetKey = config.jwks instanceof URL ? createRemoteJWKSet(config.jwks) : createLocalJWKSet(config.jwks);
  return async (authorization: string | undefined): Promise<Viewer> => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new Unauthenticated('sign in: send "Authorization: Bearer <token>" from your identity provider');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: config.issuer, audience: config.audience, algorithms: USER_TOKEN_ALGORITHMS }));
    } catch (err) {
      throw new Unauthenticated(`token refused: ${(err as Error).message}`);
    }
    const viewer = viewerFromClaims(payload);
    if (!viewer) throw new Unauthenticated('token refused: it must name the user (sub, name), their agency and their role');
    return viewer;
  };
}
