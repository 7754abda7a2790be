import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse, print, visit, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { DIST } from '../../kit/shared/paths';
import { SCHEMA_DIR } from '../../scripts/schema-files';
import { assertServicesBuilt } from '../support/built';

/**
 * `npm run schema:check` (docs/partner-contract.md, "Schema changes") as a partner runs it on a
 * changed SDL: the two breaking changes issue 12 found composing silently (a field a meeting tool's
 * operation reads removed; a field every record has made nullable) are caught and named, an additive
 * change passes, and a breaking change passes once the changelog acknowledges it, unless an operation
 * of gateway/operations still needs what it removed.
 */
const dir = mkdtempSync(join(tmpdir(), 'nwd-schema-check-'));
const committed = readFileSync(join(SCHEMA_DIR, 'health.graphql'), 'utf8');
beforeAll(() => assertServicesBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** health's committed SDL with `change` applied to each field of `typeName`. */
function healthWith(typeName: string, change: (fields: readonly FieldDefinitionNode[]) => FieldDefinitionNode[]): string {
  return print(
    visit(parse(committed), {
      ObjectTypeDefinition: (node: ObjectTypeDefinitionNode) =>
        node.name.value === typeName ? { ...node, fields: change(node.fields ?? []) } : undefined,
    }),
  );
}

const without = (name: string) => (fields: readonly FieldDefinitionNode[]) => fields.filter((f) => f.name.value !== name);
const nullable = (name: string) => (fields: readonly FieldDefinitionNode[]) =>
  fields.map((f) => (f.name.value === name && f.type.kind === Kind.NON_NULL_TYPE ? { ...f, type: f.type.type } : f));
const plus = (sdl: string) => (fields: readonly FieldDefinitionNode[]) => [
  ...fields,
  ...(parse(`type T { ${sdl} }`).definitions[0] as ObjectTypeDefinitionNode).fields!,
];

let files = 0;
function schemaCheck(agency: string, sdl: string, changelog = ''): { status: number | null; output: string } {
  const file = join(dir, `changed-${++files}.graphql`);
  const log = join(dir, `CHANGELOG-${files}.md`);
  writeFileSync(file, sdl);
  writeFileSync(log, changelog);
  const run = spawnSync(process.execPath, [join(DIST, 'scripts', 'schema-check.js'), agency, file, '--changelog', log], {
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('schema:check', () => {
  it('passes the committed SDL unchanged', () => {
    const { status, output } = schemaCheck('health', committed);
    expect(output).toMatch(/health: no change to the schema/);
    expect(status).toBe(0);
  });

  it('catches HealthRecord.latestSdq removed: a breaking change, and the multi-agency view no longer valid', () => {
    const { status, output } = schemaCheck('health', healthWith('HealthRecord', without('latestSdq')));
    expect(output).toMatch(/^BREAKING FIELD_REMOVED HealthRecord\.latestSdq \(subgraph\): Field 'latestSdq' was removed/m);
    expect(output).toMatch(/^operation multi-agency-view no longer valid: Cannot query field "latestSdq" on type "HealthRecord"/m);
    expect(output).toMatch(/^ {2}- health FIELD_REMOVED HealthRecord\.latestSdq: /m);
    expect(status).toBe(1);
  });

  it('catches HealthRecord.matchStatus made nullable', () => {
    const { status, output } = schemaCheck('health', healthWith('HealthRecord', nullable('matchStatus')));
    expect(output).toMatch(/^BREAKING FIELD_TYPE_CHANGED HealthRecord\.matchStatus \(subgraph\)/m);
    expect(output).toMatch(/health: schema check failed/);
    expect(status).toBe(1);
  });

  it('passes an additive change (a new nullable field), naming it safe', () => {
    const { status, output } = schemaCheck(
      'health',
      healthWith('HealthRecord', plus('"Whether a hospital passport is held." hospitalPassport: Boolean')),
    );
    expect(output).toMatch(/^safe +FIELD_ADDED HealthRecord\.hospitalPassport/m);
    expect(output).not.toMatch(/BREAKING/);
    expect(status).toBe(0);
  });

  it('passes a breaking change the changelog acknowledges', () => {
    const changelog =
      '## Acknowledged\n\n- health FIELD_TYPE_CHANGED HealthRecord.matchStatus: health may not know yet; tools show "unknown"\n';
    const { status, output } = schemaCheck('health', healthWith('HealthRecord', nullable('matchStatus')), changelog);
    expect(output).toMatch(/^breaking \(acknowledged\) FIELD_TYPE_CHANGED HealthRecord\.matchStatus/m);
    expect(status).toBe(0);
  });

  it("still fails an acknowledged removal that a meeting tool's operation reads, and a change another agency's acknowledgement names", () => {
    const removal = schemaCheck(
      'health',
      healthWith('HealthRecord', without('latestSdq')),
      '- health FIELD_REMOVED HealthRecord.latestSdq: replaced by assessments\n',
    );
    expect(removal.output).toMatch(/operation multi-agency-view no longer valid/);
    expect(removal.status).toBe(1);
    const elsewhere = schemaCheck(
      'health',
      healthWith('HealthRecord', nullable('matchStatus')),
      "- police FIELD_TYPE_CHANGED HealthRecord.matchStatus: not health's line\n",
    );
    expect(elsewhere.status).toBe(1);
  });

  it('names a composition error by its code', () => {
    // Social care's cross-reference gives nhsNumber as a String: an Int here cannot be the same field.
    const { status, output } = schemaCheck(
      'health',
      healthWith('YoungPerson', (fields) =>
        fields.map((f) =>
          f.name.value === 'nhsNumber' ? { ...f, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Int' } } } : f,
        ),
      ),
    );
    expect(output).toMatch(/^composition error FIELD_TYPE_MISMATCH: /m);
    expect(status).toBe(1);
  });

  it('says what was wrong with its arguments', () => {
    const { status, output } = schemaCheck('housing', committed);
    expect(output).toMatch(/unknown agency "housing"/);
    expect(status).toBe(2);
  });
});
