import { spawnSync } from 'node:child_process';

/** The Redis tests use: this machine's, database 15 (apart from anything else using it). */
export const TEST_REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';

/**
 * Whether Redis answers, decided once when a test file loads. In CI it must: .ci/run starts it, so
 * silence is a failure, never a skip.
 */
export function redisAvailable(): boolean {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const R=require('ioredis');const r=new R(${JSON.stringify(TEST_REDIS)},{lazyConnect:true,connectTimeout:2000,maxRetriesPerRequest:0});r.connect().then(()=>r.ping()).then(()=>process.exit(0),()=>process.exit(1))`,
    ],
    { cwd: __dirname, timeout: 10_000 },
  );
  const ok = probe.status === 0;
  if (!ok && process.env.CI)
    throw new Error(`Redis is not reachable at ${TEST_REDIS}: CI must run the scale-out tests (.ci/run starts it).`);
  if (!ok)
    console.warn(`SKIPPED: the scale-out tests, because no Redis answers at ${TEST_REDIS} (set TEST_REDIS_URL, or start redis-server).`);
  return ok;
}
