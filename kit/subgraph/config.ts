import { sharedStateUrlFromEnv } from '../shared/shared-state';
import type { JWK } from 'jose';
import { envName, type AgencyDefinition } from '../shared/agencies';
import {
  booleanFromEnv,
  ConfigurationError,
  isProduction,
  logLevelFromEnv,
  metricsPortFromEnv,
  portFromEnv,
  secretFromEnv,
  wholeNumberFromEnv,
  type Env,
  type LogLevel,
} from '../shared/config';
import { jwkFromEnv } from '../shared/keys';
import { fromRepoRoot } from '../shared/paths';
import { serverTlsFromEnv, type ServerTls } from '../shared/tls-files';
import { populationOptionsFromEnv, type PopulationOptions } from '../dev/synthetic/population';
import { clockFromEnv, type Clock } from './clock';
import { ukDate } from './dates';
import { isPostgres } from './orm';
import { auditKeyringFromEnv, type AuditKeyring } from './audit/audit-key';

/** Keys a subgraph works with, as JWKs: only what its kind of agency needs. */
export type AgencyKeys =
  | {
      kind: 'lead';
      /** Verifies the gateway's per-request tokens. */ gatewayPublicJwk: JWK;
      /** Signs access grants. */ grantPrivateJwk: JWK;
    }
  | { kind: 'receiving'; gatewayPublicJwk: JWK; /** Verifies social care's access grants. */ grantPublicJwk: JWK };

/** How a subgraph keeps its audit log beyond the reach of its own database. */
export interface AuditConfig {
  /** AUDIT_KEY (and AUDIT_PREVIOUS_KEYS): signs each record; never stored in the database. */
  keyring: AuditKeyring;
  /** AUDIT_ANCHOR_DIR: where the chain head is anchored, outside the database (a volume of its own); null: nowhere (development). */
  anchorFolder: string | null;
  /** AUDIT_ANCHOR_INTERVAL_MS: how often the head is anchored while the chain grows (default a minute). */
  anchorIntervalMs: number;
}

/** Everything a subgraph process is configured with; read from the environment in one place (agencyConfigFromEnv). */
export interface AgencyConfig {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL; otherwise a SQLite file (absolute) or ':memory:'. */
  database: string;
  /**
   * NODE_ENV=production: no synthetic data unless asked for, no development conveniences: a missing
   * database is an error, never created (and seeded) afresh.
   */
  production: boolean;
  /** MIGRATE_ON_START (default true): apply pending migrations at start, under a lock; false: refuse to start while any is pending. */
  migrateOnStart: boolean;
  /** Seed an empty database with this synthetic population; false: never. */
  seed: PopulationOptions | false;
  /** "Now" for the data's sake (CLOCK_FIXED_AT pins it); token checks always use real time. */
  clock: Clock;
  keys: AgencyKeys;
  audit: AuditConfig;
  logLevel: LogLevel;
  /** How long a stop waits for requests in flight. */
  shutdownGraceMs: number;
  /**
   * PostgreSQL: the longest one SQL statement may run before the database cancels it (none given: no
   * limit). A statement the gateway has long stopped waiting for otherwise runs on, holding a connection
   * and a core. Migrations are not limited.
   */
  statementTimeoutMs?: number;
  /**
   * COHORT_CHUNK_SIZE: how many of a cohort's young people are counted at once (default 500). A
   * council-wide scorecard is counted a chunk at a time, so its memory is bounded by the chunk, not the
   * cohort, and other requests are answered between chunks.
   */
  cohortChunkSize: number;
  /** Where GET /metrics is served (null: nowhere). */
  metricsPort: number | null;
  /** Redis, where replicas share their replay cache and rate limits (none: this process's memory). */
  redisUrl: string | undefined;
  /** HTTPS for the internal hop, mutual TLS with a client CA (TLS_*_FILE); none: plain HTTP. */
  tls?: ServerTls;
}

/** Where an agency keeps its data unless told: <repository>/data/<agency>.db. */
export function defaultDatabase(agency: AgencyDefinition): string {
  return fromRepoRoot(`data/${agency.name}.db`);
}

