import { SignJWT } from 'jose';
import { createInternalTokenSigner, createInternalTokenVerifier, InternalTokenRejected } from '../../kit/shared/internal-token';
import { generateSigningKeyPair, importSigningKey } from '../../kit/shared/keys';
import { openSharedState, SharedStateUnavailable, sharedStateUrlFromEnv, type SharedState } from '../../kit/shared/shared-state';
import { ConfigurationError } from '../../kit/shared/config';
import { gatewayConfigFromEnv } from '../../gateway/config';
import { startGateway } from '../../gateway/gateway';
import { PERSONAS } from '../../kit/dev/personas';
import { freePort } from '../../scripts/ports';
import { redisAvailable, TEST_REDIS } from '../support/redis';

/**
 * Several replicas behave as one (README, "Scaling out"): a gateway token is good once whichever
 * replica of a subgraph it reaches, and a user's rate limit is counted across the gateway's replicas.
 * Shown with real Redis, the store replicas share.
 */
const viewer = PERSONAS.lacNurse;
/** The operation each token here is signed for and presented with. */
const operation = { query: '{ _service { sdl } }' };

if (!redisAvailable()) {
  it.todo('scale-out tests need Redis');
} else {
  describe('a replay cache shared by replicas', () => {
    const opened: SharedState[] = [];
    const replica = () => {
      const state = openSharedState(TEST_REDIS);
      opened.push(state);
      return state;
    };
    afterAll(() => Promise.all(opened.map((s) => s.close())));

    it('refuses at a second replica a gateway token the first has accepted', async () => {
      const keys = await generateSigningKeyPair('scale-out-gateway');
      const sign = await createInternalTokenSigner(keys.privateJwk);
      const first = await createInternalTokenVerifier(keys.publicJwk, 'health', replica());
      const second = await createInternalTokenVerifier(keys.publicJwk, 'health', replica());
      const token = await sign('health', { viewer, requestId: 'scale-out-0001', operation });
      await expect(first(token, operation)).resolves.toMatchObject({ requestId: 'scale-out-0001' });
      await expect(second(token, operation)).rejects.toThrow(/already used \(replayed\)/);
      await expect(first(token, operation)).rejects.toBeInstanceOf(InternalTokenRejected);
      // Another token of the same request, for another subgraph, is its own.
      const police = await createInternalTokenVerifier(keys.publicJwk, 'police', replica());
      await expect(police(await sign('police', { viewer, requestId: 'scale-out-0001', operation }), operation)).resolves.toBeDefined();
    });

    it('refuses every token, rather than let a replay through, while Redis cannot be reached', async () => {
      const keys = await generateSigningKeyPair('scale-out-gateway');
      const sign = await createInternalTokenSigner(keys.privateJwk);
      const cut = openSharedState(`redis://127.0.0.1:${await freePort()}`);
      opened.push(cut);
      const verify = await createInternalTokenVerifier(keys.publicJwk, 'health', cut);
      await expect(verify(await sign('health', { viewer, requestId: 'scale-out-0002', operation }), operation)).rejects.toBeInstanceOf(
        SharedStateUnavailable,
      );
      await expect(cut.check()).rejects.toBeInstanceOf(SharedStateUnavailable);
    });

    it('is required in production', () => {
      expect(() => sharedStateUrlFromEnv({ NODE_ENV: 'production' })).toThrow(ConfigurationError);
      expect(sharedStateUrlFromEnv({ NODE_ENV: 'production', REDIS_URL: TEST_REDIS })).toBe(TEST_REDIS);
    });
  });

  describe("a user's rate limit counted across gateway replicas", () => {
    it('gives the user the limit once, not once per replica, and keeps serving when Redis is away', async () => {
      const idp = await generateSigningKeyPair('scale-out-idp');
      const gatewayKeys = await generateSigningKeyPair('scale-out-gateway');
      const env = async (redis: string) => ({
        PORT: String(await freePort()),
        METRICS_PORT: 'off',
        LOG_LEVEL: 'warn',
        AUTH_ISSUER: 'https://idp.example.test',
        AUTH_AUDIENCE: 'nwd-graph',
        AUTH_JWKS: JSON.stringify({ keys: [idp.publicJwk] }),
        GATEWAY_PRIVATE_JWK: JSON.stringify(gatewayKeys.privateJwk),
        RATE_LIMIT_PER_MINUTE: '4',
        REDIS_URL: redis,
      });
      // A user no earlier run has counted (the window is a minute long).
      const user = `scale-out-${Date.now()}`;
      const token = await new SignJWT({ name: 'Test User', agency: 'SOCIAL_CARE', role: 'SOCIAL_WORKER' })
        .setProtectedHeader({ alg: 'ES256', kid: idp.publicJwk.kid })
        .setIssuer('https://idp.example.test')
        .setAudience('nwd-graph')
        .setSubject(user)
        .setExpirationTime('5m')
        .sign(await importSigningKey(idp.privateJwk));
      const ask = async (url: string) =>
        (
          await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: '{ __typename }' }),
          })
        ).status;
      const replicas = [
        await startGateway(gatewayConfigFromEnv(await env(TEST_REDIS))),
        await startGateway(gatewayConfigFromEnv(await env(TEST_REDIS))),
      ];
      const away = await startGateway(gatewayConfigFromEnv(await env(`redis://127.0.0.1:${await freePort()}`)));
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) statuses.push(await ask(replicas[i % 2].url));
        expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
        // Without its store a gateway still serves (uncounted), and says so in its readiness.
        expect(await ask(away.url)).toBe(200);
        const ready = (await (await fetch(away.url.replace('/graphql', '/health/ready'))).json()) as { rateLimits: string };
        expect(ready.rateLimits).toMatch(/not counting/);
      } finally {
        await Promise.all([...replicas, away].map((r) => r.stop()));
      }
    }, 60_000);
  });
}
