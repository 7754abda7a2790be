import { readFileSync } from 'node:fs';

/**
 * Reading configuration from the environment, one way for every process: each value is validated
 * where it is read, and an error names the variable and what it should hold.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigurationError extends Error {}

export function requiredEnv(env: Env, name: string, hint = 'see README, "Configuration"'): string {
  const value = env[name];
  if (!value) throw new ConfigurationError(`${name} is not set (${hint})`);
  return value;
}

/**
 * A secret from NAME, or from the file NAME_FILE names (Docker and Kubernetes secrets are mounted as
 * files, which keeps them out of the environment, `docker inspect` and crash dumps). The file's content
 * is trimmed: an editor's or `echo`'s trailing newline is not part of a key or URL. Undefined when
 * neither is set; both set is an error, since nothing says which one the operator meant.
 */
export function secretFromEnv(env: Env, name: string): string | undefined {
  const fileVariable = `${name}_FILE`;
  const path = env[fileVariable];
  if (!path) return env[name] || undefined;
  if (env[name]) throw new ConfigurationError(`${name} and ${fileVariable} are both set: set only one`);
  let content: string;
  try {
    content = readFileSync(path, 'utf8').trim();
  } catch (err) {
    throw new ConfigurationError(`${fileVariable} names ${path}, which cannot be read: ${(err as Error).message}`, { cause: err });
  }
  if (!content) throw new ConfigurationError(`${fileVariable} names ${path}, which is empty`);
  return content;
}

export function portFromEnv(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigurationError(`${name} must be a port number from 0 to 65535 (got "${raw}")`);
  return port;
}

/**
 * METRICS_PORT: where GET /metrics is served, on its own listener (default: the process's port + 5000,
 * so 9000 for a gateway on 4000); "off" serves none.
 */
export function metricsPortFromEnv(env: Env, port: number): number | null {
  if (env.METRICS_PORT === 'off') return null;
  return portFromEnv(env, 'METRICS_PORT', port === 0 ? 0 : port + 5000);
}

export function wholeNumberFromEnv(env: Env, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigurationError(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  return value;
}

export function booleanFromEnv(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigurationError(`${name} must be true or false (got "${raw}")`);
  return raw === 'true';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function logLevelFromEnv(env: Env): LogLevel {
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new ConfigurationError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${level}")`);
  return level as LogLevel;
}

export const isProduction = (env: Env): boolean => env.NODE_ENV === 'production';
