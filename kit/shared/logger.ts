import pino from 'pino';
import type { LogLevel } from './config';
import { requestLogFields } from './observability/request-log';

/**
 * Structured logs; never personal data in messages (ids of records at most). Every line written while
 * a request is served carries its request id, its user and its trace id.
 */
export function createLogger(service: string, level: LogLevel) {
  return pino({ name: service, level, mixin: requestLogFields });
}

export type Logger = ReturnType<typeof createLogger>;
