import cors from 'cors';
import express from 'express';
import { SignJWT } from 'jose';
import type { AddressInfo } from 'node:net';
import { SIGNING_ALG } from '../shared/keys';
import { PERSONA_LIST, PERSONAS, type Persona } from './personas';
import { RotatingKeys } from './rotating-keys';

/**
 * A development identity provider for the embedded default: issues signed tokens for the demo
 * personas, and publishes its public keys as a JWKS for the gateway. Its keys live only in memory;
 * POST /rotate rotates them (kit/dev/rotating-keys.ts: a new key id, the previous key still published).
 * It refuses to run in production: real deployments use the council's own identity provider.
 */
export const DEV_AUDIENCE = 'nwd-graph';
/** The gateway accepts user tokens living an hour at most (USER_TOKEN_MAX_LIFETIME_S). */
export const DEV_TOKEN_TTL = '1h';

/** Browser origins on this machine: the explorer the gateway serves in development. */
export const FROM_THIS_MACHINE = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/;

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
  const keys = await RotatingKeys.create();
  const app = express();
  let issuer = '';
  app.get(['/health', '/health/live', '/health/ready'], (_req, res) => {
    res.json({ status: 'ready' });
  });
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.json({ keys: keys.published() });
  });
  app.post('/rotate', async (_req, res) => {
    await keys.rotate();
    res.json({ signingKid: keys.signing.kid, publishedKids: keys.published().map((k) => k.kid) });
  });
  // The gateway's explorer signs in from the browser: pages served from this machine may ask for the
  // personas and a token (CORS), pages from anywhere else may not. Development only, like all of this.
  app.use(['/personas', '/token'], cors({ origin: FROM_THIS_MACHINE, methods: ['GET', 'POST'], allowedHeaders: ['content-type'] }));
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
    const { kid, key } = keys.signing;
    const token = await new SignJWT({ name: persona.name, agency: persona.agency, role: persona.role })
      .setProtectedHeader({ alg: SIGNING_ALG, kid })
      .setIssuer(issuer)
      .setAudience(DEV_AUDIENCE)
      .setSubject(persona.id)
      .setIssuedAt()
      .setExpirationTime(DEV_TOKEN_TTL)
      .sign(key);
    res.json({ access_token: token, token_type: 'Bearer', persona });
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    // Express 5 hands a failed listen (EADDRINUSE) to this callback rather than throwing.
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const actual = (server.address() as AddressInfo).port;
  issuer = `http://${host}:${actual}`;
  return {
    issuer,
    audience: DEV_AUDIENCE,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    rotate: () => keys.rotate(),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
