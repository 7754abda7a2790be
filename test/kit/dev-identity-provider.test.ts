import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { startDevIdentityProvider } from '../../kit/dev/identity-provider';

/**
 * The development identity provider rotates as a real one should: a new key id each time, the
 * previous key still published (tokens it signed keep verifying), the next one published ahead.
 */
describe('development identity provider key rotation', () => {
  let idp: Awaited<ReturnType<typeof startDevIdentityProvider>>;
  beforeAll(async () => {
    idp = await startDevIdentityProvider(0);
  });
  afterAll(() => idp?.stop());

  const jwks = async () => (await (await fetch(idp.jwksUrl)).json()) as JSONWebKeySet;
  const kids = async () => (await jwks()).keys.map((k) => k.kid);
  const token = async () => {
    const res = await fetch(`${idp.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: 'socialWorker' }),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;
  const verifies = async (jwt: string) =>
    jwtVerify(jwt, createLocalJWKSet(await jwks()), { issuer: idp.issuer, audience: idp.audience }).then(
      () => true,
      () => false,
    );

  it('signs with a new key id after a rotation, and keeps publishing the previous key until the next one', async () => {
    const before = await token();
    const [signing, upcoming] = await kids();
    expect(kidOf(before)).toBe(signing);

    const rotated = (await (await fetch(`${idp.issuer}/rotate`, { method: 'POST' })).json()) as { signingKid: string };
    const after = await token();
    expect(kidOf(after)).toBe(rotated.signingKid);
    // The key that signs after a rotation was published before it.
    expect(rotated.signingKid).toBe(upcoming);
    expect(rotated.signingKid).not.toBe(signing);
    expect(await kids()).toEqual([signing, upcoming, expect.any(String)]);
    expect([await verifies(before), await verifies(after)]).toEqual([true, true]);

    await idp.rotate();
    expect(await kids()).not.toContain(signing);
    expect([await verifies(before), await verifies(after)]).toEqual([false, true]);
  });

  it('never reuses a key id, even across restarts', async () => {
    const other = await startDevIdentityProvider(0);
    try {
      const theirs = ((await (await fetch(other.jwksUrl)).json()) as JSONWebKeySet).keys.map((k) => k.kid);
      const mine = await kids();
      expect(theirs.filter((kid) => mine.includes(kid))).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});

/**
 * The explorer the gateway serves in development signs in from the browser: the identity provider lets
 * pages on this machine (loopback origins) list its personas and ask for a token, and no other page.
 */
describe('development identity provider for the explorer (CORS)', () => {
  let idp: Awaited<ReturnType<typeof startDevIdentityProvider>>;
  beforeAll(async () => {
    idp = await startDevIdentityProvider(0);
  });
  afterAll(() => idp?.stop());

  /** The browser's preflight before POST /token with a JSON body, from `origin`. */
  const preflight = (origin: string) =>
    fetch(`${idp.issuer}/token`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it.each(['http://127.0.0.1:4000', 'http://localhost:4000', 'http://[::1]:4000'])('lets a page at %s ask for a token', async (origin) => {
    const res = await preflight(origin);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    const personas = await fetch(`${idp.issuer}/personas`, { headers: { origin } });
    expect(personas.headers.get('access-control-allow-origin')).toBe(origin);
    expect(((await personas.json()) as { key: string }[]).map((p) => p.key)).toContain('keyWorker');
  });

  it.each(['https://example.org', 'http://127.0.0.1.example.org:4000', 'http://192.168.1.20:4000', 'null'])(
    'gives a page at %s no token to read',
    async (origin) => {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
      const res = await fetch(`${idp.issuer}/token`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ persona: 'keyWorker' }),
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    },
  );
});
