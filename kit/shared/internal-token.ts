import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { importSigningKey, SIGNING_ALG } from './keys';
import { viewerFromClaims, type Viewer } from './roles';

/**
 * Gateway -> subgraph trust. For every fetch the gateway signs a short-lived token for one subgraph
 * (audience), carrying the verified user and the request id. A
 * subgraph accepts nothing else, and each token only once: copied headers are refused.
 */
export const GATEWAY_ISSUER = 'nwd-gateway';
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

export interface InternalClaims {
  viewer: Viewer;
  requestId: string;
}

export const audienceFor = (subgraph: string) => `subgraph:${subgraph}`;

export async function createInternalTokenSigner(privateJwk: JWK) {
  const key = await importSigningKey(privateJwk);
  return async (subgraph: string, claims: InternalClaims): Promise<string> =>
    new SignJWT({ name: claims.viewer.name, agency: claims.viewer.agency, role: claims.viewer.role, rid: claims.requestId })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: privateJwk.kid })
      .setIssuer(GATEWAY_ISSUER)
      .setAudience(audienceFor(subgraph))
      .setSubject(claims.viewer.id)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
      .sign(key);
}

export class InternalTokenRejected extends Error {}

/** Verifies internal tokens for one subgraph; remembers used token ids until they expire. */
export async function createInternalTokenVerifier(publicJwk: JWK, subgraph: string, now: () => number = Date.now) {
  const key = await importSigningKey(publicJwk);
  const used = new Map<string, number>(); // jti -> expiry (ms)
  return async (token: string | undefined): Promise<InternalClaims> => {
    if (!token) throw new InternalTokenRejected('no gateway token: subgraphs answer only the gateway');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        issuer: GATEWAY_ISSUER,
        audience: audienceFor(subgraph),
        algorithms: [SIGNING_ALG],
        maxTokenAge: `${INTERNAL_TOKEN_TTL_SECONDS}s`,
        currentDate: new Date(now()),
      }));
    } catch (err) {
      throw new InternalTokenRejected(`gateway token refused: ${(err as Error).message}`);
    }
    const viewer = viewerFromClaims(payload);
    if (!viewer || typeof payload.rid !== 'string' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') {
      throw new InternalTokenRejected('gateway token refused: claims incomplete');
    }
    for (const [jti, exp] of used) if (exp < now()) used.delete(jti);
    if (used.has(payload.jti)) throw new InternalTokenRejected('gateway token refused: already used (replayed)');
    used.set(payload.jti, payload.exp * 1000);
    return { viewer, requestId: payload.rid };
  };
}
