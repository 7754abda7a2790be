import type { SharedState } from './shared-state';
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { importSigningKey, SIGNING_ALG } from './keys';
import { operationDigest, type BoundOperation } from './operation-digest';
import { viewerFromClaims, type Viewer } from './roles';

/**
 * Gateway -> subgraph trust. For every fetch the gateway signs a short-lived token for one subgraph
 * (audience), carrying the verified user, the request id and a digest of exactly the operation it
 * sends (query, operation name, variables). A subgraph accepts nothing else, each token only once
 * (copied headers are refused), and only for the operation it was signed for: a token captured on
 * the internal hop before its use cannot run another query (a break-glass read of another child).
 */
export const GATEWAY_ISSUER = 'nwd-gateway';
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

export interface InternalClaims {
  viewer: Viewer;
  requestId: string;
}

/** What the gateway signs: the claims and the operation the token is good for. */
export interface InternalTokenRequest extends InternalClaims {
  operation: BoundOperation;
}

export const audienceFor = (subgraph: string) => `subgraph:${subgraph}`;

export async function createInternalTokenSigner(privateJwk: JWK) {
  const key = await importSigningKey(privateJwk);
  return async (subgraph: string, claims: InternalTokenRequest): Promise<string> =>
    new SignJWT({
      name: claims.viewer.name,
      agency: claims.viewer.agency,
      role: claims.viewer.role,
      rid: claims.requestId,
      op: operationDigest(claims.operation),
    })
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

/**
 * Verifies internal tokens for one subgraph, for the operation the request carries (its parsed body);
 * remembers used token ids (in `tokensUsed`) until they expire.
 */
export async function createInternalTokenVerifier(
  publicJwk: JWK,
  subgraph: string,
  tokensUsed: Pick<SharedState, 'firstUse'>,
  now: () => number = Date.now,
) {
  const key = await importSigningKey(publicJwk);
  return async (token: string | undefined, operation: BoundOperation | null): Promise<InternalClaims> => {
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
    if (
      !viewer ||
      typeof payload.rid !== 'string' ||
      typeof payload.jti !== 'string' ||
      typeof payload.exp !== 'number' ||
      typeof payload.op !== 'string'
    ) {
      throw new InternalTokenRejected('gateway token refused: claims incomplete');
    }
    // Before the replay check: a token tried with another operation is not spent, so its own request still runs.
    if (!operation || payload.op !== operationDigest(operation))
      throw new InternalTokenRejected('gateway token refused: signed for another operation than the one sent');
    // Shared by every replica of this subgraph: a token is good once, whichever replica it reaches.
    if (!(await tokensUsed.firstUse(subgraph, payload.jti, payload.exp * 1000)))
      throw new InternalTokenRejected('gateway token refused: already used (replayed)');
    return { viewer, requestId: payload.rid };
  };
}
