import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { isObjectType } from 'graphql';
import { PERSONA_LIST, type Persona } from '../../kit/dev/personas';
import { generatePerson } from '../../kit/dev/synthetic/population';
import { RECEIVING_AGENCIES } from '../../kit/shared/agencies';
import { REPO_ROOT } from '../../kit/shared/paths';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf, withheldAt } from '../support/graphql';

/**
 * Who reads social care's cross-reference (identifierLinks: every agency's identifier for a young
 * person, with who linked it, when and how). Those who keep it, social care staff, and those who check
 * it, information-governance auditors; nobody else. Another agency's staff need at most their own
 * identifier, and their agency already holds it (DOMAIN.md §3, each agency keeps its own identifier;
 * §4, Caldicott: minimum necessary).
 */
const KEEP_OR_CHECK_IT = ['SOCIAL_WORKER', 'NWD_KEY_WORKER', 'IRO', 'IG_AUDITOR'];

const SIZE = 150;
const people = Array.from({ length: SIZE }, (_, i) => generatePerson(i, { size: SIZE, seed: 'test-seed', asOf: TEST_TODAY }));
/** Linked to every agency, and on nobody's NWD caseload: reached by break-glass by those who have no one else. */
const stranger = people.find((p) => p.nhsNumber && p.upn && p.pncId && !p.nwd)!;

interface Link {
  scheme: string;
  value: string;
  linkedBy: string | null;
  linkedOn: string;
  supersededOn: string | null;
}
interface Read {
  youngPerson: { id: string; accessPurpose: { kind: string }; identifierLinks: Link[] | null } | null;
}
const READ = `query($id: ID!, $why: String) {
  youngPerson(id: $id, breakGlassReason: $why) { id accessPurpose { kind } identifierLinks { scheme value linkedBy linkedOn supersededOn } }
}`;

let agency: TestAgency;
beforeAll(async () => {
  agency = await startTestAgency(socialCareService, { size: SIZE });
}, 60_000);
afterAll(() => agency?.stop());

/** A young person the persona may see: the first on their caseload, or else the stranger, by break-glass (an auditor needs no reason). */
async function readAs(viewer: Persona) {
  const caseload = await agency.request<{ nwdCaseload: { nodes: { id: string }[] } }>(
    '{ nwdCaseload(first: 1) { nodes { id } } }',
    {},
    { viewer },
  );
  const mine = dataOf(caseload).nwdCaseload.nodes[0]?.id;
  const why = mine || viewer.role === 'IG_AUDITOR' ? null : 'Checking a report that this young person went missing tonight';
  const res = await agency.request<Read>(READ, { id: mine ?? stranger.id, why }, { viewer });
  return { res, person: people.find((p) => p.id === (mine ?? stranger.id))! };
}

describe("social care's cross-reference", () => {
  // Everyone who reads records; a board member reads none (test/social-care/relationship.test.ts).
  it.each(PERSONA_LIST.filter((p) => p.role !== 'CORPORATE_PARENTING_BOARD_MEMBER').map((p) => [p.role, p] as const))(
    'is shown to a %s as the rule says',
    async (role, viewer) => {
      const { res, person } = await readAs(viewer);
      const read = dataOf(res).youngPerson!;
      expect(read.id).toBe(person.id);
      const notice = withheldAt(res.errors, ['youngPerson', 'identifierLinks']);
      if (KEEP_OR_CHECK_IT.includes(role)) {
        expect(notice).toBeUndefined();
        const current = read.identifierLinks!.filter((l) => !l.supersededOn);
        const expected = RECEIVING_AGENCIES.flatMap((a) => {
          const value = person[a.identifier.field as 'nhsNumber' | 'upn' | 'pncId'];
          return value ? [[a.identifier.scheme, value]] : [];
        });
        expect(current.map((l) => [l.scheme, l.value]).sort()).toEqual(expected.sort());
        // With its provenance: a check digit proves only the typing (DOMAIN.md §3).
        expect(current.every((l) => l.linkedBy && l.linkedOn)).toBe(true);
      } else {
        expect(read.identifierLinks).toBeNull();
        expect(notice?.extensions).toMatchObject({
          code: 'WITHHELD',
          agency: 'social care',
          rule: 'cross-reference-social-care-and-auditors',
        });
      }
    },
  );

  it("leaves no other way to another agency's identifier: the gateway's keys are not in the graph's API", () => {
    const supergraph = readFileSync(join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8');
    const api = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
    const youngPerson = api.getType('YoungPerson');
    if (!isObjectType(youngPerson)) throw new Error('the API has no YoungPerson type');
    const fields = Object.keys(youngPerson.getFields());
    expect(fields).toContain('identifierLinks');
    for (const a of RECEIVING_AGENCIES) expect(fields).not.toContain(a.identifier.field);
  });
});
