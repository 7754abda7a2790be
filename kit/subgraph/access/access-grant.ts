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

/**
 * A grant for a meeting pack: the agency computes what changed for the young person since `since` and
 * keys what it shows by `reference` (opaque: social care's meeting ids never reach other agencies).
 * `freeze`: the meeting has been recorded and the viewer chaired it, so the agency keeps what it shows.
 */
export interface PackScope {
  reference: string;
  since: string;
  freeze: boolean;
}

export interface AccessGrant {
  viewerId: string;
  requestId: string;
  /** The receiving agency (its name in the agencies table). */
  audience: string;
  /** The receiving agency's own identifier for the young person (null when not linked). */
  identifier: string | null;
  purpose: Purpose;
  /** Present on a meeting pack's grant only. */
  pack?: PackScope;
}

/** What a verified grant allows: the purpose, the agency's identifier it names, and a pack's scope. */
export interface VerifiedGrant {
  purpose: Purpose;
  identifier: string | null;
  pack?: PackScope;
}

/** What the receiving agency received with the grant: the identifier exactly as sent (YoungPerson), or a pack's reference. */
export type ExpectedGrant = { viewerId: string; requestId: string } & ({ identifier: string | null } | { packReference: string });

export async function createGrantSigner(privateJwk: JWK) {
  const key = await importSigningKey(privateJwk);
  return (grant: AccessGrant): Promise<string> =>
    new SignJWT({
      rid: grant.requestId,
      idf: grant.identifier,
      pk: grant.purpose.kind,
      mtg: grant.purpose.meetingId,
      why: grant.purpose.reason,
      ...(grant.pack && { pack: grant.pack }),
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

function packScope(claim: unknown): PackScope | undefined {
  if (typeof claim !== 'object' || claim === null) return undefined;
  const { reference, since, freeze } = claim as Record<string, unknown>;
  if (typeof reference !== 'string' || typeof since !== 'string' || typeof freeze !== 'boolean')
    throw new GrantRejected('access grant refused: malformed pack');
  return { reference, since, freeze };
}

export async function createGrantVerifier(publicJwk: JWK, audience: string, now: () => number = Date.now) {
  const key = await importSigningKey(publicJwk);
  return async (token: unknown, expected: ExpectedGrant): Promise<VerifiedGrant> => {
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
    const identifier = typeof payload.idf === 'string' ? payload.idf : null;
    const pack = packScope(payload.pack);
    if ('packReference' in expected) {
      // A pack's grant names the agency's identifier itself: the representation carries only the pack's reference.
      if (pack?.reference !== expected.packReference) throw new GrantRejected('access grant refused: issued for another meeting pack');
    } else {
      if (pack) throw new GrantRejected('access grant refused: a meeting pack grant is not a grant to read the record');
      if (identifier !== expected.identifier) throw new GrantRejected('access grant refused: issued for another young person');
    }
    const kind = payload.pk;
    if (typeof kind !== 'string' || !(kind in PurposeKind)) throw new GrantRejected('access grant refused: unknown purpose');
    const purpose: Purpose = {
      kind: kind as PurposeKind,
      ...(typeof payload.mtg === 'string' && { meetingId: payload.mtg }),
      ...(typeof payload.why === 'string' && { reason: payload.why }),
    };
    return { purpose, identifier, ...(pack && { pack }) };
  };
}
