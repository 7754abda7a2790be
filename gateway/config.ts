import { join } from 'node:path';

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  /** Subgraph name -> URL, overriding the URL composed into the supergraph (e.g. docker-compose service names). */
  subgraphUrls: Record<string, string>;
}

/** SUBGRAPH_URL_SOCIAL_CARE, SUBGRAPH_URL_EDUCATION, ... -> { 'social-care': ..., education: ... } */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const m = /^SUBGRAPH_URL_([A-Z_]+)$/.exec(key);
    if (m && value) urls[m[1].toLowerCase().replace(/_/g, '-')] = value;
  }
  return urls;
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    supergraphPath: env.SUPERGRAPH_PATH ?? join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
    subgraphUrls: subgraphUrlsFromEnv(env),
  };
}
