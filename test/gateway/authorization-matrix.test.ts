import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isListType,
  isLeafType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { AUDIT_LOGS_ONLY, type AgencyPolicy } from '../../kit/subgraph/access/policy';
import { PERSONAS, type PersonaName } from '../../kit/dev/personas';
import { PurposeKind, type Purpose } from '../../kit/subgraph/access/purpose';
import { teamFor } from '../../subgraphs/social-care/seeding/team';
import { expectedFor } from '../policy/check-table';
import { FIGURES_ONLY, RECORD_READERS, type SharingRow } from '../policy/sharing-table';
import { SHARING_TABLES } from '../policy/tables';
import { GRAPH_SEED, startTestGraph, type TestGraph } from '../support/graph';
import { TEST_TODAY } from '../support/agency';
import { recordsOf } from '../support/synthetic';
import type { SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { educationSeeder } from '../../subgraphs/education/seed';
import { healthSeeder } from '../../subgraphs/health/seed';
import { policeSeeder } from '../../subgraphs/police/seed';
import { socialCareSeeder } from '../../subgraphs/social-care/seed';
import { dataOf, type GraphQLErrorBody } from '../support/graphql';
import { people } from './graph-suite';

/**
 * The authorization matrix: every persona against every guarded field of a young person, through the
 * whole graph, with a legitimate relationship (the persona's own, or break-glass; the auditor's audit
 * purpose) and without one. What each cell should be comes from the agency's hand-written sharing table
 * (test/policy/tables/), for that field, that relationship and that record; the test checks what came
 * back: the value, or null with a WITHHELD notice naming agency and rule.
 */
const REASON = 'Authorization matrix test: checking every field group for every role';

let graph: TestGraph;
let schema: GraphQLSchema;
beforeAll(async () => {
  graph = await startTestGraph('sqlite');
  const res = await graph.request<IntrospectionQuery>(getIntrospectionQuery());
  schema = buildClientSchema(dataOf(res.body));
}, 240_000);
afterAll(() => graph?.stop(), 60_000);

/**
 * Field names from YoungPerson to an object of `target` (breadth first, through fields without required
 * arguments; lists first, as a history holds more than one current item: `meetings` before `nextRaiseMeeting`).
 */
function pathTo(target: string): string[] | null {
  const start = schema.getType('YoungPerson') as GraphQLObjectType;
  const queue: [GraphQLObjectType, string[]][] = [[start, []]];
  const seen = new Set<string>([start.name]);
  while (queue.length) {
    const [type, path] = queue.shift()!;
    if (type.name === target) return path;
    const fields = Object.values(type.getFields()).sort(
      (a, b) => Number(isListType(getNullableType(b.type))) - Number(isListType(getNullableType(a.type))),
    );
    for (const field of fields) {
      const named = getNamedType(field.type);
      if (isObjectType(named) && !seen.has(named.name) && field.args.every((a) => a.type.toString().endsWith('!') === false)) {
        seen.add(named.name);
        queue.push([named, [...path, field.name]]);
      }
    }
  }
  return null;
}

type Tree = Map<string, Tree>;
const leaf = (): Tree => new Map();

/** One selection per policy: every guarded field, and every plain field beside it (rules may read them). */
function selectionFor(policy: AgencyPolicy): { tree: Tree; unreachable: string[] } {
  const tree: Tree = leaf();
  const unreachable: string[] = [];
  for (const entry of Object.keys(policy.fields)) {
    const [typeName, fieldName] = entry.split('.');
    const path = pathTo(typeName);
    if (!path) {
      unreachable.push(entry);
      continue;
    }
    let node = tree;
    for (const step of path) node = node.get(step) ?? node.set(step, leaf()).get(step)!;
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const f of Object.values(type.getFields()))
      if (isLeafType(getNamedType(f.type)) && f.args.length === 0 && !node.has(f.name)) node.set(f.name, leaf());
    const guarded = type.getFields()[fieldName];
    if (!node.get(fieldName)?.size)
      node.set(fieldName, isLeafType(getNamedType(guarded.type)) ? leaf() : new Map([['__typename', leaf()]]));
  }
  return { tree, unreachable };
}

