import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { differenceInYears } from 'date-fns';
import type { JWK } from 'jose';
import { type PERSONAS } from '../../kit/dev/personas';
import { DIST } from '../../kit/shared/paths';
import type { AgencyName } from '../../kit/shared/agencies';
import type { startGraphProcesses as startGraph, GraphProcesses } from '../../scripts/processes';
import { freePort } from '../../scripts/ports';
import { GRAPH_SEED, personaToken } from '../support/graph';
import { TEST_TODAY } from '../support/agency';
import { dataOf, type GraphQLBody } from '../support/graphql';
import { RepositoryCopy } from '../support/repository-copy';
import { allocatedToSocialWorker, people } from '../gateway/graph-suite';
import { luhnDigit } from './partner-agency/contract';
import type { HousingFile } from './partner-agency/schema';
import { TYPE_DEFS } from './partner-agency/schema';

/**
 * Issue 12's "Done when": a partner follows docs/partner-contract.md and the conformance kit alone to
 * make a fifth subgraph join. The partner's subgraph (test/contract/partner-agency: a housing options
 * service) is written from the document with no import from kit/, and run as the partner runs it: its
 * own process, the public keys it was given, its own audit log. The lead agency's side is what the
 * contract says it does for a partner (section 1): one row in the agencies table saying the partner
 * runs it, the SDL the partner delivered committed in schema/, the migration the command writes, and
 * the URL in the gateway's configuration.
 */
const PARTNER = join(__dirname, 'partner-agency');
const ROW = readFileSync(join(PARTNER, 'agencies-row.ts.txt'), 'utf8');

/** A housing case reference for the nth young person (the partner's invented scheme: HC, 7 digits, Luhn). */
const housingReference = (index: number) => {
  const digits = String(index).padStart(7, '0');
  return `HC${digits}${luhnDigit(digits)}`;
};

/** A 16 or 17 year old on the edge of care, allocated to the social worker who asks: such a child may present to housing as homeless. */
const person = people.find(
  (p) =>
    allocatedToSocialWorker(p) && p.status === 'EDGE_OF_CARE' && differenceInYears(new Date(TEST_TODAY), new Date(p.dateOfBirth)) >= 16,
)!;
const another = people.find((p) => p.id !== person?.id)!;
/** What housing holds: a prevention duty (threatened with homelessness within 56 days) still owed. */
const FILES: Record<string, HousingFile> = {
  [housingReference(person?.index ?? 0)]: { applications: [{ appliedOn: '2026-10-05', duty: 'PREVENTION', outcome: null }] },
};

let copy: RepositoryCopy;
let graph: GraphProcesses;
let partner: ChildProcess;
let partnerUrl: string;
let created: string[];
const tokens = new Map<string, string>();

async function startPartner(keys: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const filesPath = join(copy.root, 'housing-files.json');
  writeFileSync(filesPath, JSON.stringify(FILES));
  const child = spawn(process.execPath, [join(DIST, 'test', 'contract', 'partner-agency', 'main.js')], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      GATEWAY_PUBLIC_JWK: keys.GATEWAY_PUBLIC_JWK,
      GRANT_PUBLIC_JWK: keys.GRANT_PUBLIC_JWK,
      AUDIT_KEY: randomBytes(32).toString('base64'),
      AUDIT_LOG: join(copy.root, 'housing-audit.jsonl'),
      HOUSING_FILES: filesPath,
    },
    stdio: 'pipe',
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the partner's subgraph exited with code ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the partner subgraph did not start');
}

