import type { JWK } from 'jose';
import { envName, type AgencyDefinition } from '../shared/agencies';
import { isProduction, logLevelFromEnv, portFromEnv, wholeNumberFromEnv, type Env, type LogLevel } from '../shared/config';
import { jwkFromEnv } from '../shared/keys';
import { fromRepoRoot } from '../shared/paths';
import { populationOptionsFromEnv, type PopulationOptions } from '../dev/synthetic/population';
import { clockFromEnv, type Clock } from './clock';
import { ukDate } from './dates';
import { isPostgres } from './orm';

/** Keys a subgraph works with, as JWKs: only what its kind of agency needs. */
export type AgencyKeys =
  | {
      kind: 'lead';
      /** Verifies the gateway's per-request tokens. */ gatewayPublicJwk: JWK;
      /** Signs access grants. */ grantPrivateJwk: JWK;
    }
  | { kind: 'receiving'; gatewayPublicJwk: JWK; /** Verifies social care's access grants. */ grantPublicJwk: JWK };

/** Everything a subgraph process is configured with; read from the environment in one place (agencyConfigFromEnv). */
export interface AgencyConfig {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL; otherwise a SQLite file (absolute) or ':memory:'. */
  database: string;
  /** NODE_ENV=production: no synthetic data unless asked for, no development conveniences. */
  production: boolean;
  /** Seed an empty database with this synthetic population; false: never. */
  seed: PopulationOptions | false;
  /** "Now" for the data's sake (CLOCK_FIXED_AT pins it); token checks always use real time. */
  clock: Clock;
  keys: AgencyKeys;
  logLevel: LogLevel;
  /** How long a stop waits for requests in flight. */
  shutdownGraceMs: number;
}

/** Where an agency keeps its data unless told: <repository>/data/<agency>.db. */
export function defaultDatabase(agency: AgencyDefinition): string {
  return fromRepoRoot(`data/${agency.name}.db`);
}

/** A SQLite path is resolved from the repository root; PostgreSQL URLs and ':memory:' are kept as they are. */
export function resolveDatabase(database: string): string {
  return isPostgres(database) || database === ':memory:' ? database : fromRepoRoot(database);
}

/** The database an agency uses in a process that serves several (npm start, seeding, audit:verify): <CODE>_DATABASE_URL. */
export function databaseForAgency(agency: AgencyDefinition, env: Env): string {
  const given = env[envName(agency, 'DATABASE_URL')];
  return given ? resolveDatabase(given) : defaultDatabase(agency);
}

export function agencyKeysFromEnv(agency: AgencyDefinition, env: Env): AgencyKeys {
  const gatewayPublicJwk = jwkFromEnv(env, 'GATEWAY_PUBLIC_JWK');
  return agency.kind === 'lead'
    ? { kind: 'lead', gatewayPublicJwk, grantPrivateJwk: jwkFromEnv(env, 'GRANT_PRIVATE_JWK') }
    : { kind: 'receiving', gatewayPublicJwk, grantPublicJwk: jwkFromEnv(env, 'GRANT_PUBLIC_JWK') };
}

/** The one place a subgraph process reads its environment (README, "Configuration"). */
export function agencyConfigFromEnv(agency: AgencyDefinition, env: Env = process.env): AgencyConfig {
  // Keys first: a missing key is reported before anything else is read or opened.
  const keys = agencyKeysFromEnv(agency, env);
  const clock = clockFromEnv(env);
  const production = isProduction(env);
  // Synthetic data never goes into a production database unless asked for by name.
  const seeds = !production || env.SEED_SYNTHETIC === 'true';
  return {
    port: portFromEnv(env, 'PORT', agency.defaultPort),
    host: env.HOST ?? '127.0.0.1',
    database: env.DATABASE_URL ? resolveDatabase(env.DATABASE_URL) : defaultDatabase(agency),
    production,
    seed: seeds ? populationOptionsFromEnv(env, ukDate(clock.now())) : false,
    clock,
    keys,
    logLevel: logLevelFromEnv(env),
    shutdownGraceMs: wholeNumberFromEnv(env, 'SHUTDOWN_GRACE_MS', 10_000),
  };
}
