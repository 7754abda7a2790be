import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { Kind, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { AGENCIES } from '../../kit/shared/agencies';
import { SCHEMA_DIR } from '../../scripts/schema-files';
import { allOperations } from '../../scripts/operations';

/**
 * gateway/operations holds an example operation for every step of the RAISE cycle, for meeting tools to
 * copy and for the explorer to offer. Each must be valid against the graph clients see (the API schema:
 * no internal fields), and its example variables (its `# variables:` line) must be accepted as they are.
 */
describe('gateway/operations', () => {
  let api: GraphQLSchema;
  beforeAll(() => {
    const composed = composeServices(
      AGENCIES.map((a) => ({ name: a.name, url: `http://${a.name}`, typeDefs: parse(readFileSync(join(SCHEMA_DIR, `${a.name}.graphql`), 'utf8')) })),
    );
    if (!composed.schema) throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join('; ')}`);
    api = composed.schema.toAPISchema().toGraphQLJSSchema();
  });

  const operations = allOperations();
  it('has one for every step of the cycle', () => {
    expect(operations.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'who-is-due',
        'schedule-meeting',
        'invite-to-meeting',
        'record-young-persons-consent',
        'meeting-pack',
        'record-meeting',
        'my-actions',
        'update-action-progress',
        'meeting-snapshot',
        'multi-agency-chronology',
        'change-meeting',
      ]),
    );
  });

  it.each(operations.map((o) => [o.name, o] as const))('%s is valid against the API schema, with example variables it accepts', (_name, op) => {
    expect(op.document.startsWith('#')).toBe(true); // says what it is for, first
    const document = parse(op.document);
    expect(validate(api, document).map((e) => e.message)).toEqual([]);
    for (const definition of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      const coerced = getVariableValues(api, definition.variableDefinitions ?? [], op.variables);
      expect([definition.name?.value, coerced.errors?.map((e) => e.message) ?? []]).toEqual([definition.name?.value, []]);
    }
  });
});
