import { UnsecuredJWT } from 'jose';
import pino from 'pino';
import { createUserTokenVerifier, IdentityProviderUnavailable, Unauthenticated } from '../../gateway/auth';
import type { KeyPolicy } from '../../gateway/identity/key-policy';
import { RemoteKeys } from '../../gateway/identity/remote-keys';
import { startJwksServer, testSigningKey, type JwksServer, type TestSigningKey } from '../support/jwks-server';

/**
 * The gateway's hold on the identity provider's keys, against a stand-in provider this test controls
 * and a clock it moves: rotation without a blackout, outages ridden out within the grace and reported
 * as "unavailable" (never as a bad session), withdrawn keys dropped, and the provider never hammered.
 */
const POLICY: KeyPolicy = { refreshMs: 5 * 60_000, cooldownMs: 10_000, fetchTimeoutMs: 300, staleGraceMs: 4 * 60 * 60_000 };

type Outcome = 'accepted' | 'refused' | 'unavailable';

let idp: JwksServer;
let clock: number;
let keys: RemoteKeys;
let verify: ReturnType<typeof createUserTokenVerifier>;
let k1: TestSigningKey;

const later = (ms: number) => {
  clock += ms;
};
const outcome = (token: string): Promise<Outcome> =>
  verify(`Bearer ${token}`).then(
    () => 'accepted',
    (err: unknown) => {
      if (err instanceof IdentityProviderUnavailable) return 'unavailable';
      if (err instanceof Unauthenticated) return 'refused';
      throw err;
    },
  );
/** What readiness would say of the keys. */
const expectStatus = async (ready: boolean, state: RegExp) => {
  const status = await keys.status();
  expect(status.ready).toBe(ready);
  expect(status.state).toMatch(state);
};
const unavailability = (token: string) =>
  verify(`Bearer ${token}`).then(
    () => {
      throw new Error('accepted');
    },
    (err: unknown) => err as IdentityProviderUnavailable,
  );

beforeEach(async () => {
  idp = await startJwksServer();
  clock = Date.now();
  keys = new RemoteKeys(idp.url, POLICY, pino({ level: 'silent' }), () => clock);
  verify = createUserTokenVerifier(
    { issuer: idp.issuer, audience: idp.audience, jwks: idp.url, keyPolicy: POLICY, maxLifetimeSeconds: 3600 },
    keys,
  );
  k1 = await testSigningKey(idp, 'k1');
  idp.keys = [k1.publicJwk];
});
afterEach(() => idp.close());

describe('key rotation', () => {
  it('accepts a new key id as soon as the provider publishes it, and the old key while it is still published', async () => {
    const old = await k1.token();
    expect(await outcome(old)).toBe('accepted');
    const k2 = await testSigningKey(idp, 'k2');
    idp.keys = [k1.publicJwk, k2.publicJwk];
    // One cooldown on, not jose's ten minutes.
    later(POLICY.cooldownMs);
    expect(await outcome(await k2.token())).toBe('accepted');
    expect(await outcome(old)).toBe('accepted');
    expect(idp.fetches).toBe(2);
  });

  it('drops a withdrawn key as soon as a fetch without it succeeds: on demand for a new key id', async () => {
    const old = await k1.token();
    expect(await outcome(old)).toBe('accepted');
    const k2 = await testSigningKey(idp, 'k2');
    idp.keys = [k2.publicJwk];
    later(POLICY.cooldownMs);
    expect(await outcome(await k2.token())).toBe('accepted');
    expect(await outcome(old)).toBe('refused');
  });

  it('drops a withdrawn key at the next refresh, when no token asks for a new one', async () => {
    const old = await k1.token();
    expect(await outcome(old)).toBe('accepted');
    idp.keys = [(await testSigningKey(idp, 'k2')).publicJwk];
    later(POLICY.refreshMs - 1);
    expect(await outcome(old)).toBe('accepted');
    later(1);
    expect(await outcome(old)).toBe('refused');
    expect(idp.fetches).toBe(2);
  });

  it('takes a key replaced under the same key id at once, not at the next refresh', async () => {
    const old = await k1.token();
    expect(await outcome(old)).toBe('accepted');
    const replacement = await testSigningKey(idp, 'k1');
    idp.keys = [replacement.publicJwk];
    later(POLICY.cooldownMs);
    expect(await outcome(await replacement.token())).toBe('accepted');
    // The old key is gone with its id: its tokens cannot be told from forgeries.
    expect(await outcome(old)).toBe('refused');
  });
});

