import pino from 'pino';

/** Structured logs; never personal data in messages (ids of records at most). */
export function createLogger(service: string) {
  return pino({ name: service, level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info') });
}

export type Logger = ReturnType<typeof createLogger>;
