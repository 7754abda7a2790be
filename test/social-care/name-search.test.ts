import { PERSONAS } from '../../kit/dev/personas';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';
import { dropDatabases, postgresAvailable, TEST_POSTGRES } from '../support/postgres';

/**
 * Issue 7: `nameContains` always failed on SQLite ("near ilike"). A practitioner types part of a name
 * in any case; what they typed is text, so % and _ match themselves, not everything.
 */
const SIZE = 150;
const kinds = postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

interface Caseload {
  nwdCaseload: { totalCount: number; nodes: { id: string; givenName: string; familyName: string }[] };
}
const CASELOAD = 'query($f: NwdCaseloadFilter) { nwdCaseload(first: 100, filter: $f) { totalCount nodes { id givenName familyName } } }';

describe.each(kinds)('searching the NWD caseload by name (%s)', (kind) => {
  let agency: TestAgency;
  let everyone: Caseload['nwdCaseload']['nodes'];
  const database = `nwd_test_name_search_${process.pid}`;
  const search = async (nameContains: string) => {
    const body = await agency.request<Caseload>(CASELOAD, { f: { nameContains } }, { viewer: PERSONAS.keyWorker });
    return dataOf(body).nwdCaseload.nodes.map((n) => n.id);
  };

  beforeAll(async () => {
    if (kind === 'postgres') await dropDatabases([database]);
    agency = await startTestAgency(socialCareService, { size: SIZE }, kind === 'postgres' ? `${TEST_POSTGRES}/${database}` : ':memory:');
    const all = dataOf(await agency.request<Caseload>(CASELOAD, {}, { viewer: PERSONAS.keyWorker })).nwdCaseload;
    expect(all.totalCount).toBe(all.nodes.length);
    everyone = all.nodes;
  }, 120_000);
  afterAll(async () => {
    await agency?.stop();
    if (kind === 'postgres') await dropDatabases([database]);
  });

  it('finds part of a given or family name, whatever the case typed', async () => {
    expect(everyone.length).toBeGreaterThan(2);
    const { givenName, familyName } = everyone[0];
    for (const part of [familyName.slice(1, 4), givenName.slice(0, 3)]) {
      const expected = everyone
        .filter((p) => `${p.givenName}\n${p.familyName}`.toLowerCase().includes(part.toLowerCase()))
        .map((p) => p.id);
      expect(expected).toContain(everyone[0].id);
      for (const typed of [part, part.toUpperCase(), part.toLowerCase()]) expect(await search(typed)).toEqual(expected);
    }
  });

  it('takes %, _ and \\ as the characters they are', async () => {
    // No name has these in it: unescaped, '%%' and '__' would match everyone.
    for (const typed of ['%%', '__', '_a', 'a%', '\\\\']) expect(await search(typed)).toEqual([]);
  });
});
