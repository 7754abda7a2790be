import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { PERSONAS } from '../../kit/dev/personas';
import { AGENCIES, LEAD_AGENCY, type AgencyName } from '../../kit/shared/agencies';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import type { loadMigrations as load } from '../../kit/subgraph/migrations/folder';
import type { startGraphProcesses as startFour } from '../../scripts/processes';
import { generatePerson } from '../../kit/dev/synthetic/population';
import { teamFor } from '../../subgraphs/social-care/seeding/team';
import { TEST_TODAY } from '../support/agency';
import { dataOf, type GraphQLBody } from '../support/graphql';
import { freePort } from '../../scripts/ports';
import { RepositoryCopy } from '../support/repository-copy';
import { personaToken } from '../support/graph';

/**
 * "A fifth agency is one row and a folder" (subgraphs/README.md, "A new agency"), tried for real: a
 * copy of the repository gets one row in kit/shared/agencies.ts and a youth justice folder in
 * subgraphs/ (test/onboarding/youth-justice, a complete minimal receiving agency), and nothing else by
 * hand: `npm run migration:create` writes the migrations. It must compile, compose into the
 * supergraph, start with the other four, and answer through the gateway under social care's grant,
 * with its own audit.
 */
const EXAMPLE = join(__dirname, 'youth-justice');
const ROW = readFileSync(join(EXAMPLE, 'agencies-row.ts.txt'), 'utf8');
const SEED = { SEED: 'onboarding', SEED_SIZE: '150', SEED_AS_OF: TEST_TODAY };

interface Started {
  gateway: { url: string };
  identityProvider: { issuer: string };
  stop(): Promise<void>;
}

let copy: RepositoryCopy;
/** The migrations `npm run migration:create` wrote in the copy, as "<agency> (<dialect>)". */
let created: string[];
let graph: Started;
let token: string;

beforeAll(async () => {
  copy = new RepositoryCopy();
  // The only two changes: one row in the table...
  copy.addAgencyRow(ROW);
  // ...and one folder.
  cpSync(EXAMPLE, join(copy.root, 'subgraphs', 'youth-justice'), { recursive: true, filter: (path) => !path.endsWith('.txt') });
  copy.compile();

  // Then what a command writes from those two: the migrations (subgraphs/README.md, "A new agency").
  // Without them the kit names the command rather than start the agency on no schema.
  const { loadMigrations } = copy.load<{ loadMigrations: typeof load }>('kit/subgraph/migrations/folder');
  expect(() => loadMigrations('youth-justice', 'sqlite')).toThrow('npm run migration:create -- --agency youth-justice');
  const written = copy.script('migration-create', ['--name', 'youth_justice']);
  created = [...written.matchAll(/^\s*(\S+) \((\w+)\): subgraphs\//gm)].map(([, agency, dialect]) => `${agency} (${dialect})`);
  copy.compile();
  copy.script('generate-schema');

  // The copy's own process starter: five subgraphs, each with its own database.
  const { startGraphProcesses } = copy.load<{ startGraphProcesses: typeof startFour }>('scripts/processes');
  const names = [...AGENCIES.map((a) => a.name), 'youth-justice'];
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const)));
  graph = await startGraphProcesses({
    gatewayPort: await freePort(),
    identityProviderPort: await freePort(),
    ports,
    databases: Object.fromEntries(names.map((name) => [name, databaseOf(name)])) as Record<AgencyName, string>,
    auditFolder: join(copy.root, 'data'),
    stdio: 'pipe',
    env: { ...SEED, CLOCK_FIXED_AT: `${TEST_TODAY}T12:00:00Z`, LOG_LEVEL: 'warn' },
  });
  token = await personaToken(graph.identityProvider.issuer, 'socialWorker');
}, 300_000);

afterAll(async () => {
  await graph?.stop();
  copy?.remove();
}, 60_000);

const databaseOf = (agency: string) => join(copy.root, 'data', `${agency}.db`);

async function ask<Data>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLBody<Data>> {
  const res = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLBody<Data>;
}

/** Something to do on one of the copy's databases, through the copy's own code (the services keep running). */
const withDatabase = <T>(agency: string, work: (em: EntityManager) => Promise<T>) => copy.withDatabase(agency, databaseOf(agency), work);

/** The example's case reference for the nth young person (test/onboarding/youth-justice/seed.ts). */
const yjsReference = (index: number) => {
  const digits = String(index).padStart(7, '0');
  return `YJ${digits}${[...digits].reduce((sum, d) => sum + Number(d), 0) % 10}`;
};

const OPTIONS = { size: Number(SEED.SEED_SIZE), seed: SEED.SEED, asOf: TEST_TODAY };
/** Known to the police (so the example seeds a youth justice case), looked after, and allocated to the social worker who asks. */
const person = Array.from({ length: OPTIONS.size }, (_, i) => generatePerson(i, OPTIONS)).find(
  (p) => p.pncId && p.status === 'LOOKED_AFTER' && teamFor(p).socialWorker.id === PERSONAS.socialWorker.id,
)!;

