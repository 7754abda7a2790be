import { policeService } from '../../subgraphs/police/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { DEEP_QUERY, seededPeople, UNKNOWN_PNC_ID, youngPerson } from './fixtures';

/** One query for the nominals, one per kind of list, one for return home interviews. */
const QUERIES_PER_REQUEST = 9;

describe('police subgraph batching', () => {
  let agency: TestAgency;
  beforeAll(async () => {
    agency = await startTestAgency(policeService);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  async function queriesFor(pncIds: (string | null)[]): Promise<number> {
    agency.queries.length = 0;
    const res = await agency.request(DEEP_QUERY, { representations: pncIds.map(youngPerson) });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(pncIds.length);
    return agency.queries.length;
  }

  it('costs the same number of SQL queries for 1 young person as for 40', async () => {
    const seeded = seededPeople().map((p) => p.pncId);
    // 40 representations as the gateway sends them: repeats, unlinked and unknown identifiers included.
    const forty = Array.from({ length: 40 }, (_, i) => (i % 10 === 9 ? null : i % 10 === 8 ? UNKNOWN_PNC_ID : seeded[i % seeded.length]));
    // The richest single young person (one with missing episodes, so interviews are loaded too).
    let one = 0;
    for (const pncId of seeded) one = Math.max(one, await queriesFor([pncId]));
    const many = await queriesFor(forty);
    expect(one).toBe(QUERIES_PER_REQUEST);
    expect(many).toBe(one);
  });
});
