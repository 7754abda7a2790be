import { fixedClock } from '../../subgraphs/kit/clock';
import { runAgencyService, type AgencyService } from '../../subgraphs/kit/agency';
import type { PopulationOptions } from '../../subgraphs/kit/synthetic/population';

/** The date every test's data describes and every test's clock shows, unless a test says otherwise. */
export const TEST_TODAY = '2026-11-23';

export interface TestAgency {
  url: string;
  /** SQL statements sent since the last reset. */
  queries: string[];
  /** POSTs a GraphQL operation; returns the parsed JSON body. */
  request(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }>;
  stop(): Promise<void>;
}

/** Runs one agency subgraph in this process on an in-memory SQLite database, seeded deterministically. */
export async function startTestAgency(
  service: AgencyService<any>,
  population: Partial<PopulationOptions> = {},
  database = process.env.TEST_DATABASE_URL_PREFIX ? `${process.env.TEST_DATABASE_URL_PREFIX}_${service.name.replace('-', '_')}` : ':memory:',
): Promise<TestAgency> {
  const queries: string[] = [];
  const running = await runAgencyService(service, {
    port: 0,
    database,
    clock: fixedClock(`${TEST_TODAY}T12:00:00Z`),
    seed: { size: 60, seed: 'test-seed', asOf: TEST_TODAY, ...population },
    onQuery: (sql) => queries.push(sql),
    quiet: true,
    fresh: true,
  });
  return {
    url: running.url,
    queries,
    async request(query, variables) {
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: any; errors?: any[] };
    },
    stop: () => running.stop(),
  };
}
