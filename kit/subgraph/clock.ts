/**
 * The one source of "now" for every computed timeliness rule, so tests and demos can fix the date.
 * CLOCK_FIXED_AT (an ISO date or date-time) pins it for a whole process.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new Error(`fixedClock: not a date: ${String(at)}`);
  return { now: () => new Date(instant) };
}

export function clockFromEnv(env: Readonly<Record<string, string | undefined>>): Clock {
  return env.CLOCK_FIXED_AT ? fixedClock(env.CLOCK_FIXED_AT) : systemClock;
}
