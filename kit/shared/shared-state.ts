import Redis from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { IncrementResponse, Store } from 'express-rate-limit';
import { ConfigurationError, isProduction, secretFromEnv, type Env } from './config';

/** What a spend from a budget came to: taken, or refused because it would go over (nothing taken). */
export interface Spent {
  allowed: boolean;
  /** Spent in the current window, this spend included when allowed. */
  used: number;
  /** When the window ends and the budget is whole again (ms from now). */
  resetInMs: number;
}

/**
 * What replicas must agree on: which gateway tokens have been used, how many requests each user made,
 * and how much of their query budget they have spent.
 */
export interface SharedState {
  kind: 'redis' | 'memory';
  /** True the first time a token id is seen (until it expires); false for a replay. */
  firstUse(audience: string, tokenId: string, expiresAtMs: number): Promise<boolean>;
  /**
   * Takes `amount` (a whole number) from `key`'s budget of `limit` per window of `windowMs`, fixed from
   * the first spend; refuses, taking nothing, when it would go over. Atomic across replicas.
   */
  spend(key: string, amount: number, limit: number, windowMs: number): Promise<Spent>;
  /** express-rate-limit's store (undefined: its own, in memory). */
  rateLimitStore(): Store | undefined;
  /** Throws when the shared store cannot be reached (readiness). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** The shared store could not be asked: the request must wait and try again, never be let through unchecked. */
export class SharedStateUnavailable extends Error {}

const PREFIX = 'nwd:';

/**
 * REDIS_URL: where replicas share state. Required in production, where more than one replica of a process
 * may run: a replay cache in one process's memory lets a token captured on its way to one replica be
 * replayed to another, and per-process rate limits multiply with the replicas. Without it (development,
 * tests, one process) the state is kept in memory.
 */
export function sharedStateUrlFromEnv(env: Env): string | undefined {
  // A managed Redis's URL carries its password: REDIS_URL_FILE keeps it out of the environment.
  const url = secretFromEnv(env, 'REDIS_URL');
  if (!url && isProduction(env))
    throw new ConfigurationError(
      'REDIS_URL (or REDIS_URL_FILE) is not set: in production every replica shares its replay cache and rate limits through Redis',
    );
  return url;
}

/** The shared store at `url` (Redis), or this process's memory when there is none. */
export function openSharedState(url: string | undefined): SharedState {
  return url ? redisState(url) : memoryState();
}

function memoryState(): SharedState {
  const used = new Map<string, number>(); // audience:jti -> expiry (ms)
  const budgets = new Map<string, { used: number; resetAt: number }>();
  return {
    kind: 'memory',
    firstUse(audience, tokenId, expiresAtMs) {
      const now = Date.now();
      for (const [key, exp] of used) if (exp < now) used.delete(key);
      const key = `${audience}:${tokenId}`;
      if (used.has(key)) return Promise.resolve(false);
      used.set(key, expiresAtMs);
      return Promise.resolve(true);
    },
    spend(key, amount, limit, windowMs) {
      const now = Date.now();
      for (const [k, b] of budgets) if (b.resetAt <= now) budgets.delete(k);
      const budget = budgets.get(key) ?? { used: 0, resetAt: now + windowMs };
      const allowed = budget.used + amount <= limit;
      if (allowed) budget.used += amount;
      budgets.set(key, budget);
      return Promise.resolve({ allowed, used: budget.used, resetInMs: budget.resetAt - now });
    },
    rateLimitStore: () => undefined,
    check: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

function redisState(url: string): SharedState {
  // Fail fast while Redis is away (no offline queue, one retry): a request waits a second at most, then is
  // told to try again, instead of piling up behind a dead connection.
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    lazyConnect: true,
  });
  redis.on('error', () => undefined); // reported through the calls that fail, and readiness
  const connected = redis.connect().catch(() => undefined);
  const ask = async <T>(what: () => Promise<T>): Promise<T> => {
    await connected;
    try {
      return await what();
    } catch (err) {
      throw new SharedStateUnavailable(`the shared store (Redis) did not answer: ${(err as Error).message}`);
    }
  };
  return {
    kind: 'redis',
    async firstUse(audience, tokenId, expiresAtMs) {
      const ttl = Math.max(1, expiresAtMs - Date.now());
      // SET NX: atomic across replicas; the key lives as long as the token could be accepted.
      return (await ask(() => redis.set(`${PREFIX}replay:${audience}:${tokenId}`, '1', 'PX', ttl, 'NX'))) === 'OK';
    },
    async spend(key, amount, limit, windowMs) {
      const [allowed, used, resetInMs] = await ask(
        () => redis.eval(SPEND, 1, `${PREFIX}budget:${key}`, amount, limit, windowMs) as Promise<[number, number, number]>,
      );
      return { allowed: allowed === 1, used, resetInMs };
    },
    rateLimitStore: () =>
      new RecoveringRedisStore({
        prefix: `${PREFIX}rate:`,
        sendCommand: async (command: string, ...args: string[]) => {
          await connected;
          return redis.call(command, ...args) as Promise<RedisReply>;
        },
      }),
    async check() {
      await ask(() => redis.ping());
    },
    async close() {
      await connected;
      redis.disconnect();
    },
  };
}

/**
 * Check and take in one step, so two replicas spending at once cannot both fit under the limit. The
 * window starts with the first spend and its key expires with it.
 */
const SPEND = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local amount, limit, window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local ttl = redis.call('PTTL', KEYS[1])
if used + amount > limit then return {0, used, math.max(ttl, 0)} end
used = redis.call('INCRBY', KEYS[1], amount)
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], window); ttl = window end
return {1, used, ttl}
`;

/**
 * rate-limit-redis loads its scripts once, at start: if Redis was away then, every count would fail until
 * a restart. After a failure the scripts are loaded again, so counting resumes when Redis is back.
 */
class RecoveringRedisStore extends RedisStore {
  override async increment(key: string): Promise<IncrementResponse> {
    try {
      return await super.increment(key);
    } catch (err) {
      this.incrementScriptSha = this.loadIncrementScript();
      this.getScriptSha = this.loadGetScript();
      this.incrementScriptSha.catch(() => undefined);
      this.getScriptSha.catch(() => undefined);
      throw err;
    }
  }
}
