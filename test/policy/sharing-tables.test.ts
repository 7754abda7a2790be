import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { AGENCIES } from '../../kit/shared/agencies';
import { KIT_RULES } from '../../kit/subgraph/access/policy';
import { disagreements, readersMisnamed } from './check-table';
import type { SharingRow } from './sharing-table';
import { SHARING_TABLES } from './tables';

/**
 * Each agency's policy.ts against the sharing table its information-governance lead would write
 * (test/policy/tables/): for every row, every reader and every relationship the row holds under, the
 * field is shown or withheld as the table says. `npm run test:policy-mutations` checks that inverting or
 * removing any rule of any policy makes a row here fail.
 */
const supergraph = buildSchema(readFileSync(join(__dirname, '../../schema/supergraph.graphql'), 'utf8'));
const inGraph = (field: string) => {
  const [typeName, fieldName] = field.split('.');
  const type = supergraph.getType(typeName);
  return isObjectType(type) && fieldName in type.getFields();
};
/** A row as a test's name: its first fields and its situation. */
const title = (row: SharingRow) =>
  `${row.fields.slice(0, 3).join(', ')}${row.fields.length > 3 ? ` and ${row.fields.length - 3} more` : ''}${row.when ? `, ${row.when}` : ''}`;

it('has a sharing table for every agency in the agencies table', () => {
  expect(SHARING_TABLES.map((t) => t.policy.agency).sort()).toEqual(AGENCIES.map((a) => a.code).sort());
});

describe.each(SHARING_TABLES.map((t) => [t.policy.agency, t] as const))("%s's sharing table", (_agency, { policy, rows }) => {
  it('names every reader once in every row, shown or withheld', () => {
    expect(rows.map((row) => ({ row: title(row), misnamed: readersMisnamed(row) })).filter((r) => r.misnamed.length)).toEqual([]);
  });

  it('names only fields the graph has', () => {
    expect(rows.flatMap((row) => row.fields).filter((field) => !inGraph(field))).toEqual([]);
  });

  it('has a row for every field the policy guards', () => {
    const named = new Set(rows.flatMap((row) => row.fields));
    expect([...Object.keys(policy.fields), ...Object.keys(KIT_RULES)].filter((field) => !named.has(field))).toEqual([]);
  });

  it.each(rows.map((row) => [title(row), row] as const))('%s: as the table says', (_title, row) => {
    expect(disagreements(policy, row)).toEqual([]);
  });
});
