import { createHash } from 'node:crypto';
import { importJWK, jwtVerify, type JWK, type KeyLike } from 'jose';
import { AGENCY, GATEWAY_ISSUER, ROLES_BY_AGENCY, TOKEN_LIFETIME_SECONDS } from './contract';

/** Who the gateway says is asking, in which request (section 3's claims). */
export interface Caller {
  userId: string;
  userName: string;
  userAgency: string;
  userRole: string;
  requestId: string;
}

/** The operation a request body carries. */
export interface OperationBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** Every object's keys sorted, at any depth; arrays keep their order (section 3, "The operation digest"). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** Section 3: base64url SHA-256 of JSON.stringify([query, operationName, variables]) with sorted keys. */
export function operationDigest(body: OperationBody): string {
  const text = JSON.stringify([body.query ?? null, body.operationName ?? null, sortedKeys(body.variables ?? {})]);
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

/**
 * Section 3's checks, in the document's order. Tokens spent are kept until they expire: this partner
 * runs one replica, so its memory is the store "shared by all replicas".
 */
export class InternalTokenCheck {
  private readonly spent = new Map<string, number>();
  /** Tokens signed before this process started may have been spent on its predecessor: refused. */
  private readonly startedAt = Math.floor(Date.now() / 1000);

  private constructor(private readonly key: KeyLike | Uint8Array) {}

  static async fromJwk(jwk: JWK): Promise<InternalTokenCheck> {
    return new InternalTokenCheck(await importJWK(jwk, 'ES256'));
  }

  /** The caller, or why the request is refused (for the service's own log, never the caller). */
  async check(authorization: string | undefined, body: OperationBody): Promise<Caller | { refused: string }> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return { refused: 'no bearer token' };
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, this.key, {
        algorithms: ['ES256'],
        issuer: GATEWAY_ISSUER,
        audience: `subgraph:${AGENCY.name}`,
        maxTokenAge: TOKEN_LIFETIME_SECONDS,
        clockTolerance: 0,
      }));
    } catch (err) {
      return { refused: `token does not verify: ${(err as Error).message}` };
    }
    const { sub, name, agency, role, rid, jti, exp, op, iat } = claims;
    if (typeof iat !== 'number' || iat < this.startedAt) return { refused: 'token signed before this service started' };
    if (typeof sub !== 'string' || typeof name !== 'string' || typeof agency !== 'string' || typeof role !== 'string')
      return { refused: 'user claims missing' };
    if (!Object.hasOwn(ROLES_BY_AGENCY, agency) || !ROLES_BY_AGENCY[agency].includes(role))
      return { refused: `role ${role} is not one of ${agency}'s` };
    if (typeof rid !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || typeof op !== 'string')
      return { refused: 'request claims missing' };
    // Checked before the token is spent: a copy tried with another operation must not burn the gateway's own.
    if (op !== operationDigest(body)) return { refused: 'token was signed for another operation' };
    const now = Date.now() / 1000;
    for (const [id, expiry] of this.spent) if (expiry < now) this.spent.delete(id);
    if (this.spent.has(jti)) return { refused: 'token replayed' };
    this.spent.set(jti, exp);
    return { userId: sub, userName: name, userAgency: agency, userRole: role, requestId: rid };
  }
}
