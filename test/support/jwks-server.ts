import { SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PERSONAS } from '../../kit/dev/personas';
import { generateSigningKeyPair, importSigningKey, type KeyPairJwk } from '../../kit/shared/keys';

/**
 * How the stand-in identity provider answers a key set request: with its keys; by dropping the
 * connection (down); never (hung); or with an error page (broken).
 */
export type JwksMode = 'answering' | 'down' | 'hung' | 'broken';

export interface JwksServer {
  url: URL;
  issuer: string;
  audience: string;
  /** What it publishes. */
  keys: JWK[];
  mode: JwksMode;
  /** Key set requests received, whatever the mode. */
  fetches: number;
  close(): Promise<void>;
}

/** An identity provider's JWKS endpoint a test controls: what it publishes, whether it answers, how often it was asked. */
export async function startJwksServer(): Promise<JwksServer> {
  const jwks: JwksServer = {
    url: new URL('http://127.0.0.1'),
    issuer: 'https://idp.example.test',
    audience: 'nwd-graph',
    keys: [],
    mode: 'answering',
    fetches: 0,
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((req, res) => {
    jwks.fetches += 1;
    req.resume();
    if (jwks.mode === 'down') req.socket.destroy();
    else if (jwks.mode === 'broken') res.writeHead(500, { 'content-type': 'text/html' }).end('<html>Internal Server Error</html>');
    else if (jwks.mode === 'answering') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: jwks.keys }));
    // hung: no answer at all
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwks.url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`);
  jwks.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return jwks;
}

/** A signing key of the stand-in provider, and tokens it signs (for the social worker, five minutes by default). */
export interface TestSigningKey extends KeyPairJwk {
  kid: string;
  token(options?: { exp?: number | string; kid?: string }): Promise<string>;
}

export async function testSigningKey(jwks: Pick<JwksServer, 'issuer' | 'audience'>, kid: string): Promise<TestSigningKey> {
  const pair = await generateSigningKeyPair(kid);
  const key = await importSigningKey(pair.privateJwk);
  const { id, name, agency, role } = PERSONAS.socialWorker;
  return {
    ...pair,
    kid,
    token: ({ exp = '5m', kid: headerKid = kid } = {}) =>
      new SignJWT({ name, agency, role })
        .setProtectedHeader({ alg: 'ES256', kid: headerKid })
        .setIssuer(jwks.issuer)
        .setAudience(jwks.audience)
        .setSubject(id)
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(key),
  };
}
