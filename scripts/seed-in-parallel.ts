import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { PopulationOptions } from '../kit/dev/synthetic/population';
import type { AgencyDefinition } from '../kit/shared/agencies';
import { DIST } from '../kit/shared/paths';

/**
 * A seeding process keeps at most one batch of young people alive, but V8 lets garbage pile up to its
 * default limit before collecting: capped, social care at 20 000 young people peaks at 230 MiB resident
 * instead of 515, in the same time.
 */
const SEEDING_HEAP_MIB = 160;

export interface SeedingResult {
  agency: string;
  seconds: number;
  /** The seeding process's peak resident memory. */
  peakMiB: number;
}

/** Seeds one agency in its own process (each subgraph's code runs on its own, as in production); its progress lines are passed on. */
function seedOne(
  agency: AgencyDefinition,
  database: string,
  options: PopulationOptions,
  progress: NodeJS.WritableStream | null,
): Promise<SeedingResult> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${SEEDING_HEAP_MIB}`, join(DIST, 'scripts', 'seed-agency.js'), agency.name, database, JSON.stringify(options)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-4000);
    progress?.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`seeding ${agency.name} failed (exit code ${code}):\n${err}`));
      const peak = /peak RSS (\d+) MiB/.exec(out);
      resolve({ agency: agency.name, seconds: (Date.now() - started) / 1000, peakMiB: peak ? Number(peak[1]) : NaN });
    });
  });
}

/**
 * Seeds every agency at once, each in its own process and database: they share nothing but the
 * population's definition, so the whole takes as long as the slowest agency where there are cores.
 */
export function seedInParallel(
  agencies: readonly AgencyDefinition[],
  databaseFor: (agency: AgencyDefinition) => string,
  options: PopulationOptions,
  progress: NodeJS.WritableStream | null = process.stderr,
): Promise<SeedingResult[]> {
  return Promise.all(agencies.map((agency) => seedOne(agency, databaseFor(agency), options, progress)));
}
