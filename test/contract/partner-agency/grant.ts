import { importJWK, jwtVerify, type JWK, type KeyLike } from 'jose';
import { AGENCY, GRANT_ISSUER, GRANT_MAX_YOUNG_PEOPLE, PURPOSE_KINDS } from './contract';
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
    // Every young person the grant names is well formed, each identifier once; the one whose identifier
    // is exactly as received (absent and null are both "not linked") gives the purpose.
    const named = claims.yps;
    if (!Array.isArray(named) || named.length === 0 || named.length > GRANT_MAX_YOUNG_PEOPLE) return null;
    const byIdentifier = new Map<string | null, Record<string, unknown>>();
    for (const entry of named as unknown[]) {
      if (typeof entry !== 'object' || entry === null) return null;
      const { idf = null, pk, mtg, why } = entry as Record<string, unknown>;
      if (idf !== null && typeof idf !== 'string') return null;
      if (typeof pk !== 'string' || !PURPOSE_KINDS.includes(pk) || pk === 'AGGREGATE_REPORTING') return null;
      if ((mtg !== undefined && typeof mtg !== 'string') || (why !== undefined && typeof why !== 'string')) return null;
      if (byIdentifier.has(idf)) return null;
      byIdentifier.set(idf, entry as Record<string, unknown>);
    }
    const matching = byIdentifier.get((identifierAsReceived ?? null) as string | null);
    if (!matching) return null;
    const { pk, mtg, why } = matching as { pk: string; mtg?: string; why?: string };
    return { kind: pk, meeting: mtg ?? null, breakGlassReason: why ?? null };
  }
}
