import { readFileSync } from 'node:fs';
import { ConfigurationError, type Env } from './config';

/**
 * TLS material is read from files named by the environment (`*_FILE`), so certificates and keys can be
 * mounted as secrets rather than put in the environment. Undefined when the variable is not set.
 */
export function pemFromEnv(env: Env, variable: string): Buffer | undefined {
  const path = env[variable];
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigurationError(`${variable} names a file that cannot be read (${(err as Error).message})`);
  }
}

/**
 * How a subgraph serves its internal hop over HTTPS: its certificate and key and, for mutual TLS, the
 * CA whose client certificates it accepts (the gateway's). With a client CA, a connection without a
 * certificate that CA signed is refused before any HTTP is read.
 */
export interface ServerTls {
  cert: Buffer;
  key: Buffer;
  clientCa?: Buffer;
}

export const SERVER_TLS_VARIABLES = { cert: 'TLS_CERT_FILE', key: 'TLS_KEY_FILE', clientCa: 'TLS_CLIENT_CA_FILE' } as const;

/** Undefined when none is set: the service then speaks plain HTTP (a trusted network, or a mesh that encrypts). */
export function serverTlsFromEnv(env: Env): ServerTls | undefined {
  const cert = pemFromEnv(env, SERVER_TLS_VARIABLES.cert);
  const key = pemFromEnv(env, SERVER_TLS_VARIABLES.key);
  const clientCa = pemFromEnv(env, SERVER_TLS_VARIABLES.clientCa);
  if (!cert && !key && !clientCa) return undefined;
  if (!cert || !key)
    throw new ConfigurationError(
      `${SERVER_TLS_VARIABLES.cert} and ${SERVER_TLS_VARIABLES.key} go together: the service's certificate and its key` +
        (clientCa ? ` (${SERVER_TLS_VARIABLES.clientCa} alone cannot serve HTTPS)` : ''),
    );
  return { cert, key, ...(clientCa && { clientCa }) };
}