const print = (tree: Tree): string => [...tree].map(([name, sub]) => (sub.size ? `${name} { ${print(sub)} }` : name)).join(' ');

/** What the matrix reads by name; the rest of the generated selection is walked as unknown. */
interface MatrixResponse {
  youngPerson: { accessPurpose: { kind: PurposeKind; meetingId: string | null; reason: string | null } };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
/** A field of a response object; undefined on anything that is not one. */
const fieldOf = (value: unknown, name: string): unknown => (isRecord(value) ? value[name] : undefined);

interface Observed {
  withheld: Set<string>;
  shown: Set<string>;
}

/** Walks the response along the selection; checks every guarded field against the sharing table. */
function check(
  { policy, rows }: { policy: AgencyPolicy; rows: readonly SharingRow[] },
  persona: PersonaName,
  purpose: Purpose,
  data: unknown,
  errors: GraphQLErrorBody[],
  observed: Observed,
) {
  const notices = new Map<string, GraphQLErrorBody>(
    errors.filter((e) => e.extensions?.code === 'WITHHELD').map((e) => [e.path!.join('.'), e]),
  );
  const label = policy.agency.toLowerCase().replace('_', ' ');
  for (const entry of Object.keys(policy.fields)) {
    const [typeName, fieldName] = entry.split('.');
    const path = pathTo(typeName)!;
    const visit = (value: unknown, at: (string | number)[], rest: string[]): void => {
      if (value == null) return;
      if (Array.isArray(value)) return (value as unknown[]).forEach((v, i) => visit(v, [...at, i], rest));
      if (rest.length) return visit(fieldOf(value, rest[0]), [...at, rest[0]], rest.slice(1));
      const cell = `${persona} ${entry} at ${[...at, fieldName].join('.')}`;
      const notice = notices.get([...at, fieldName].join('.'));
      if (expectedFor(rows, entry, persona, purpose.kind, value) === 'withheld') {
        // The notice names the field's own rule; under an audit purpose, the rule that shows auditors logs only.
        const rule = purpose.kind === PurposeKind.AUDIT ? AUDIT_LOGS_ONLY.id : policy.fields[entry].id;
        expect({ cell, value: fieldOf(value, fieldName), notice: notice?.extensions }).toEqual({
          cell,
          value: null,
          notice: expect.objectContaining({ code: 'WITHHELD', agency: label, rule }) as unknown,
        });
        observed.withheld.add(policy.fields[entry].id);
      } else {
        // Shown; a notice there may only be about content inside it (a chronology line), never this field's own rule.
        expect({ cell, rule: notice?.extensions.rule === policy.fields[entry].id ? notice.extensions.rule : undefined }).toEqual({
          cell,
          rule: undefined,
        });
        observed.shown.add(policy.fields[entry].id);
      }
    };
    visit(fieldOf(data, 'youngPerson'), ['youngPerson'], path);
  }
}

const SEEDERS = [socialCareSeeder, healthSeeder, educationSeeder, policeSeeder];
const OPTIONS = { size: people.length, seed: GRAPH_SEED.SEED, asOf: TEST_TODAY };
/** The kinds of record (entity names) the agencies hold about a young person. */
const kindsOf = (p: SyntheticYoungPerson) => new Set(SEEDERS.flatMap((s) => recordsOf(s, p, OPTIONS)).map((r) => r.constructor.name));

/**
 * Four young people with records in every agency who between them hold every kind of record, so every
 * guarded field has something to guard: each in turn the one adding the most kinds not yet held
 * (NWD young people first among equals).
 */
function richestSubjects(): SyntheticYoungPerson[] {
  const candidates = people
    .filter((p) => p.nhsNumber && p.upn && p.pncId && p.heldByHealth && p.heldByEducation && p.heldByPolice)
    .map((p) => ({ p, kinds: kindsOf(p) }));
  const held = new Set<string>();
  const chosen: SyntheticYoungPerson[] = [];
  while (chosen.length < 4) {
    const gain = (c: (typeof candidates)[number]) => [...c.kinds].filter((k) => !held.has(k)).length + (c.p.nwd ? 0.5 : 0);
    const best = candidates.filter((c) => !chosen.includes(c.p)).reduce((a, b) => (gain(b) > gain(a) ? b : a));
    chosen.push(best.p);
    for (const k of best.kinds) held.add(k);
  }
  return chosen;
}
const subjects = richestSubjects();

describe.each(SHARING_TABLES.map((t) => [t.policy.agency, t] as const))('%s policy', (_agency, table) => {
  const { policy } = table;
  const observed: Observed = { withheld: new Set(), shown: new Set() };

  it('reaches every guarded field from YoungPerson', () => {
    expect(selectionFor(policy).unreachable).toEqual([]);
  });

  it.each(RECORD_READERS)(
    'as %s, with a legitimate relationship: each field shown or withheld as the sharing table says',
    async (persona) => {
      const { tree } = selectionFor(policy);
      for (const subject of subjects) {
        const res = await graph.request<MatrixResponse>(
          `query($id: ID!, $why: String) { youngPerson(id: $id, breakGlassReason: $why) { accessPurpose { kind meetingId reason } ${print(tree)} } }`,
          { id: subject.id, why: REASON },
          { persona },
        );
        expect(res.status).toBe(200);
        expect((res.body.errors ?? []).filter((e) => e.extensions?.code !== 'WITHHELD')).toEqual([]);
        // A real relationship, where the persona has one, comes before break-glass: expectations follow the purpose granted.
        const granted = dataOf(res.body).youngPerson.accessPurpose;
        expect(granted.kind).toEqual(persona === 'auditor' ? PurposeKind.AUDIT : expect.any(String));
        check(
          table,
          persona,
          { kind: granted.kind, meetingId: granted.meetingId ?? undefined, reason: granted.reason ?? undefined },
          res.body.data,
          res.body.errors ?? [],
          observed,
        );
      }
    },
  );

  it.each(FIGURES_ONLY)('as %s, who sees figures and never a child: nothing, even with a break-glass reason', async (persona) => {
    for (const subject of subjects) {
      const res = await graph.request(
        `query($id: ID!, $why: String) { youngPerson(id: $id, breakGlassReason: $why) { ${print(selectionFor(policy).tree)} } }`,
        { id: subject.id, why: REASON },
        { persona },
      );
      expect([subject.id, res.body.data, res.body.errors!.map((e) => e.extensions.code)]).toEqual([subject.id, null, ['NOT_FOUND']]);
    }
  });

  it.each((Object.keys(PERSONAS) as PersonaName[]).filter((p) => p !== 'auditor'))(
    'as %s, without one: no data and no hint',
    async (persona) => {
      const id = PERSONAS[persona].id;
      // Not looked after (so no statutory role), no meetings, not allocated to this persona.
      const stranger =
        people.find(
          (p) =>
            !p.nwd &&
            p.status === 'LOOKED_AFTER' &&
            teamFor(p).socialWorker.id !== id &&
            teamFor(p).iro.id !== id &&
            persona !== 'virtualSchoolHead',
        ) ?? people.find((p) => p.status !== 'LOOKED_AFTER' && !teamFor(p).designatedTeacher)!;
      const res = await graph.request(
        `query($id: ID!) { youngPerson(id: $id) { ${print(selectionFor(policy).tree)} } }`,
        { id: stranger.id },
        { persona },
      );
      expect(res.body.data).toBeNull();
      expect(res.body.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    },
  );

  it('exercised every rule both ways: withheld from someone, shown to someone', () => {
    // Rules that follow the young person's recorded wishes depend on records the response does not
    // show (which exclusion ended an enrolment); the agencies' own suites test those.
    const rules = [...new Set(Object.values(policy.fields).map((r) => r.id))].filter((id) => !id.includes('wishes'));
    expect(rules.filter((id) => !observed.withheld.has(id))).toEqual([]);
    expect(rules.filter((id) => !observed.shown.has(id))).toEqual([]);
  });
});
