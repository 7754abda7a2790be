import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { buildASTSchema, getOperationAST, Kind, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationCost } from '../../gateway/limits/operation-cost';
import { REPO_ROOT } from '../../kit/shared/paths';
import { allOperations } from '../../scripts/operations';

/**
 * The budget counts query cost as the gateway's cost limit (graphql-armor) does, so one number means
 * the same in both: armor's own estimator is the yardstick. Where armor reads no page size (a
 * variable, or none written), the budget counts the page the query will get.
 */
let schema: GraphQLSchema;
beforeAll(() => {
  schema = buildASTSchema(parse(readFileSync(join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8')), { assumeValidSDL: true });
});

/** Armor's cost of each operation of a document, in order. */
function armorCosts(document: DocumentNode): number[] {
  const found: number[] = [];
  validate(schema, document, [costLimitRule({ maxCost: Infinity, onAccept: [(_ctx, { n }: { n: number }) => found.push(n)] })]);
  return found;
}
const armorCost = (document: DocumentNode) => armorCosts(document)[0];
const costOf = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables);
};

describe('query cost', () => {
  it.each([
    ['scalars and objects', '{ youngPerson(id: "YP-000001") { id givenName currentStatus { status startDate } } }'],
    ['a page size written in', '{ nwdCaseload(first: 40) { totalCount nodes { id health { matchStatus } } } }'],
    [
      'a fragment used twice',
      '{ a: youngPerson(id: "YP-000001") { ...P } b: youngPerson(id: "YP-000002") { ...P } } fragment P on YoungPerson { id givenName }',
    ],
    ['an inline fragment', '{ youngPerson(id: "YP-000001") { ... on YoungPerson { id familyName } } }'],
    ['introspection', '{ __schema { types { name } } __typename }'],
  ])('is armor’s for %s', (_what, query) => {
    expect(costOf(query)).toBeCloseTo(armorCost(parse(query)), 6);
  });

  it('is armor’s for every operation of every example whose page sizes are written in', () => {
    for (const op of allOperations().filter((o) => !/\$(first|last)\b/.test(o.document))) {
      const document = parse(op.document);
      const mine = document.definitions
        .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => operationCost(schema, document, operation, op.variables));
      expect([op.name, mine]).toEqual([op.name, armorCosts(document)]);
    }
  });

  it('counts a page size given as a variable, its default, or the argument’s default, where armor counts one', () => {
    const written = costOf('{ nwdCaseload(first: 100) { nodes { id givenName } } }');
    expect(costOf('query($n: Int!) { nwdCaseload(first: $n) { nodes { id givenName } } }', { n: 100 })).toBe(written);
    expect(costOf('query($n: Int! = 100) { nwdCaseload(first: $n) { nodes { id givenName } } }')).toBe(written);
    expect(armorCost(parse('query($n: Int!) { nwdCaseload(first: $n) { nodes { id givenName } } }'))).toBeLessThan(written / 50);
    // nwdCaseload's `first` defaults to 25 pages of one.
    expect(costOf('{ nwdCaseload { nodes { id givenName } } }')).toBe(costOf('{ nwdCaseload(first: 25) { nodes { id givenName } } }'));
  });
});