const VIEW = `query($id: ID!) { youngPerson(id: $id) { id youthJustice { matchStatus caseOpenedOn } police { matchStatus } } }`;
/** The cross-reference, as the social worker reads it: the new agency's identifier is in it like any other's. */
const LINKS = `query($id: ID!) { youngPerson(id: $id) { identifierLinks { scheme value } } }`;
type Links = { youngPerson: { identifierLinks: { scheme: string; value: string }[] } };
type View = {
  youngPerson: {
    id: string;
    youthJustice: { matchStatus: string; caseOpenedOn: string | null };
    police: { matchStatus: string };
  };
};

describe('a fifth agency from one row and one folder', () => {
  it('gets its first migrations from the command, and social care one, whose checks on identifier schemes and agency codes the row widens', () => {
    expect(created.sort()).toEqual([
      'social-care (postgresql)',
      'social-care (sqlite)',
      'youth-justice (postgresql)',
      'youth-justice (sqlite)',
    ]);
  });

  it('composes into the supergraph with its own key for YoungPerson and its grant field kept internal', () => {
    const sdl = readFileSync(join(copy.root, 'schema', 'youth-justice.graphql'), 'utf8');
    expect(sdl).toMatch(/type YoungPerson\s+@key\(fields: "yjsReference"\)/);
    expect(sdl).toMatch(/youthJusticeAccess: String @external/);
    const supergraph = readFileSync(join(copy.root, 'schema', 'supergraph.graphql'), 'utf8');
    expect(supergraph).toMatch(/YOUTH_JUSTICE @join__graph\(name: "youth-justice"/);
    // Resolved by social care (which signs it), external to youth justice (which requires it), hidden from clients.
    // YoungPerson's grant field (CohortOutcomes has one too, social care's alone: youth justice reports no cohort figures).
    const youngPerson = /\ntype YoungPerson\b[^{]*\{[^}]*\}/.exec(supergraph)?.[0] ?? '';
    const grantField = /youthJusticeAccess: String (.*)/.exec(youngPerson)?.[1] ?? '';
    expect(grantField).toContain('@inaccessible');
    expect(grantField).toContain('@join__field(graph: SOCIAL_CARE)');
    expect(grantField).toContain('@join__field(graph: YOUTH_JUSTICE, external: true)');
  });

  it("answers through the gateway: not linked until social care links its identifier, then matched under social care's grant, and audited", async () => {
    expect(person).toBeDefined();
    const before = dataOf(await ask<View>(VIEW, { id: person.id }));
    expect(before.youngPerson).toEqual({
      id: person.id,
      youthJustice: { matchStatus: 'NOT_LINKED', caseOpenedOn: null },
      police: { matchStatus: person.heldByPolice ? 'MATCHED' : 'NO_RECORD_FOR_IDENTIFIER' },
    });

    // Social care links the youth justice reference in its cross-reference, as for any agency.
    const reference = yjsReference(person.index);
    await withDatabase(LEAD_AGENCY.name, async (em) => {
      await em.insert('IdentifierLink', {
        youngPerson: person.id,
        scheme: 'YJS_REFERENCE',
        value: reference,
        method: 'AGENCY_CONFIRMED',
        linkedBy: 'Onboarding test',
        linkedOn: TEST_TODAY,
      });
    });
    const after = await ask<View>(VIEW, { id: person.id });
    expect(after.errors).toBeUndefined();
    expect(dataOf(after).youngPerson).toMatchObject({
      youthJustice: { matchStatus: 'MATCHED', caseOpenedOn: person.statusSince },
    });
    expect(dataOf(await ask<Links>(LINKS, { id: person.id })).youngPerson.identifierLinks).toContainEqual({
      scheme: 'YJS_REFERENCE',
      value: reference,
    });

    // The new agency wrote the read to its own audit, under its own identifier.
    const reads = await withDatabase('youth-justice', (em) => em.find(AuditRecord, { subject: reference }));
    expect(reads).toContainEqual(expect.objectContaining({ userId: PERSONAS.socialWorker.id, purposeKind: 'ALLOCATION' }));
    // Signed with the new agency's own audit key, in a log its first migration made append-only.
    expect(reads.every((r) => r.mac !== null)).toBe(true);
    await expect(
      withDatabase('youth-justice', (em) => em.getConnection().execute(`update audit_record set user_name = 'Someone Else'`)),
    ).rejects.toThrow('audit_record is append-only: UPDATE refused');
  });

  it('keeps its own policy: the virtual school head sees that youth justice holds a record, not when the case opened', async () => {
    const head = await personaToken(graph.identityProvider.issuer, 'virtualSchoolHead');
    const body = (await (
      await fetch(graph.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${head}` },
        body: JSON.stringify({ query: VIEW, variables: { id: person.id } }),
      })
    ).json()) as GraphQLBody<View>;
    expect(dataOf(body).youngPerson.youthJustice).toEqual({ matchStatus: 'MATCHED', caseOpenedOn: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['youngPerson', 'youthJustice', 'caseOpenedOn'],
        extensions: expect.objectContaining({ code: 'WITHHELD', agency: 'youth justice', rule: 'case-dates-need-to-know' }) as unknown,
      }),
    ]);
  });
});
