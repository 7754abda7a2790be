import { importJWK, jwtVerify, type JWK, type KeyLike } from 'jose';
import { AGENCY, GRANT_ISSUER, PURPOSE_KINDS } from './contract';
import type { Caller } from './internal-token';

/** What a verified grant lets this agency record with the read (section 6: purposeKind, meetingId, breakGlassReason). */
export interface Purpose {
  kind: string;
  meeting: string | null;
  breakGlassReason: string | null;
}

/** Section 4, "What the agency MUST check", for a `YoungPerson` representation. */
export class GrantCheck {
  private constructor(private readonly key: KeyLike | Uint8Array) {}

  static async fromJwk(jwk: JWK): Promise<GrantCheck> {
    return new GrantCheck(await importJWK(jwk, 'ES256'));
  }

  /** The purpose the grant carries, or null when it does not open this young person for this caller. */
  async purposeOf(grant: unknown, caller: Caller, identifierAsReceived: unknown): Promise<Purpose | null> {
    if (typeof grant !== 'string') return null;
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(grant, this.key, {
        algorithms: ['ES256'],
        issuer: GRANT_ISSUER,
        audience: `grant:${AGENCY.name}`,
      }));
    } catch {
      return null;
    }
    if (claims.sub !== caller.userId || claims.rid !== caller.requestId) return null;
    if (claims.pack !== undefined || claims.coh !== undefined || claims.pk !== undefined) return null;
    // A list's grant names several young people: the one whose identifier is exactly as received
    // (absent and null are both "not linked"), named once.
    const named = Array.isArray(claims.yps) ? (claims.yps as Record<string, unknown>[]) : [];
    const matching = named.filter((entry) => (entry?.idf ?? null) === (identifierAsReceived ?? null));
    if (matching.length !== 1) return null;
    const { pk, mtg, why } = matching[0];
    if (typeof pk !== 'string' || !PURPOSE_KINDS.includes(pk) || pk === 'AGGREGATE_REPORTING') return null;
    return {
      kind: pk,
      meeting: typeof mtg === 'string' ? mtg : null,
      breakGlassReason: typeof why === 'string' ? why : null,
    };
  }
}
