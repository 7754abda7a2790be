import express from 'express';
import { SignJWT } from 'jose';
import type { AddressInfo } from 'node:net';
import { generateSigningKeyPair, importSigningKey, SIGNING_ALG } from '../shared/keys';
import { PERSONA_LIST, PERSONAS, type Persona } from './personas';

/**
 * A development identity provider for the embedded default: issues signed tokens for the demo
 * personas, and publishes its public key as a JWKS for the gateway. Its key lives only in memory.
 * It refuses to run in production: real deployments use the council's own identity provider.
 */
export const DEV_AUDIENCE = 'nwd-graph';
export const DEV_TOKEN_TTL = '8h';

export function assertNotProduction(env: NodeJS.ProcessEnv = process.env) {
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'The development identity provider refuses to start with NODE_ENV=production: configure AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL for your identity provider.',
    );
  }
}

export function findPersona(key: string): Persona | undefined {
  return (PERSONAS as Record<string, Persona>)[key] ?? PERSONA_LIST.find((p) => p.id === key);
}

export async function startDevIdentityProvider(port: number, host = '127.0.0.1') {
  assertNotProduction();
  const { privateJwk, publicJwk } = await generateSigningKeyPair('dev-idp-1');
  const key = await importSigningKey(privateJwk);
  const app = express();
  let issuer = '';
  app.get(['/health', '/health/live', '/health/ready'], (_req, res) => {
    res.json({ status: 'ready' });
  });
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.json({ keys: [publicJwk] });
  });
  app.get('/personas', (_req, res) => {
    res.json(Object.entries(PERSONAS).map(([key, p]) => ({ key, ...p })));
  });
  app.post('/token', express.json({ limit: '2kb' }), async (req, res) => {
    const asked = (req.body as { persona?: unknown } | undefined)?.persona;
    const persona = typeof asked === 'string' ? findPersona(asked) : undefined;
    if (!persona) {
      res.status(400).json({ error: `persona must be one of: ${Object.keys(PERSONAS).join(', ')}` });
      return;
    }
    const token = await new SignJWT({ name: persona.name, agency: persona.agency, role: persona.role })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: privateJwk.kid })
      .setIssuer(issuer)
      .setAudience(DEV_AUDIENCE)
      .setSubject(persona.id)
      .setIssuedAt()
      .setExpirationTime(DEV_TOKEN_TTL)
      .sign(key);
    res.json({ access_token: token, token_type: 'Bearer', persona });
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const actual = (server.address() as AddressInfo).port;
  issuer = `http://${host}:${actual}`;
  return {
    issuer,
    audience: DEV_AUDIENCE,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
