import pino from 'pino';
import type { LogLevel } from './config';

/** Structured logs; never personal data in messages (ids of records at most). */
export function createLogger(service: string, level: LogLevel) {
  return pino({ name: service, level });
}

export type Logger = ReturnType<typeof createLogger>;
