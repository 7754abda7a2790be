import { sharedStateUrlFromEnv } from '../kit/shared/shared-state';
import type { JSONWebKeySet, JWK } from 'jose';
import { AGENCIES, subgraphUrlVariable } from '../kit/shared/agencies';
import {
  ConfigurationError,
  isProduction,
  logLevelFromEnv,
  metricsPortFromEnv,
  portFromEnv,
  requiredEnv,
  wholeNumberFromEnv,
  type Env,
  type LogLevel,
} from '../kit/shared/config';
import { jwkFromEnv } from '../kit/shared/keys';
import { fromRepoRoot } from '../kit/shared/paths';
import { callBudgetsFromEnv, type CallBudgets } from './agencies/budgets';
import { subgraphTlsFromEnv, type SubgraphTls } from './agencies/tls';
import type { UserTokenConfig } from './auth';
import { keyPolicyFromEnv } from './identity/key-policy';
import { OPERATION_LIMITS } from './limits/operation-limits';

export interface GatewayConfig {
  port: number;
  host: string;
  /** NODE_ENV=production: introspection off, the development identity provider refused. */
  production: boolean;
  supergraphPath: string;
  /** Subgraph name -> URL (the supergraph carries none). */
  subgraphUrls: Record<string, string>;
  /** For agencies served over HTTPS: their CA, and the gateway's client certificate (mutual TLS). */
  subgraphTls: SubgraphTls | undefined;
  /** How often the supergraph file is checked for a new version (ms). */
  supergraphPollMs: number;
  userTokens: UserTokenConfig;
  /** Signs the short-lived tokens the subgraphs accept. */
  signingJwk: JWK;
  /** Browser origins allowed to call the gateway (CORS); none by default. */
  corsOrigins: string[];
  /** Requests per user per minute. */
  rateLimitPerMinute: number;
  /** Query cost per user per minute (gateway/limits/cost-budget.ts). */
  costPerMinute: number;
  /** Requests of one user in hand at once, per replica. */
  maxConcurrentPerUser: number;
  logLevel: LogLevel;
  /** Time and connection budgets for calling the agencies. */
  budgets: CallBudgets;
  /** How long a stop waits for requests in flight. */
  shutdownGraceMs: number;
  /** Where GET /metrics is served (null: nowhere). */
  metricsPort: number | null;
  /** Redis, where replicas share their replay cache and rate limits (none: this process's memory). */
  redisUrl: string | undefined;
}

/** Where an agency's subgraph listens when run on this machine (npm start): its default port. */
export const localSubgraphUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/**
 * SUBGRAPH_URL_SOCIAL_CARE, SUBGRAPH_URL_EDUCATION, ... (one per agency in the table) -> { [agency name]: URL }.
 * The supergraph carries no URLs: where each agency is deployed is configuration. In production every
 * one must be set; in development an unset one is the agency's local default port.
 */
export function subgraphUrlsFromEnv(env: Env): Record<string, string> {
  const urls: Record<string, string> = {};
  const missing: string[] = [];
  for (const agency of AGENCIES) {
    const variable = subgraphUrlVariable(agency);
    const url = env[variable] || (isProduction(env) ? undefined : localSubgraphUrl(agency.defaultPort));
    if (!url) missing.push(variable);
    else if (!/^https?:\/\/[^\s]+$/.test(url)) throw new ConfigurationError(`${variable} must be an http(s) URL (got "${url}")`);
    else urls[agency.name] = url;
  }
  if (missing.length)
    throw new ConfigurationError(
      `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set: where each agency's subgraph is deployed`,
    );
  return urls;
}

/**
 * USER_COST_PER_MINUTE: what a user's queries may cost a minute (graphql-armor's measure). The default,
 * 60,000, is some sixty meeting packs or multi-agency views, or three of the heaviest queries allowed. At
 * least one heaviest query must fit, or it could never run.
 */
function costPerMinuteFromEnv(env: Env): number {
  const perMinute = wholeNumberFromEnv(env, 'USER_COST_PER_MINUTE', 60_000);
  if (perMinute < OPERATION_LIMITS.maxCost)
    throw new ConfigurationError(`USER_COST_PER_MINUTE must be at least the cost limit of one query (${OPERATION_LIMITS.maxCost})`);
  return perMinute;
}

function userTokenConfig(env: Env): UserTokenConfig {
  const jwks = env.AUTH_JWKS ? (JSON.parse(env.AUTH_JWKS) as JSONWebKeySet) : new URL(requiredEnv(env, 'AUTH_JWKS_URL'));
  return {
    issuer: requiredEnv(env, 'AUTH_ISSUER'),
    audience: requiredEnv(env, 'AUTH_AUDIENCE'),
    jwks,
    keyPolicy: keyPolicyFromEnv(env),
    // An hour: a working session; the identity provider renews it while the user is signed in.
    maxLifetimeSeconds: wholeNumberFromEnv(env, 'USER_TOKEN_MAX_LIFETIME_S', 3600),
  };
}

/** The one place the gateway reads its environment (README, "Configuration"). */
export function gatewayConfigFromEnv(env: Env = process.env): GatewayConfig {
  const port = portFromEnv(env, 'PORT', 4000);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    production: isProduction(env),
    supergraphPath: fromRepoRoot(env.SUPERGRAPH_PATH ?? 'schema/supergraph.graphql'),
    subgraphUrls: subgraphUrlsFromEnv(env),
    subgraphTls: subgraphTlsFromEnv(env),
    supergraphPollMs: wholeNumberFromEnv(env, 'SUPERGRAPH_POLL_MS', 5_000, 50),
    userTokens: userTokenConfig(env),
    signingJwk: jwkFromEnv(env, 'GATEWAY_PRIVATE_JWK'),
    corsOrigins: (env.CORS_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    rateLimitPerMinute: wholeNumberFromEnv(env, 'RATE_LIMIT_PER_MINUTE', 300),
    costPerMinute: costPerMinuteFromEnv(env),
    maxConcurrentPerUser: wholeNumberFromEnv(env, 'USER_MAX_CONCURRENT_REQUESTS', 6),
    logLevel: logLevelFromEnv(env),
    budgets: callBudgetsFromEnv(env),
    shutdownGraceMs: wholeNumberFromEnv(env, 'SHUTDOWN_GRACE_MS', 10_000),
    metricsPort: metricsPortFromEnv(env, port),
    redisUrl: sharedStateUrlFromEnv(env),
  };
}
