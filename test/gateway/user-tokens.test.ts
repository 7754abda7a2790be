import { SignJWT, type JWTPayload } from 'jose';
import { createUserTokenVerifier, Unauthenticated } from '../../gateway/auth';
import { gatewayConfigFromEnv } from '../../gateway/config';
import { ConfiguredKeys } from '../../gateway/identity/key-source';
import { keyPolicyFromEnv } from '../../gateway/identity/key-policy';
import { PERSONAS } from '../../kit/dev/personas';
import { generateSigningKeyPair, importSigningKey } from '../../kit/shared/keys';
import { ROLES } from '../../kit/shared/roles';

/**
 * Issue 7: a user token without `exp` was accepted, and so was role LAC_NURSE with agency POLICE. A
 * token must end, within the configured lifetime (an hour unless USER_TOKEN_MAX_LIFETIME_S says
 * otherwise), and its role must be one of its agency's staff (DOMAIN.md §1).
 */
const ISSUER = 'https://idp.example.test';
const AUDIENCE = 'nwd-graph';
const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

let verify: ReturnType<typeof createUserTokenVerifier>;
let sign: (claims: JWTPayload, times: { iat?: number; exp?: number }) => Promise<string>;

beforeAll(async () => {
  const idp = await generateSigningKeyPair('user-tokens');
  const key = await importSigningKey(idp.privateJwk);
  verify = createUserTokenVerifier(
    { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [idp.publicJwk] }, keyPolicy: keyPolicyFromEnv({}), maxLifetimeSeconds: HOUR },
    new ConfiguredKeys({ keys: [idp.publicJwk] }),
  );
  sign = (claims, { iat, exp }) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: idp.publicJwk.kid }).setIssuer(ISSUER).setAudience(AUDIENCE);
    if (iat !== undefined) jwt.setIssuedAt(iat);
    if (exp !== undefined) jwt.setExpirationTime(exp);
    return jwt.sign(key);
  };
});

const { id, name, agency, role } = PERSONAS.lacNurse;
const nurse = { sub: id, name, agency, role };
const outcome = async (claims: JWTPayload, times: { iat?: number; exp?: number }) =>
  verify(`Bearer ${await sign(claims, times)}`).then(
    () => 'accepted',
    (err: unknown) => (err instanceof Unauthenticated ? `refused: ${err.message}` : Promise.reject(err as Error)),
  );

describe("a user's token must end, and soon enough", () => {
  it('accepts a token living up to the maximum, with or without iat', async () => {
    expect(await outcome(nurse, { iat: now(), exp: now() + HOUR })).toBe('accepted');
    expect(await outcome(nurse, { exp: now() + HOUR - 5 })).toBe('accepted');
  });

  it.each([
    ['without exp', {}],
    ['without exp, with iat', { iat: now() }],
    ['living longer than the maximum (exp - iat)', { iat: now() - 60, exp: now() + HOUR }],
    ['without iat, ending further off than the maximum (exp - now)', { exp: now() + HOUR + 120 }],
    ['issued in the future, to live long unseen', { iat: now() + 24 * HOUR, exp: now() + 25 * HOUR }],
    ['valid for a year', { iat: now(), exp: now() + 365 * 24 * HOUR }],
  ])('refuses a token %s', async (_what, times) => {
    expect(await outcome(nurse, times)).toMatch(/^refused: token refused: it /);
  });

  it('takes the maximum from USER_TOKEN_MAX_LIFETIME_S, an hour by default', () => {
    const env = {
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_JWKS: '{"keys":[]}',
      GATEWAY_PRIVATE_JWK: '{"kty":"EC","crv":"P-256","x":"x","y":"y","d":"d"}',
    };
    expect(gatewayConfigFromEnv(env).userTokens.maxLifetimeSeconds).toBe(HOUR);
    expect(gatewayConfigFromEnv({ ...env, USER_TOKEN_MAX_LIFETIME_S: '900' }).userTokens.maxLifetimeSeconds).toBe(900);
    expect(() => gatewayConfigFromEnv({ ...env, USER_TOKEN_MAX_LIFETIME_S: 'forever' })).toThrow(/USER_TOKEN_MAX_LIFETIME_S/);
  });
});

describe("a user's role must be one of their agency's", () => {
  const inTime = { iat: now(), exp: now() + 300 };

  it('refuses a LAC nurse claiming to be police, and every other role claimed for another agency', async () => {
    expect(await outcome({ ...nurse, agency: 'POLICE' }, inTime)).toMatch(/^refused: .*a role of that agency/);
    const roles = Object.entries(ROLES);
    for (const [claimedRole, itsAgency] of roles) {
      for (const other of new Set(roles.map(([, a]) => a))) {
        const got = await outcome({ ...nurse, role: claimedRole, agency: other }, inTime);
        expect([claimedRole, other, got.startsWith('refused') ? 'refused' : got]).toEqual([
          claimedRole,
          other,
          other === itsAgency ? 'accepted' : 'refused',
        ]);
      }
    }
  });
});
