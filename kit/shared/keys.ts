import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { secretFromEnv, type Env } from './config';

/** Every key this product signs with is ES256 (P-256): short signatures, no RSA key handling. */
export const SIGNING_ALG = 'ES256';

export interface KeyPairJwk {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKeyPair(kid: string): Promise<KeyPairJwk> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG, use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: 'sig' },
  };
}

/** Reads a JWK's JSON from NAME or the file NAME_FILE names; says which variable is wrong. */
export function jwkFromEnv(env: Env, name: string): JWK {
  const raw = secretFromEnv(env, name);
  if (!raw) throw new Error(`${name} (or ${name}_FILE) is not set: it must hold a JSON Web Key (see README, "Keys")`);
  try {
    const jwk = JSON.parse(raw) as JWK;
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new Error('not a P-256 EC key');
    return jwk;
  } catch (err) {
    throw new Error(`${name} is not a P-256 JSON Web Key: ${(err as Error).message}`, { cause: err });
  }
}

export async function importSigningKey(jwk: JWK): Promise<KeyLike | Uint8Array> {
  return importJWK(jwk, SIGNING_ALG);
}
