import { ConfigurationError, type Env } from '../../kit/shared/config';
import { pemFromEnv } from '../../kit/shared/tls-files';

/**
 * How the gateway proves itself to, and checks, agencies served over HTTPS (SUBGRAPH_URL_* with
 * https://): the CA that signed their certificates, and the gateway's own client certificate when
 * they ask for one (mutual TLS). Files, so secrets can be mounted rather than put in the environment.
 */
export interface SubgraphTls {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

const VARIABLES = { ca: 'SUBGRAPH_TLS_CA_FILE', cert: 'SUBGRAPH_TLS_CERT_FILE', key: 'SUBGRAPH_TLS_KEY_FILE' } as const;

/** Undefined when none is set: agencies over HTTPS are then checked against the system's CAs, with no client certificate. */
export function subgraphTlsFromEnv(env: Env): SubgraphTls | undefined {
  const tls: SubgraphTls = {};
  for (const [part, variable] of Object.entries(VARIABLES) as [keyof SubgraphTls, string][]) {
    const pem = pemFromEnv(env, variable);
    if (pem) tls[part] = pem;
  }
  if (Boolean(tls.cert) !== Boolean(tls.key))
    throw new ConfigurationError(`${VARIABLES.cert} and ${VARIABLES.key} go together: the gateway's client certificate and its key`);
  return Object.keys(tls).length ? tls : undefined;
}
