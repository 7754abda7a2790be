import type { JSONWebKeySet, JWK } from 'jose';
import { AGENCIES, subgraphUrlVariable } from '../kit/shared/agencies';
import { isProduction, logLevelFromEnv, portFromEnv, requiredEnv, wholeNumberFromEnv, type Env, type LogLevel } from '../kit/shared/config';
import { jwkFromEnv } from '../kit/shared/keys';
import { fromRepoRoot } from '../kit/shared/paths';
import { callBudgetsFromEnv, type CallBudgets } from './agencies/budgets';
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
  logLevel: LogLevel;
  /** Time and connection budgets for calling the agencies. */
  budgets: CallBudgets;
  /** How long a stop waits for requests in flight. */
  shutdownGraceMs: number;
}

/** SUBGRAPH_URL_SOCIAL_CARE, SUBGRAPH_URL_EDUCATION, ... (one per agency in the table) -> { [agency name]: URL } */
export function subgraphUrlsFromEnv(env: Env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const agency of AGENCIES) {
    const url = env[subgraphUrlVariable(agency)];
    if (url) urls[agency.name] = url;
  }
  return urls;
}

function userTokenConfig(env: Env): UserTokenConfig {
  const jwks = env.AUTH_JWKS ? (JSON.parse(env.AUTH_JWKS) as JSONWebKeySet) : new URL(requiredEnv(env, 'AUTH_JWKS_URL'));
  return { issuer: requiredEnv(env, 'AUTH_ISSUER'), audience: requiredEnv(env, 'AUTH_AUDIENCE'), jwks };
}

/** The one place the gateway reads its environment (README, "Configuration"). */
export function gatewayConfigFromEnv(env: Env = process.env): GatewayConfig {
  return {
    port: portFromEnv(env, 'PORT', 4000),
    host: env.HOST ?? '127.0.0.1',
    production: isProduction(env),
    supergraphPath: fromRepoRoot(env.SUPERGRAPH_PATH ?? 'schema/supergraph.graphql'),
    subgraphUrls: subgraphUrlsFromEnv(env),
    userTokens: userTokenConfig(env),
    signingJwk: jwkFromEnv(env, 'GATEWAY_PRIVATE_JWK'),
    corsOrigins: (env.CORS_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    rateLimitPerMinute: wholeNumberFromEnv(env, 'RATE_LIMIT_PER_MINUTE', 300),
    logLevel: logLevelFromEnv(env),
    budgets: callBudgetsFromEnv(env),
    shutdownGraceMs: wholeNumberFromEnv(env, 'SHUTDOWN_GRACE_MS', 10_000),
  };
}
