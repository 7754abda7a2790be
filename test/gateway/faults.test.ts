import { Client } from 'pg';
import { AGENCIES, RECEIVING_AGENCIES, type AgencyDefinition, type AgencyName } from '../../kit/shared/agencies';
import { startTestGraph, type TestGraph } from '../support/graph';
import type { GraphQLBody, GraphQLErrorBody } from '../support/graphql';
import { operation } from '../../scripts/operations';
import { postgresAvailable, TEST_POSTGRES } from '../support/postgres';
import { matchedEverywhere } from './graph-suite';

/**
 * One agency at fault, five ways, for each of the four agencies (20 cases): killed, hung (SIGSTOP),
 * slow beyond its budget, answering garbage, and its database unavailable. Each time the meeting tool
 * asks for the whole multi-agency view: the other agencies' data comes back within the request's
 * deadline, the failing agency's part is null with an AGENCY_UNAVAILABLE error naming it (and no
 * internal address), once its circuit is open it costs almost nothing, and when the fault ends the
 * graph recovers by itself.
 */
const BUDGETS = { SUBGRAPH_TIMEOUT_MS: '1000', REQUEST_DEADLINE_MS: '3000', BREAKER_FAILURES: '3', BREAKER_HALF_OPEN_AFTER_MS: '1500' };
const DEADLINE_MS = Number(BUDGETS.REQUEST_DEADLINE_MS);
/** Time beyond the deadline for the answer to travel and the test to notice. */
const SLACK_MS = 750;
const VIEW = operation('multi-agency-view').document;
const DATABASE_DOWN = 'with its database unavailable';

interface AgencyPart {
  matchStatus: string;
}
type View = { youngPerson: ({ id: string } & Record<string, AgencyPart | null>) | null } | null;

if (!postgresAvailable()) {
  // postgresAvailable() has printed why; in CI it throws instead.
  it.todo('fault tests need PostgreSQL (for the database-unavailable cases)');
} else {
  describe('one agency at fault', () => {
    let graph: TestGraph;
    beforeAll(async () => {
      graph = await startTestGraph('postgres', { faultProxies: true, env: BUDGETS });
    }, 240_000);
    afterAll(async () => graph?.stop(), 60_000);

    const ask = async () => {
      const started = Date.now();
      const { status, body } = await graph.request<View>(VIEW, { id: matchedEverywhere.id }, { persona: 'socialWorker' });
      return { status, body, ms: Date.now() - started };
    };

    /** The view with `agency` at fault: everyone else's part, its own null with a clear error, in time. */
    function expectOnlyMissing(agency: AgencyDefinition, answer: { status: number; body: GraphQLBody<View>; ms: number }) {
      const { body, ms } = answer;
      expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
      expect(JSON.stringify(body.errors)).not.toMatch(/https?:\/\/|127\.0\.0\.1|ECONN|socket/i);
      const unavailable = (body.errors ?? []).filter((e: GraphQLErrorBody) => e.extensions.code === 'AGENCY_UNAVAILABLE');
      expect(unavailable.length).toBeGreaterThan(0);
      expect(unavailable.every((e) => e.extensions.agency === agency.label && e.extensions.retryable === true)).toBe(true);
      if (agency.kind === 'lead') {
        // Social care decides who may see anything: without it there is nothing to show, and it says so.
        expect(body.data?.youngPerson ?? null).toBeNull();
        return;
      }
      const person = body.data!.youngPerson!;
      expect(person.id).toBe(matchedEverywhere.id);
      expect(person[agency.recordField]).toBeNull();
      expect(unavailable.map((e) => e.path)).toContainEqual(['youngPerson', agency.recordField]);
      for (const other of RECEIVING_AGENCIES.filter((a) => a !== agency)) {
        expect([other.name, person[other.recordField]?.matchStatus]).toEqual([other.name, 'MATCHED']);
      }
    }

    /** Asks until the whole view is back (the circuit probes the agency and closes by itself). */
    async function expectRecovery() {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const { body } = await ask();
        const person = body.data?.youngPerson;
        const whole = !!person && RECEIVING_AGENCIES.every((a) => person[a.recordField]?.matchStatus === 'MATCHED');
        if (whole && !(body.errors ?? []).some((e) => e.extensions.code === 'AGENCY_UNAVAILABLE')) return;
        if (Date.now() > deadline) throw new Error(`the graph did not recover: ${JSON.stringify(body.errors)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    /** A database made unreachable: no new connections, and every open one cut. */
    async function withDatabaseDown(agency: AgencyDefinition, during: () => Promise<void>) {
      const name = new URL(graph.databases[agency.name as AgencyName]).pathname.slice(1);
      const admin = new Client({ connectionString: `${TEST_POSTGRES}/postgres` });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        await during();
      } finally {
        await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
        await admin.end();
      }
    }

    const FAULTS: [string, (agency: AgencyDefinition, during: () => Promise<void>) => Promise<void>][] = [
      ['killed', (agency, during) => graph.restartSubgraph(agency.name as AgencyName, { signal: 'SIGKILL', whileStopped: during })],
      [
        'hung (SIGSTOP)',
        async (agency, during) => {
          graph.signalSubgraph(agency.name as AgencyName, 'SIGSTOP');
          try {
            await during();
          } finally {
            graph.signalSubgraph(agency.name as AgencyName, 'SIGCONT');
          }
        },
      ],
      [
        'slow beyond its budget',
        async (agency, during) => {
          graph.proxies![agency.name as AgencyName].mode = { kind: 'delay', ms: 2_500 };
          try {
            await during();
          } finally {
            graph.proxies![agency.name as AgencyName].mode = { kind: 'pass' };
          }
        },
      ],
      [
        'answering garbage',
        async (agency, during) => {
          graph.proxies![agency.name as AgencyName].mode = agency.kind === 'lead' ? { kind: 'garbage' } : { kind: 'wrongShape' };
          try {
            await during();
          } finally {
            graph.proxies![agency.name as AgencyName].mode = { kind: 'pass' };
          }
        },
      ],
      [DATABASE_DOWN, withDatabaseDown],
    ];

    describe.each(AGENCIES.map((a) => [a.name, a] as const))('%s', (_name, agency) => {
      it.each(FAULTS)(
        '%s: the others answer in time, its part is AGENCY_UNAVAILABLE, and the graph recovers',
        async (fault, inject) => {
          await expectRecovery();
          await inject(agency, async () => {
            expectOnlyMissing(agency, await ask());
            // After a few failures the circuit is open: the agency is not asked at all (it costs next to
            // nothing), which the answer's reason shows without timing it.
            for (let i = 0; i < Number(BUDGETS.BREAKER_FAILURES); i++) await ask();
            const fast = await ask();
            expectOnlyMissing(agency, fast);
            // An agency without its database still answers, at once, that it cannot: its circuit need not open.
            if (fault !== DATABASE_DOWN) {
              const reasons = (fast.body.errors ?? []).filter((e: GraphQLErrorBody) => e.extensions.code === 'AGENCY_UNAVAILABLE');
              expect(reasons.every((e) => /has not been answering/.test(e.message))).toBe(true);
            }
          });
          await expectRecovery();
        },
        60_000,
      );
    });
  });
}
