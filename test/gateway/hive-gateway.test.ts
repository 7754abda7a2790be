import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonaName } from '../../kit/dev/personas';
import { DEV_AUDIENCE } from '../../kit/dev/identity-provider';
import { subgraphUrlVariable, AGENCIES } from '../../kit/shared/agencies';
import { createLogger } from '../../kit/shared/logger';
import { REPO_ROOT } from '../../kit/shared/paths';
import { gatewayConfigFromEnv } from '../../gateway/config';
import { startHiveGateway, type RunningHiveGateway } from '../../gateway/hive/hive-gateway';
import { freePort } from '../../scripts/ports';
import { operation } from '../../scripts/operations';
import { startTestGraph, type TestGraph } from '../support/graph';
import type { GraphQLBody, GraphQLErrorBody } from '../support/graphql';
import { matchedEverywhere, people } from './graph-suite';

/**
 * Issue 12: a partner may run the same supergraph and subgraphs behind another runtime. Behind Hive
 * Gateway, with the partner contract's trust protocol as a plugin (gateway/hive), a meeting tool must
 * get what it gets through this gateway: the same data, and the same withheld notices at the same
 * paths (the client's paths, never a subgraph's `_entities`).
 */
let graph: TestGraph;
let hive: RunningHiveGateway;

beforeAll(async () => {
  graph = await startTestGraph('sqlite');
  const env = {
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    GATEWAY_PRIVATE_JWK: graph.keys.GATEWAY_PRIVATE_JWK!,
    AUTH_ISSUER: graph.issuer,
    AUTH_AUDIENCE: DEV_AUDIENCE,
    AUTH_JWKS_URL: `${graph.issuer}/.well-known/jwks.json`,
    ...Object.fromEntries(AGENCIES.map((a) => [subgraphUrlVariable(a), graph.subgraphUrls[a.name]])),
  };
  hive = await startHiveGateway(gatewayConfigFromEnv(env), createLogger('hive-gateway', 'warn'));
}, 180_000);
afterAll(async () => {
  await hive?.stop();
  await graph?.stop();
});

async function ask(url: string, query: string, variables: Record<string, unknown>, persona: PersonaName) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(persona)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLBody<unknown> };
}

/** Errors in a fixed order: the two gateways need not list them alike. */
const sorted = (errors: GraphQLErrorBody[] | undefined) =>
  (errors ?? [])
    .map((e) => ({ message: e.message, path: e.path, extensions: e.extensions }))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** Both gateways' answers, for comparison. */
async function throughBoth(query: string, variables: Record<string, unknown>, persona: PersonaName) {
  const [apollo, other] = await Promise.all([ask(graph.url, query, variables, persona), ask(hive.url, query, variables, persona)]);
  return {
    apollo: { status: apollo.status, data: apollo.body.data, errors: sorted(apollo.body.errors) },
    hive: { status: other.status, data: other.body.data, errors: sorted(other.body.errors) },
  };
}

const MULTI_AGENCY_VIEW = readFileSync(join(REPO_ROOT, 'gateway', 'operations', 'multi-agency-view.graphql'), 'utf8');
const lookedAfter = people.find((p) => p.status === 'LOOKED_AFTER' && p.heldByHealth && p.heldByEducation && p.heldByPolice)!;

describe('Hive Gateway with the trust protocol as a plugin', () => {
  it('refuses a request without a user token, as the gateway does', async () => {
    const res = await fetch(hive.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.status).toBe(401);
  });

  it.each<[string, PersonaName, string]>([
    ['the social worker', 'socialWorker', matchedEverywhere.id],
    ['the virtual school head', 'virtualSchoolHead', lookedAfter.id],
  ])('gives %s the same multi-agency view, withheld notices and their paths included', async (_who, persona, id) => {
    const { apollo, hive: other } = await throughBoth(MULTI_AGENCY_VIEW, { id }, persona);
    expect(apollo.status).toBe(200);
    expect(apollo.data).toBeTruthy();
    // The comparison covers notices from the receiving agencies (entity fetches), at client paths.
    const notices = apollo.errors.filter((e) => e.extensions.code === 'WITHHELD');
    expect(notices.some((n) => n.path?.[0] === 'youngPerson' && ['health', 'education', 'police'].includes(String(n.path[1])))).toBe(true);
    expect(apollo.errors.every((e) => e.extensions.code === 'WITHHELD')).toBe(true);
    expect(other).toEqual(apollo);
  });

  it('gives the same caseload', async () => {
    const whoIsDue = operation('who-is-due');
    const { apollo, hive: other } = await throughBoth(whoIsDue.document, whoIsDue.variables, 'socialWorker');
    expect(apollo.status).toBe(200);
    expect(apollo.data).toBeTruthy();
    expect(other).toEqual(apollo);
  });

  it("gives the same caseload with each young person's records from the other agencies, notices at each young person's path", async () => {
    const query = `{ nwdCaseload(first: 10) { nodes { id health { matchStatus chronology { date kind } } police { matchStatus missingEpisodes { reportedAt } } } } }`;
    const { apollo, hive: other } = await throughBoth(query, {}, 'socialWorker');
    expect(apollo.status).toBe(200);
    expect(apollo.errors.filter((e) => e.path?.[0] === 'nwdCaseload' && e.path[2] === 3).length).toBeGreaterThan(0);
    expect(other).toEqual(apollo);
  });

  it.each([
    ['Hive Gateway', () => hive.url],
    ['this gateway', () => graph.url],
  ])(
    "%s never answers one user with a fetch made for another: two users' identical queries at once each get their own",
    async (_gateway, url) => {
      // Hive's HTTP executor shares an identical in-flight subgraph fetch between requests by default, and
      // decides it is identical before the plugin signs the user into it: the key worker would be sent
      // the virtual school head's caseload, and the audit would record one read for two.
      const query = '{ nwdCaseload(first: 50) { nodes { id } } }';
      const alone = async (persona: PersonaName) => (await ask(graph.url, query, {}, persona)).body;
      const [head, keyWorker] = [await alone('virtualSchoolHead'), await alone('keyWorker')];
      expect(head.data).not.toEqual(keyWorker.data);
      const tokens = { virtualSchoolHead: await graph.token('virtualSchoolHead'), keyWorker: await graph.token('keyWorker') };
      const send = async (persona: keyof typeof tokens) => {
        const res = await fetch(url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[persona]}` },
          body: JSON.stringify({ query }),
        });
        return { persona, body: (await res.json()) as GraphQLBody<unknown> };
      };
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i % 2 ? 'keyWorker' : 'virtualSchoolHead')));
      for (const { persona, body } of answers) expect(body.data).toEqual((persona === 'keyWorker' ? keyWorker : head).data);
    },
  );

  it("is answered by every agency: each subgraph took the token the plugin signed for it as the gateway's", async () => {
    const { hive: other } = await throughBoth(
      `query($id: ID!) { youngPerson(id: $id) { id health { matchStatus } education { matchStatus } police { matchStatus } } }`,
      { id: matchedEverywhere.id },
      'socialWorker',
    );
    expect(other).toMatchObject({
      errors: [],
      data: {
        youngPerson: {
          id: matchedEverywhere.id,
          health: { matchStatus: 'MATCHED' },
          education: { matchStatus: 'MATCHED' },
          police: { matchStatus: 'MATCHED' },
        },
      },
    });
  });
});
