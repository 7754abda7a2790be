import { educationService } from '../../subgraphs/education/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { DEEP_QUERY, seededPupils, testPeople, youngPerson } from './fixtures';

describe('education subgraph batching', () => {
  let agency: TestAgency;

  beforeAll(async () => {
    agency = await startTestAgency(educationService);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  async function queriesFor(upns: (string | null)[]): Promise<number> {
    agency.queries.length = 0;
    const res = await agency.request(DEEP_QUERY, { representations: upns.map(youngPerson) });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(upns.length);
    return agency.queries.length;
  }

  it('sends as many SQL queries for 40 young people as for 1', async () => {
    const [first] = seededPupils();
    // As the gateway sends them: every linked UPN (held or not), no UPN at all, and repeats.
    const linked = testPeople().map((p) => p.upn);
    const forty = Array.from({ length: 40 }, (_, i) => linked[i % linked.length]);
    expect(forty.filter((u) => u && seededPupils().some((p) => p.upn === u)).length).toBeGreaterThan(20);

    const one = await queriesFor([first.upn]);
    expect(one).toBeGreaterThan(0);
    expect(await queriesFor(forty)).toBe(one);
  });

  it('costs one query (the pupil) when only the match status is asked for', async () => {
    agency.queries.length = 0;
    const res = await agency.request('query ($r: [_Any!]!) { _entities(representations: $r) { ... on YoungPerson { education { matchStatus } } } }', {
      r: seededPupils().map((p) => youngPerson(p.upn)),
    });
    expect(res.errors).toBeUndefined();
    expect(agency.queries).toHaveLength(1);
  });
});
