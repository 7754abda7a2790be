import { join } from 'node:path';
import type { JSONWebKeySet, JWK } from 'jose';
import { jwkFromEnv } from '../kit/shared/keys';
import type { UserTokenConfig } from './auth';

export interface GatewayConfig {
  port: number;
  host: string;
  /** NODE_ENV=production: introspection off, the development identity provider refused. */
  production: boolean;
  supergraphPath: string;
  /** Subgraph name -> URL, overriding the URL composed into the supergraph (e.g. docker-compose service names). */
  subgraphUrls: Record<string, string>;
  userTokens: UserTokenConfig;
  /** Signs the short-lived tokens the subgraphs accept. */
  signingJwk: JWK;
  /** Browser origins allowed to call the gateway (CORS); none by default. */
  corsOrigins: string[];
  /** Requests per user per minute. */
  rateLimitPerMinute: number;
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

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set (see README, "Configuration")`);
  return value;
}

function userTokenConfig(env: NodeJS.ProcessEnv): UserTokenConfig {
  const jwks = env.AUTH_JWKS ? (JSON.parse(env.AUTH_JWKS) as JSONWebKeySet) : new URL(required(env, 'AUTH_JWKS_URL'));
  return { issuer: required(env, 'AUTH_ISSUER'), audience: required(env, 'AUTH_AUDIENCE'), jwks };
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  const rateLimitPerMinute = Number(env.RATE_LIMIT_PER_MINUTE ?? 300);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) throw new Error(`RATE_LIMIT_PER_MINUTE must be a whole number (got "${env.RATE_LIMIT_PER_MINUTE}")`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    production: env.NODE_ENV === 'production',
    supergraphPath: env.SUPERGRAPH_PATH ?? join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
    subgraphUrls: subgraphUrlsFromEnv(env),
    userTokens: userTokenConfig(env),
    signingJwk: jwkFromEnv(env, 'GATEWAY_PRIVATE_JWK'),
    corsOrigins: (env.CORS_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    rateLimitPerMinute,
  };
}
