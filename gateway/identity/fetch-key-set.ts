import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/** A key set as fetched: the keys to verify with, and their ids (for logs). */
export interface FetchedKeySet {
  getKey: JWTVerifyGetKey;
  kids: string[];
}

/**
 * GETs the identity provider's JWKS. Anything but a 200 with a well-formed key set is a failure, so a
 * provider answering with an error page never replaces the keys the gateway holds. Redirects are not
 * followed (as jose's own fetch does not): the key set comes from the configured address only.
 */
export async function fetchKeySet(url: URL, timeoutMs: number): Promise<FetchedKeySet> {
  const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new Error(`the key set request answered ${res.status}`);
  }
  const jwks = (await res.json()) as JSONWebKeySet;
  // Throws on anything that is not { keys: [objects] }.
  const getKey = createLocalJWKSet(jwks);
  return { getKey, kids: jwks.keys.map((k) => k.kid ?? '(no kid)') };
}
