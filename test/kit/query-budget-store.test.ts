import { randomUUID } from 'node:crypto';
import { openSharedState, type SharedState } from '../../kit/shared/shared-state';
import { redisAvailable, TEST_REDIS } from '../support/redis';

/**
 * Where each user's query budget is counted: in the process (one gateway) or Redis (replicas). A spend
 * that would go over takes nothing, so what is refused does not shorten the user's next minute, and
 * replicas spending at once never let more through than the budget.
 */
const stores = redisAvailable() ? (['memory', 'redis'] as const) : (['memory'] as const);

describe.each(stores)('a query budget (%s)', (kind) => {
  const opened: SharedState[] = [];
  const open = () => {
    const state = openSharedState(kind === 'redis' ? TEST_REDIS : undefined);
    opened.push(state);
    return state;
  };
  afterAll(() => Promise.all(opened.map((s) => s.close())));
  const user = () => `budget-test-${randomUUID()}`;

  it('takes what fits, refuses what would go over without taking it, and says when the window ends', async () => {
    const store = open();
    const key = user();
    expect(await store.spend(key, 600, 1000, 60_000)).toMatchObject({ allowed: true, used: 600 });
    const refused = await store.spend(key, 600, 1000, 60_000);
    expect(refused).toMatchObject({ allowed: false, used: 600 });
    expect(refused.resetInMs).toBeGreaterThan(55_000);
    expect(refused.resetInMs).toBeLessThanOrEqual(60_000);
    expect(await store.spend(key, 400, 1000, 60_000)).toMatchObject({ allowed: true, used: 1000 });
    expect(await store.spend(user(), 1000, 1000, 60_000)).toMatchObject({ allowed: true, used: 1000 });
  });

  it('is whole again when the window has passed', async () => {
    const store = open();
    const key = user();
    expect((await store.spend(key, 100, 100, 300)).allowed).toBe(true);
    expect((await store.spend(key, 1, 100, 300)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await store.spend(key, 100, 100, 300)).toMatchObject({ allowed: true, used: 100 });
  });

  if (kind === 'redis')
    it('lets no more through than the budget when replicas spend at once', async () => {
      const replicas = [open(), open(), open()];
      const key = user();
      const spends = await Promise.all(Array.from({ length: 30 }, (_, i) => replicas[i % 3].spend(key, 10, 100, 60_000)));
      expect(spends.filter((s) => s.allowed)).toHaveLength(10);
    });
});
