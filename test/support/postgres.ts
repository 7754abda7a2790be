import { spawnSync } from 'node:child_process';
import { dropDatabases as dropDatabasesOn } from '../../scripts/postgres';

/** The PostgreSQL server tests use: this machine's, trust auth, user postgres. */
export const TEST_POSTGRES = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

/**
 * Whether PostgreSQL answers, decided once when a test file loads (jest cannot choose
 * describe/describe.skip asynchronously). In CI it must answer: CI starts it, so silence is a failure.
 */
export function postgresAvailable(): boolean {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const {Client}=require('pg');const c=new Client({connectionString:${JSON.stringify(`${TEST_POSTGRES}/postgres`)},connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`,
    ],
    { cwd: __dirname, timeout: 10_000 },
  );
  const ok = probe.status === 0;
  if (!ok && process.env.CI) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES}: CI must run the PostgreSQL suite (.ci/run starts the server).`);
  }
  if (!ok) {
    console.warn(
      `SKIPPED: the PostgreSQL suite, because no PostgreSQL answers at ${TEST_POSTGRES} (set TEST_POSTGRES_URL, or start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start).`,
    );
  }
  return ok;
}

/** Drops the named test databases so each run starts empty (the services create and seed them). */
export function dropDatabases(names: string[]): Promise<void> {
  return dropDatabasesOn(TEST_POSTGRES, names);
}
