import { SignJWT, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { importSigningKey, SIGNING_ALG } from '../../shared/keys';
import { PurposeKind, type Purpose } from './purpose';

/**
 * Social care decides whether a user has a legitimate relationship with a young person (it holds the
 * allocations and invitations) and hands each other agency a signed grant through the gateway:
 * for this user, in this request, this agency's own identifier, under this purpose. The agency checks
 * the signature and that every part matches before it shows anything. No other identifier travels.
 */
export const GRANT_ISSUER = 'nwd-social-care';
export const GRANT_TTL_SECONDS = 120;

export interface AccessGrant {
  viewerId: string;
  requestId: string;
  /** The receiving agency (its name in the agencies table). */
  audience: string;
  /** The receiving agency's own identifier for the young person (null when not linked). */
  identifier: string | null;
  purpose: Purpose;
}

export async function createGrantSigner(privateJwk: JWK) {
  const key = await importSigningKey(privateJwk);
  return (grant: AccessGrant): Promise<string> =>
    new SignJWT({
      rid: grant.requestId,
      idf: grant.identifier,
      pk: grant.purpose.kind,
      mtg: grant.purpose.meetingId,
      why: grant.purpose.reason,
    })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: privateJwk.kid })
      .setIssuer(GRANT_ISSUER)
      .setAudience(`grant:${grant.audience}`)
      .setSubject(grant.viewerId)
      .setIssuedAt()
      .setExpirationTime(`${GRANT_TTL_SECONDS}s`)
      .sign(key);
}

export class GrantRejected extends Error {}

export async function createGrantVerifier(publicJwk: JWK, audience: string, now: () => number = Date.now) {
  const key = await importSigningKey(publicJwk);
  return async (token: unknown, expected: { viewerId: string; requestId: string; identifier: string | null }): Promise<Purpose> => {
    if (typeof token !== 'string' || !token) throw new GrantRejected('no access grant from social care');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        issuer: GRANT_ISSUER,
        audience: `grant:${audience}`,
        algorithms: [SIGNING_ALG],
        currentDate: new Date(now()),
      }));
    } catch (err) {
      throw new GrantRejected(`access grant refused: ${(err as Error).message}`);
    }
    if (payload.sub !== expected.viewerId) throw new GrantRejected('access grant refused: issued to another user');
    if (payload.rid !== expected.requestId) throw new GrantRejected('access grant refused: issued for another request');
    if ((payload.idf ?? null) !== expected.identifier) throw new GrantRejected('access grant refused: issued for another young person');
    const kind = payload.pk;
    if (typeof kind !== 'string' || !(kind in PurposeKind)) throw new GrantRejected('access grant refused: unknown purpose');
    return {
      kind: kind as PurposeKind,
      ...(typeof payload.mtg === 'string' && { meetingId: payload.mtg }),
      ...(typeof payload.why === 'string' && { reason: payload.why }),
    };
  };
}
