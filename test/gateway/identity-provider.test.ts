import { gatewayConfigFromEnv } from '../../gateway/config';
import { startGateway } from '../../gateway/gateway';
import { keyPolicyFromEnv } from '../../gateway/identity/key-policy';
import type { RunningHttp } from '../../kit/shared/http';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { startJwksServer, testSigningKey, type JwksServer, type TestSigningKey } from '../support/jwks-server';
import { freePort } from '../../scripts/ports';
import { AGENCIES } from '../../kit/shared/agencies';

/**
 * What a client and an operator see of the identity provider through the gateway: an outage is a 503
 * "identity provider unavailable" with Retry-After (never a 401, never the provider's address), and
 * readiness says whether the gateway has keys to verify with and in what state they are.
 */
const COOLDOWN_MS = 200;

interface Readiness {
  ready: boolean;
  identityProvider: string;
  agencies: Record<string, string>;
}
interface ErrorBody {
  errors: { message: string; extensions: { code: string; retryable?: boolean } }[];
}

describe('the gateway and its identity provider', () => {
  let idp: JwksServer;
  let gateway: RunningHttp;
  let k1: TestSigningKey;
  const pause = () => new Promise((r) => setTimeout(r, COOLDOWN_MS + 50));
  const ask = async (token: string) => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as ErrorBody };
  };
  const readiness = async () => {
    const res = await fetch(gateway.url.replace(/graphql$/, 'health/ready'));
    return { status: res.status, body: (await res.json()) as Readiness };
  };

  beforeAll(async () => {
    idp = await startJwksServer();
    idp.mode = 'down';
    k1 = await testSigningKey(idp, 'k1');
    idp.keys = [k1.publicJwk];
    const signing = await generateSigningKeyPair('gateway-test');
    gateway = await startGateway(
      gatewayConfigFromEnv({
        PORT: String(await freePort()),
        AUTH_ISSUER: idp.issuer,
        AUTH_AUDIENCE: idp.audience,
        AUTH_JWKS_URL: idp.url.href,
        IDP_KEYS_COOLDOWN_MS: String(COOLDOWN_MS),
        IDP_FETCH_TIMEOUT_MS: '500',
        GATEWAY_PRIVATE_JWK: JSON.stringify(signing.privateJwk),
        LOG_LEVEL: 'silent',
      }),
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    await idp?.close();
  });

  it('is not ready, and answers 503 IDENTITY_PROVIDER_UNAVAILABLE, until it has fetched the keys once', async () => {
    const ready = await readiness();
    expect(ready.status).toBe(503);
    expect(ready.body.ready).toBe(false);
    expect(ready.body.identityProvider).toMatch(/^unreachable/);
    expect(Object.keys(ready.body.agencies).sort()).toEqual(AGENCIES.map((a) => a.name).sort());

    const res = await ask(await k1.token());
    expect(res.status).toBe(503);
    expect(res.body.errors).toEqual([
      {
        message: 'identity provider unavailable: try again shortly',
        extensions: { code: 'IDENTITY_PROVIDER_UNAVAILABLE', retryable: true },
      },
    ]);
    expect(Number(res.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(res.body)).not.toContain(idp.url.host);
  });

  it('is ready, with its keys current, once the provider answers', async () => {
    idp.mode = 'answering';
    await pause();
    const ready = await readiness();
    expect([ready.status, ready.body.ready, ready.body.identityProvider]).toEqual([200, true, 'keys current']);
    expect((await ask(await k1.token())).status).toBe(200);
  });

  it('rides out an outage on the keys it holds, and says a new key id cannot be checked yet', async () => {
    idp.mode = 'down';
    await pause();
    const newcomer = await testSigningKey(idp, 'k2');
    const unknown = await ask(await newcomer.token());
    expect(unknown.status).toBe(503);
    expect(unknown.body.errors[0].extensions.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect((await ask(await k1.token())).status).toBe(200);
    const ready = await readiness();
    expect([ready.status, ready.body.ready]).toEqual([200, true]);
    expect(ready.body.identityProvider).toMatch(/^keys stale since .* used until /);
  });

  it('still calls a bad token a bad token (401) during an outage', async () => {
    const forged = await testSigningKey(idp, 'k1');
    const res = await ask(await forged.token());
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('identity provider key settings', () => {
  it('has defaults that ride out a morning-long outage and drop a withdrawn key within minutes', () => {
    expect(keyPolicyFromEnv({})).toEqual({ refreshMs: 300_000, cooldownMs: 10_000, fetchTimeoutMs: 3_000, staleGraceMs: 14_400_000 });
  });

  it.each([
    [{ IDP_STALE_GRACE_MS: 'four hours' }, /IDP_STALE_GRACE_MS must be a whole number of at least 1 \(got "four hours"\)/],
    [{ IDP_KEYS_COOLDOWN_MS: '0' }, /IDP_KEYS_COOLDOWN_MS must be a whole number of at least 1/],
    [
      { IDP_KEYS_REFRESH_MS: '600000', IDP_STALE_GRACE_MS: '60000' },
      /IDP_STALE_GRACE_MS \(60000\) must be at least IDP_KEYS_REFRESH_MS \(600000\)/,
    ],
  ])('refuses %j, saying which variable and why', (env, message) => {
    expect(() => keyPolicyFromEnv(env)).toThrow(message);
  });
});
