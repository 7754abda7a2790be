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

export function portFromEnv(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigurationError(`${name} must be a port number from 0 to 65535 (got "${raw}")`);
  return port;
}

export function wholeNumberFromEnv(env: Env, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigurationError(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  return value;
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