/** A SQLite path is resolved from the repository root; PostgreSQL URLs and ':memory:' are kept as they are. */
export function resolveDatabase(database: string): string {
  return isPostgres(database) || database === ':memory:' ? database : fromRepoRoot(database);
}

/** The database an agency uses in a process that serves several (npm start, seeding, audit:verify): <CODE>_DATABASE_URL or <CODE>_DATABASE_URL_FILE. */
export function databaseForAgency(agency: AgencyDefinition, env: Env): string {
  const given = secretFromEnv(env, envName(agency, 'DATABASE_URL'));
  return given ? resolveDatabase(given) : defaultDatabase(agency);
}

export function agencyKeysFromEnv(agency: AgencyDefinition, env: Env): AgencyKeys {
  const gatewayPublicJwk = jwkFromEnv(env, 'GATEWAY_PUBLIC_JWK');
  return agency.kind === 'lead'
    ? { kind: 'lead', gatewayPublicJwk, grantPrivateJwk: jwkFromEnv(env, 'GRANT_PRIVATE_JWK') }
    : { kind: 'receiving', gatewayPublicJwk, grantPublicJwk: jwkFromEnv(env, 'GRANT_PUBLIC_JWK') };
}

/**
 * A production service anchors its chain, or deleting the last audit records would go unnoticed;
 * development may run without (npm start and the tests give one). `prefix` reads one agency's from a
 * process that serves several (audit:verify: HEALTH_AUDIT_KEY, HEALTH_AUDIT_ANCHOR_DIR).
 */
export function auditConfigFromEnv(env: Env, prefix = ''): AuditConfig {
  const keyring = auditKeyringFromEnv(env, prefix);
  const folder = env[`${prefix}AUDIT_ANCHOR_DIR`];
  if (!folder && isProduction(env))
    throw new ConfigurationError(
      `${prefix}AUDIT_ANCHOR_DIR is not set: in production the audit chain head is anchored in a folder outside the database (a volume of its own)`,
    );
  return {
    keyring,
    anchorFolder: folder ? fromRepoRoot(folder) : null,
    anchorIntervalMs: wholeNumberFromEnv(env, `${prefix}AUDIT_ANCHOR_INTERVAL_MS`, 60_000),
  };
}

/** The one place a subgraph process reads its environment (README, "Configuration"). */
export function agencyConfigFromEnv(agency: AgencyDefinition, env: Env = process.env): AgencyConfig {
  // Keys first: a missing key is reported before anything else is read or opened.
  const keys = agencyKeysFromEnv(agency, env);
  const audit = auditConfigFromEnv(env);
  const clock = clockFromEnv(env);
  const production = isProduction(env);
  // A PostgreSQL URL carries its password: DATABASE_URL_FILE keeps it out of the environment.
  const database = secretFromEnv(env, 'DATABASE_URL');
  // Synthetic data never goes into a production database unless asked for by name.
  const seeds = !production || env.SEED_SYNTHETIC === 'true';
  const port = portFromEnv(env, 'PORT', agency.defaultPort);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    database: database ? resolveDatabase(database) : defaultDatabase(agency),
    production,
    migrateOnStart: booleanFromEnv(env, 'MIGRATE_ON_START', true),
    seed: seeds ? populationOptionsFromEnv(env, ukDate(clock.now())) : false,
    clock,
    keys,
    audit,
    logLevel: logLevelFromEnv(env),
    shutdownGraceMs: wholeNumberFromEnv(env, 'SHUTDOWN_GRACE_MS', 10_000),
    statementTimeoutMs: wholeNumberFromEnv(env, 'DB_STATEMENT_TIMEOUT_MS', 60_000),
    cohortChunkSize: wholeNumberFromEnv(env, 'COHORT_CHUNK_SIZE', 500),
    metricsPort: metricsPortFromEnv(env, port),
    redisUrl: sharedStateUrlFromEnv(env),
    tls: serverTlsFromEnv(env),
  };
}