describe('an unreachable identity provider', () => {
  it.each(['down', 'hung', 'broken'] as const)(
    'while %s: known keys still verify within the grace, a new key id is "unavailable" (503), never "invalid" (401)',
    async (mode) => {
      const old = await k1.token();
      expect(await outcome(old)).toBe('accepted');
      idp.mode = mode;
      later(POLICY.refreshMs);
      expect(await outcome(old)).toBe('accepted');
      await expectStatus(true, /^keys stale since /);

      const newcomer = await testSigningKey(idp, 'k2');
      later(POLICY.cooldownMs);
      const refused = await unavailability(await newcomer.token());
      expect(refused).toBeInstanceOf(IdentityProviderUnavailable);
      expect(refused.message).toBe('identity provider unavailable: try again shortly');
      expect(refused.message).not.toContain(idp.url.host);
      // Retry when the next fetch may be tried.
      expect(refused.retryAfterSeconds).toBe(POLICY.cooldownMs / 1000);
      // Asked again within the cooldown: still unavailable, and the provider is not asked.
      const fetches = idp.fetches;
      expect(await outcome(await newcomer.token())).toBe('unavailable');
      expect(idp.fetches).toBe(fetches);
    },
  );

  it('refuses a token that fails under a key it holds as invalid, even while the provider cannot be asked', async () => {
    expect(await outcome(await k1.token())).toBe('accepted');
    idp.mode = 'down';
    const forger = await testSigningKey(idp, 'k1');
    // Same key id as a held key, other key: a forgery, refused as invalid.
    later(POLICY.cooldownMs);
    expect(await outcome(await forger.token())).toBe('refused');
  });

  it('keeps refusing an expired token, as invalid, while using stale keys', async () => {
    expect(await outcome(await k1.token())).toBe('accepted');
    idp.mode = 'down';
    later(POLICY.refreshMs);
    expect(await outcome(await k1.token({ exp: Math.floor(Date.now() / 1000) - 60 }))).toBe('refused');
  });

  it('stops using the keys held when the grace is over: every token is "unavailable" and the gateway is not ready', async () => {
    const old = await k1.token();
    expect(await outcome(old)).toBe('accepted');
    idp.mode = 'down';
    later(POLICY.staleGraceMs - 1);
    expect(await outcome(old)).toBe('accepted');
    later(1);
    expect(await outcome(old)).toBe('unavailable');
    await expectStatus(false, /^unreachable since .*past their/);

    idp.mode = 'answering';
    later(POLICY.cooldownMs);
    expect(await outcome(old)).toBe('accepted');
    await expectStatus(true, /^keys current$/);
  });

  it('is not ready, and says every token is "unavailable", until it has fetched a key set once', async () => {
    idp.mode = 'down';
    await expectStatus(false, /^unreachable since .*no key set fetched yet/);
    expect(await outcome(await k1.token())).toBe('unavailable');
    idp.mode = 'answering';
    later(POLICY.cooldownMs);
    await expectStatus(true, /^keys current$/);
    expect(await outcome(await k1.token())).toBe('accepted');
  });

  it('refuses a token that could never be good as invalid, without needing the provider', async () => {
    idp.mode = 'down';
    const unsigned = new UnsecuredJWT({}).setIssuer(idp.issuer).setAudience(idp.audience).setExpirationTime('5m').encode();
    expect(await outcome(unsigned)).toBe('refused');
    expect(await outcome('not.a.token')).toBe('refused');
    expect(idp.fetches).toBe(0);
  });

  it('keeps the keys it holds when the provider answers with something that is not a key set', async () => {
    expect(await outcome(await k1.token())).toBe('accepted');
    idp.mode = 'broken';
    later(POLICY.refreshMs);
    expect(await outcome(await k1.token())).toBe('accepted');
  });
});

describe('made-up key ids', () => {
  const randomKids = async (n: number) => Promise.all(Array.from({ length: n }, () => k1.token({ kid: crypto.randomUUID() })));

  it('cost the provider one fetch per cooldown at most, all at once or one by one, and are refused as invalid', async () => {
    expect(await outcome(await k1.token())).toBe('accepted');
    expect(idp.fetches).toBe(1);
    later(POLICY.cooldownMs);
    const tokens = await randomKids(50);
    expect(new Set(await Promise.all(tokens.map(outcome)))).toEqual(new Set(['refused']));
    for (const token of tokens) expect(await outcome(token)).toBe('refused');
    expect(idp.fetches).toBe(2);
    later(POLICY.cooldownMs - 1);
    for (const token of tokens.slice(0, 5)) await outcome(token);
    expect(idp.fetches).toBe(2);
    later(1);
    for (const token of tokens.slice(0, 5)) await outcome(token);
    expect(idp.fetches).toBe(3);
  });

  it('cost an unreachable provider one fetch per cooldown at most too (failed fetches count)', async () => {
    expect(await outcome(await k1.token())).toBe('accepted');
    idp.mode = 'down';
    later(POLICY.cooldownMs);
    const tokens = await randomKids(20);
    expect(new Set(await Promise.all(tokens.map(outcome)))).toEqual(new Set(['unavailable']));
    for (const token of tokens) expect(await outcome(token)).toBe('unavailable');
    expect(idp.fetches).toBe(2);
  });
});
