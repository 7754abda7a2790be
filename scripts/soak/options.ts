import { parseArgs } from 'node:util';

/** What `npm run soak -- ...` was asked for. */
export interface SoakOptions {
  /** How long the measured load runs (fractional: 0.2 is a quick check). */
  minutes: number;
  /** Requests in flight at once: one per simulated meeting tool. */
  concurrency: number;
  database: 'sqlite' | 'postgres';
  /** Young people in the synthetic population. */
  size: number;
}

export const SOAK_USAGE = `Usage: npm run soak -- [--minutes N] [--concurrency C] [--database sqlite|postgres] [--size N]
  --minutes N       how long the measured load runs, 0.1 to 1440 (default 1; fractions allowed)
  --concurrency C   requests in flight at once, 1 to 500 (default 20)
  --database D      sqlite (default) or postgres (127.0.0.1:5432, user postgres; its databases are dropped after)
  --size N          young people in the synthetic population, 1 to 1000000 (default 600, the README's)`;

/** A bad command line: the message names the option, and the usage follows it. */
export class SoakOptionError extends Error {}

function numberOption(name: string, raw: string, min: number, max: number, whole: boolean): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || (whole && !Number.isInteger(value)) || value < min || value > max)
    throw new SoakOptionError(`--${name} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max} (got "${raw}")`);
  return value;
}

export function soakOptions(args: string[]): SoakOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        minutes: { type: 'string', default: '1' },
        concurrency: { type: 'string', default: '20' },
        database: { type: 'string', default: 'sqlite' },
        size: { type: 'string', default: '600' },
      },
    }));
  } catch (err) {
    // parseArgs already names the option ("Unknown option '--minute'"); say it as ours.
    throw new SoakOptionError(err instanceof Error ? err.message : String(err));
  }
  const database = values.database!;
  if (database !== 'sqlite' && database !== 'postgres')
    throw new SoakOptionError(`--database must be sqlite or postgres (got "${database}")`);
  return {
    minutes: numberOption('minutes', values.minutes!, 0.1, 1440, false),
    concurrency: numberOption('concurrency', values.concurrency!, 1, 500, true),
    database,
    // The subgraphs' own bounds (SEED_SIZE); a tiny population simply leaves parts of the mix nobody to ask about.
    size: numberOption('size', values.size!, 1, 1_000_000, true),
  };
}
