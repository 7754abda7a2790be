import { PERSONAS } from '../../kit/dev/personas';
import { service as policeService } from '../../subgraphs/police/service';
import { startTestAgency, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';
import { AS, askAbout, entitiesQuery, type Asking, type Entities } from '../support/receiving';
import { DEEP_QUERY, seededPeople, UNKNOWN_PNC_ID, type PoliceEntity } from './fixtures';

/** One query for the nominals, one per kind of list, one for return home interviews. */
const DATA_QUERIES = 9;

/** The audit write before the response leaves, however many young people it covers: one insert, onto the chain's head the service knows. */
const AUDIT_QUERIES = 1;
const isAuditWrite = (sql: string) => /audit_record/.test(sql) || /^\s*(begin|commit|savepoint|release)/i.test(sql);

describe('police subgraph batching', () => {
  let agency: TestAgency;
  const seeded = seededPeople().map((p) => p.pncId);
  // 40 representations as the gateway sends them: repeats, unlinked and unknown identifiers included.
  const forty = Array.from({ length: 40 }, (_, i) => (i % 10 === 9 ? null : i % 10 === 8 ? UNKNOWN_PNC_ID : seeded[i % seeded.length]));

  beforeAll(async () => {
    agency = await startTestAgency(policeService);
    // A first audited request: the service then knows its chain's head, as after any first request.
    await queriesFor(DEEP_QUERY, [seeded[0]]);
  });
  afterAll(async () => {
    await agency?.stop();
  });

  async function queriesFor(query: string, pncIds: (string | null)[], as?: Partial<Asking>): Promise<string[]> {
    agency.queries.length = 0;
    const res = await askAbout<Entities<PoliceEntity | null>>(agency, query, pncIds, as);
    expect(res.errors?.filter((e) => e.extensions?.code !== 'WITHHELD') ?? []).toEqual([]);
    expect(dataOf(res)._entities).toHaveLength(pncIds.length);
    expect(dataOf(res)._entities.every((e) => e !== null)).toBe(true);
    return [...agency.queries];
  }

  /** The SQL for the richest single young person (one with missing episodes, so interviews are loaded too). */
  async function richestOne(as?: Partial<Asking>): Promise<string[]> {
    let one: string[] = [];
    for (const pncId of seeded) {
      const sql = await queriesFor(DEEP_QUERY, [pncId], as);
      if (sql.length > one.length) one = sql;
    }
    return one;
  }

  it('costs the same number of SQL queries for 1 young person as for 40, audit write included', async () => {
    const one = await richestOne();
    const many = await queriesFor(DEEP_QUERY, forty);
    expect(one.filter((q) => !isAuditWrite(q))).toHaveLength(DATA_QUERIES);
    // One insert of every young person's record.
    expect(one.filter(isAuditWrite)).toHaveLength(AUDIT_QUERIES);
    expect(many).toHaveLength(one.length);
  });

  it('checks every grant first and still loads all young people in one query per kind, for a partner agency too', async () => {
    // A partner agency's viewer: the same loaders, with policy and the young person's wishes applied on top.
    const teacher = { viewer: PERSONAS.designatedTeacher };
    const one = await richestOne(teacher);
    const many = await queriesFor(DEEP_QUERY, forty, teacher);
    expect(many).toHaveLength(one.length);
    expect(one).toHaveLength(DATA_QUERIES + AUDIT_QUERIES);
  });

  it('reads only the last six months (and any episode still open) for the counts alone, and nothing twice with the lists', async () => {
    const counts = entitiesQuery(agency, 'police', 'missingEpisodesInLastSixMonths arrestsInLastSixMonths currentlyMissing');
    const alone = (await queriesFor(counts, forty)).filter((q) => !isAuditWrite(q));
    // The nominals, then the episodes and the arrests, each narrowed in the database.
    expect(alone).toHaveLength(3);
    expect(alone.find((q) => /from .missing_episode. /.test(q))).toMatch(/reported_at. >= \? or \S*found_at. is null/);
    expect(alone.find((q) => /from .arrest. /.test(q))).toMatch(/.arrested_on. >= /);
    // Asked with the whole lists (DEEP_QUERY): the counts are cut from them, one query per kind.
    const withLists = (await queriesFor(DEEP_QUERY, forty)).filter((q) => !isAuditWrite(q));
    expect(withLists.filter((q) => /from .missing_episode. /.test(q))).toHaveLength(1);
    expect(withLists.filter((q) => /from .arrest. /.test(q))).toHaveLength(1);
    expect(withLists.some((q) => /.reported_at. >= |.arrested_on. >= /.test(q))).toBe(false);
  });

  it("reads an auditor's access logs for 40 young people in one query", async () => {
    const auditor = AS.auditor;
    const query = entitiesQuery(agency, 'police', 'matchStatus accessLog { requestId userId fieldsRead }');
    const one = await queriesFor(query, [seeded[0]], auditor);
    const many = await queriesFor(query, forty, auditor);
    expect(many).toHaveLength(one.length);
    // The nominals, then every young person's log in one query; then the audit write.
    expect(one.filter((q) => !isAuditWrite(q) || (/^\s*select/i.test(q) && !/limit/i.test(q)))).toHaveLength(2);
    expect(one).toHaveLength(2 + AUDIT_QUERIES);
  });
});
