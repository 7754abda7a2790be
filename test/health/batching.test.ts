import { startTestAgency, type TestAgency } from '../support/agency';
import { ENTITIES_QUERY, healthService, people, rep } from './support';

let agency: TestAgency;

beforeAll(async () => {
  agency = await startTestAgency(healthService);
});

afterAll(async () => {
  await agency?.stop();
});

/** SQL statements one request costs, selecting every field of HealthRecord. */
async function queriesFor(nhsNumbers: (string | null)[]): Promise<number> {
  agency.queries.length = 0;
  const res = await agency.request(ENTITIES_QUERY, { reps: nhsNumbers.map(rep) });
  expect(res.errors).toBeUndefined();
  expect(res.data._entities).toHaveLength(nhsNumbers.length);
  return agency.queries.length;
}

describe('health subgraph batching (no N+1)', () => {
  const linked = people.map((p) => p.nhsNumber).filter((n): n is string => n !== null);

  it('costs the same number of queries for 1 young person as for 40', async () => {
    expect(linked.length).toBeGreaterThanOrEqual(40);
    const one = await queriesFor([linked[0]]);
    const forty = await queriesFor(linked.slice(0, 40));
    expect(forty).toBe(one);
    // One for the patients, one per kind of record (13).
    expect(one).toBe(14);
  });

  it('does not multiply queries when the gateway repeats representations or mixes unlinked ones', async () => {
    const one = await queriesFor([linked[0]]);
    const repeated = await queriesFor([...linked.slice(0, 20), ...linked.slice(0, 20), null, null]);
    expect(repeated).toBe(one);
  });
});