beforeAll(async () => {
  copy = new RepositoryCopy();
  // The lead agency's side: the row, and the SDL the partner delivered.
  copy.addAgencyRow(ROW);
  writeFileSync(join(copy.root, 'schema', 'housing.graphql'), TYPE_DEFS);
  copy.compile();
  const written = copy.script('migration-create', ['--name', 'housing_partner']);
  created = [...written.matchAll(/^\s*(\S+) \((\w+)\): subgraphs\//gm)].map(([, agency, dialect]) => `${agency} (${dialect})`);
  copy.compile();
  copy.script('generate-schema');

  const { startGraphProcesses } = copy.load<{ startGraphProcesses: typeof startGraph }>('scripts/processes');
  const here = ['social-care', 'education', 'health', 'police'];
  const ports = Object.fromEntries(await Promise.all(here.map(async (name) => [name, await freePort()] as const)));
  const port = await freePort();
  partnerUrl = `http://127.0.0.1:${port}/graphql`;
  graph = await startGraphProcesses({
    gatewayPort: await freePort(),
    identityProviderPort: await freePort(),
    ports,
    databases: Object.fromEntries(here.map((name) => [name, join(copy.root, 'data', `${name}.db`)])) as Record<AgencyName, string>,
    auditFolder: join(copy.root, 'data'),
    gatewaySubgraphUrls: { ['housing' as AgencyName]: partnerUrl },
    stdio: 'pipe',
    env: { ...GRAPH_SEED, CLOCK_FIXED_AT: `${TEST_TODAY}T12:00:00Z`, LOG_LEVEL: 'warn' },
  });
  // Given only the public keys, as the contract says (sections 3 and 4).
  partner = await startPartner(graph.keys, port);
}, 300_000);

afterAll(async () => {
  partner?.kill('SIGTERM');
  await graph?.stop();
  copy?.remove();
}, 60_000);

async function ask<Data>(query: string, variables: Record<string, unknown>, persona: keyof typeof PERSONAS = 'socialWorker') {
  if (!tokens.has(persona)) tokens.set(persona, await personaToken(graph.identityProvider.issuer, persona));
  const res = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(persona)!}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLBody<Data>;
}

const VIEW = `query($id: ID!) { youngPerson(id: $id) { id housing { matchStatus homelessnessApplications { appliedOn duty outcome } } } }`;
type View = { youngPerson: { id: string; housing: { matchStatus: string; homelessnessApplications: unknown[] | null } } };

describe("a partner's own subgraph, built from the written contract alone, joins the graph", () => {
  it('imports nothing from kit/: only Node, graphql, @apollo/subgraph and jose, and its own files', () => {
    const imported = readdirSync(PARTNER)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(join(PARTNER, file), 'utf8').matchAll(/from '([^']+)'/g)].map(([, from]) => from));
    expect(imported.length).toBeGreaterThan(10);
    for (const from of imported) expect(from).toMatch(/^(node:[a-z]+|graphql|@apollo\/subgraph(\/.*)?|jose|\.\/[a-z-]+)$/);
  });

  it("needs of the lead only what the contract says: the row, the delivered SDL composed, social care's migration for the new scheme", () => {
    expect(person).toBeDefined();
    expect(created.sort()).toEqual(['social-care (postgresql)', 'social-care (sqlite)']);
    const supergraph = readFileSync(join(copy.root, 'schema', 'supergraph.graphql'), 'utf8');
    expect(supergraph).toMatch(/HOUSING @join__graph\(name: "housing"/);
    const youngPerson = /\ntype YoungPerson\b[^{]*\{[^}]*\}/.exec(supergraph)?.[0] ?? '';
    expect(/housingAccess: String (.*)/.exec(youngPerson)?.[1]).toContain('@inaccessible');
  });

  it('passes the conformance kit, every check', async () => {
    const keyFile = (name: string, jwk: string) => {
      const path = join(copy.root, `${name}.jwk`);
      writeFileSync(path, JSON.stringify(JSON.parse(jwk) as JWK));
      return path;
    };
    const args = [
      ...['--url', partnerUrl, '--agency', 'housing'],
      ...[
        '--gateway-key',
        keyFile('gateway', graph.keys.GATEWAY_PRIVATE_JWK!),
        '--grant-key',
        keyFile('grant', graph.keys.GRANT_PRIVATE_JWK!),
      ],
      ...['--young-person', housingReference(person.index), '--another-young-person', housingReference(another.index)],
    ];
    const run = await promisify(execFile)(process.execPath, [join(copy.root, 'dist', 'scripts', 'conformance.js'), ...args]).catch(
      (err: { code: number; stdout: string }) => ({ stdout: `${err.stdout}\n(exit ${err.code})` }),
    );
    expect(run.stdout).toContain('every check holds or does not apply (8)');
    expect(run.stdout).not.toContain('does not hold');
  });

  it("answers through the gateway: not linked until social care links its reference, then matched under social care's grant", async () => {
    const before = await ask<View>(VIEW, { id: person.id });
    expect(dataOf(before).youngPerson.housing).toEqual({ matchStatus: 'NOT_LINKED', homelessnessApplications: null });

    await copy.withDatabase('social-care', join(copy.root, 'data', 'social-care.db'), async (em) => {
      await em.insert('IdentifierLink', {
        youngPerson: person.id,
        scheme: 'HOUSING_REFERENCE',
        value: housingReference(person.index),
        method: 'AGENCY_CONFIRMED',
        linkedBy: 'Partner contract test',
        linkedOn: TEST_TODAY,
      });
    });
    const after = await ask<View>(VIEW, { id: person.id });
    expect(after.errors).toBeUndefined();
    expect(dataOf(after).youngPerson.housing).toEqual({
      matchStatus: 'MATCHED',
      homelessnessApplications: [{ appliedOn: '2026-10-05', duty: 'PREVENTION', outcome: null }],
    });
  });

  it("withholds with notices at the client's path, and its entries join social care's merged chronology", async () => {
    const log = await ask<{ youngPerson: { housing: { accessLog: unknown } } }>(
      `query($id: ID!) { youngPerson(id: $id) { housing { matchStatus accessLog { requestId } } } }`,
      { id: person.id },
    );
    expect(dataOf(log).youngPerson.housing).toEqual({ matchStatus: 'MATCHED', accessLog: null });
    expect(log.errors).toEqual([
      expect.objectContaining({
        message: 'Withheld by housing: the access log is for information-governance auditors only',
        path: ['youngPerson', 'housing', 'accessLog'],
        extensions: expect.objectContaining({ code: 'WITHHELD', agency: 'housing', rule: 'audit-log-auditors-only' }) as unknown,
      }),
    ]);

    const chronology = await ask<{ youngPerson: { multiAgencyChronology: { entries: { date: string; agency: string; kind: string }[] } } }>(
      `query($id: ID!) { youngPerson(id: $id) { multiAgencyChronology(first: 100) { entries { date agency kind summary significance } } } }`,
      { id: person.id },
    );
    // The other agencies' notices about their own entries come too; none is housing's, and no agency failed.
    expect((chronology.errors ?? []).filter((e) => e.extensions?.agency === 'housing' || e.extensions?.code !== 'WITHHELD')).toEqual([]);
    expect(dataOf(chronology).youngPerson.multiAgencyChronology.entries).toContainEqual(
      expect.objectContaining({ date: '2026-10-05', agency: 'housing', kind: 'Homelessness application', significance: 'MEDIUM' }),
    );
  });
});
