import { Client } from 'pg';
import { startTestGraph, type TestGraph } from '../support/graph';
import { onlyWithheld, type GraphQLBody } from '../support/graphql';
import { operation } from '../../scripts/operations';
import { postgresAvailable } from '../support/postgres';
import { matchedEverywhere } from './graph-suite';

/**
 * Stopping a process under load loses no request: SIGTERM makes it stop accepting and finish what it
 * has in hand (within its grace period) before it exits. Shown for a subgraph, with requests held inside
 * it by a lock on its database, and for the gateway, with requests waiting on a slow agency.
 */
const IN_FLIGHT = 20;
const VIEW = operation('multi-agency-view').document;
type View = { youngPerson: Record<string, { matchStatus: string } | null> | null };

const whole = (body: GraphQLBody<View>) =>
  onlyWithheld(body.errors) && ['health', 'education', 'police'].every((part) => body.data?.youngPerson?.[part]?.matchStatus === 'MATCHED');

if (!postgresAvailable()) {
  it.todo('shutdown tests need PostgreSQL (to hold requests inside a subgraph with a lock)');
} else {
  describe('a graceful stop under load', () => {
    let graph: TestGraph;
    beforeAll(async () => {
      graph = await startTestGraph('postgres', { faultProxies: true, env: { SUBGRAPH_TIMEOUT_MS: '15000', REQUEST_DEADLINE_MS: '30000' } });
    }, 240_000);
    afterAll(async () => graph?.stop(), 60_000);

    const ask = () => graph.request<View>(VIEW, { id: matchedEverywhere.id }).then((r) => r.body);

    it(`of a subgraph answers all ${IN_FLIGHT} requests it holds before it exits`, async () => {
      const lock = new Client({ connectionString: graph.databases.health });
      await lock.connect();
      await lock.query('BEGIN');
      // Health's reads of its patients wait behind this lock: the requests are inside health when it is told to stop.
      await lock.query('LOCK TABLE patient IN ACCESS EXCLUSIVE MODE');
      const answers = Array.from({ length: IN_FLIGHT }, () => ask());
      // Every request is inside health (the first waiting on the lock, the rest behind it) before it is told to stop.
      while (graph.proxies!.health.inFlight < IN_FLIGHT) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      const restarted = graph.restartSubgraph('health', { signal: 'SIGTERM' });
      await new Promise((r) => setTimeout(r, 500));
      await lock.query('ROLLBACK');
      await lock.end();
      const bodies = await Promise.all(answers);
      await restarted;
      expect(bodies.filter(whole)).toHaveLength(IN_FLIGHT);
    }, 60_000);

    it(`of the gateway answers all ${IN_FLIGHT} requests in flight before it exits`, async () => {
      graph.proxies!.health.mode = { kind: 'delay', ms: 800 };
      const answers = Array.from({ length: IN_FLIGHT }, () => ask());
      await new Promise((r) => setTimeout(r, 300));
      const exited = graph.stopGateway('SIGTERM');
      const bodies = await Promise.all(answers);
      expect(await exited).toBe(0);
      expect(bodies.filter(whole)).toHaveLength(IN_FLIGHT);
    }, 60_000);
  });
}
