import { TEST_REDIS } from '../support/redis';
import { DIST, REPO_ROOT } from '../../kit/shared/paths';
import { LEAD_AGENCY, RECEIVING_AGENCIES, type AgencyName } from '../../kit/shared/agencies';
import { SignJWT, UnsecuredJWT, type JWK } from 'jose';
import { spawnSync } from 'node:child_process';
import { Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { buildASTSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { gatewayConfigFromEnv } from '../../gateway/config';
import { startGateway } from '../../gateway/gateway';
import { verifyAgency } from '../../scripts/audit-verify';
import { openServiceDatabase as openDatabaseFor } from '../../kit/subgraph/database';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { asDatabaseOwner } from '../support/audit-tamper';
import { createInternalTokenSigner } from '../../kit/shared/internal-token';
import { generateSigningKeyPair, importSigningKey } from '../../kit/shared/keys';
import { PERSONAS } from '../../kit/dev/personas';
import { loadAgencyService as loadService } from '../../kit/subgraph/load-service';
import { startTestGraph, type TestGraph } from '../support/graph';
import { dataOf, type GraphQLBody } from '../support/graphql';
import { allOperations } from '../../scripts/operations';
import { freePort } from '../../scripts/ports';
import { allocatedToSocialWorker, matchedEverywhere, people } from './graph-suite';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph('sqlite');
}, 240_000);
afterAll(() => graph?.stop(), 60_000);

const post = async <Data = unknown>(url: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLBody<Data> };
};
/** What a query for one young person's id answers. */
interface YoungPersonId {
  youngPerson: { id: string };
}
/** An entry of an access log, as the audit tests ask for it. */
interface AuditEntry {
  at: string;
  requestId: string;
  userId: string;
  purpose: string | null;
  action: string;
  fieldsRead: string[];
  withheld: { field: string; rule: string }[];
}
/** Every agency's access log of one young person (null where the agency could not look). */
interface AccessLogs {
  youngPerson: {
    accessLog: AuditEntry[] | null;
    health: { accessLog: AuditEntry[] | null };
    education: { accessLog: AuditEntry[] | null };
    police: { accessLog: AuditEntry[] | null };
  };
}
/** A break-glass read, as auditors see it raised. */
interface BreakGlassAlert {
  userId: string;
  breakGlassReason: string | null;
  purpose: string | null;
  requestId: string;
}
/** What Socket#connect is given: options (TCP or IPC), or a port or path. */
type ConnectTarget = { path?: string; host?: string; port?: number | string } | number | string;
let schema: GraphQLSchema | undefined;
/** The graph's schema, as clients see it (from the composed supergraph). */
const graphSchema = () =>
  (schema ??= buildASTSchema(parse(readFileSync(join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8')), { assumeValidSDL: true }));
const VIEW = (id: string) => ({ query: `{ youngPerson(id: "${id}") { id givenName health { matchStatus } } }` });

describe('user tokens at the gateway', () => {
  // A second gateway in this process, trusting a key set this test controls, in front of the same subgraphs.
  let gatewayUrl: string;
  let stop: () => Promise<void>;
  let idp: Awaited<ReturnType<typeof generateSigningKeyPair>>;
  const ISSUER = 'https://idp.example.test';
  const AUDIENCE = 'nwd-graph';
  const claims = { name: PERSONAS.socialWorker.name, agency: 'SOCIAL_CARE', role: 'SOCIAL_WORKER' };
  const sign = (
    opts: {
      key?: Uint8Array | Awaited<ReturnType<typeof importSigningKey>>;
      alg?: string;
      aud?: string;
      iss?: string;
      exp?: string | number;
    } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: opts.alg ?? 'ES256', kid: idp.publicJwk.kid })
      .setIssuer(opts.iss ?? ISSUER)
      .setAudience(opts.aud ?? AUDIENCE)
      .setSubject(PERSONAS.socialWorker.id)
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '5m')
      .sign(opts.key!);

  beforeAll(async () => {
    idp = await generateSigningKeyPair('test-idp');
    const env = {
      PORT: String(await freePort()),
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_JWKS: JSON.stringify({ keys: [idp.publicJwk] }),
      GATEWAY_PRIVATE_JWK: graph.keys.GATEWAY_PRIVATE_JWK,
      RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(Object.entries(graph.subgraphUrls).map(([n, u]) => [`SUBGRAPH_URL_${n.toUpperCase().replace(/-/g, '_')}`, u])),
    };
    const running = await startGateway(gatewayConfigFromEnv(env));
    gatewayUrl = running.url;
    stop = () => running.stop();
  });
  afterAll(() => stop?.());

  it('accepts a valid token', async () => {
    const key = await importSigningKey(idp.privateJwk);
    const res = await post<YoungPersonId>(gatewayUrl, VIEW(matchedEverywhere.id), { authorization: `Bearer ${await sign({ key })}` });
    expect(res.status).toBe(200);
    expect(dataOf(res.body).youngPerson.id).toBe(matchedEverywhere.id);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['no token', () => Promise.resolve(null)],
    [
      'a token signed with another key (forged)',
      async () => sign({ key: await importSigningKey((await generateSigningKeyPair('x')).privateJwk) }),
    ],
    ['an expired token', async () => sign({ key: await importSigningKey(idp.privateJwk), exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a token for another audience', async () => sign({ key: await importSigningKey(idp.privateJwk), aud: 'another-service' })],
    ['a token from another issuer', async () => sign({ key: await importSigningKey(idp.privateJwk), iss: 'https://evil.example.test' })],
    [
      'an alg:none token',
      () =>
        Promise.resolve(
          new UnsecuredJWT(claims)
            .setIssuer(ISSUER)
            .setAudience(AUDIENCE)
            .setSubject(PERSONAS.socialWorker.id)
            .setExpirationTime('5m')
            .encode(),
        ),
    ],
    [
      'an HS256 token keyed with the public key',
      async () => sign({ key: new TextEncoder().encode(JSON.stringify(idp.publicJwk)), alg: 'HS256' }),
    ],
    [
      'a token whose role is unknown',
      async () =>
        new SignJWT({ ...claims, role: 'SUPERUSER' })
          .setProtectedHeader({ alg: 'ES256' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject('x')
          .setExpirationTime('5m')
          .sign(await importSigningKey(idp.privateJwk)),
    ],
    [
      'a token without exp',
      async () =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256', kid: idp.publicJwk.kid })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject(PERSONAS.socialWorker.id)
          .setIssuedAt()
          .sign(await importSigningKey(idp.privateJwk)),
    ],
    ['a token living a day', async () => sign({ key: await importSigningKey(idp.privateJwk), exp: '24h' })],
    [
      "a token whose role is not its agency's (a LAC nurse in the police)",
      async () =>
        new SignJWT({ name: PERSONAS.lacNurse.name, agency: 'POLICE', role: 'LAC_NURSE' })
          .setProtectedHeader({ alg: 'ES256', kid: idp.publicJwk.kid })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject(PERSONAS.lacNurse.id)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(await importSigningKey(idp.privateJwk)),
    ],
  ])('refuses %s with 401 and no data', async (_what, make) => {
    const token = await make();
    const res = await post(gatewayUrl, VIEW(matchedEverywhere.id), token ? { authorization: `Bearer ${token}` } : {});
    expect(res.status).toBe(401);
    expect(res.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
  });

  it('talks to nobody but its subgraphs (no telemetry, no CDN)', async () => {
    const targets = new Set<string>();
    // Socket.prototype, seen through one signature of connect, to patch and restore.
    const sockets = Socket.prototype as { connect: (this: Socket, ...args: unknown[]) => Socket };
    const original = sockets.connect;
    sockets.connect = function (...args) {
      // Node passes normalised arguments ([options, callback]) internally.
      const o = (Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]) as ConnectTarget;
      targets.add(
        typeof o === 'object'
          ? o.path
            ? `unix:${o.path}`
            : `${o.host ?? 'localhost'}:${o.port}`
          : `${(args[1] as string | undefined) ?? 'localhost'}:${o}`,
      );
      return original.apply(this, args);
    };
    try {
      const key = await importSigningKey(idp.privateJwk);
      await post(
        gatewayUrl,
        {
          query: `{ youngPerson(id: "${matchedEverywhere.id}") { id health { matchStatus } education { matchStatus } police { matchStatus } } }`,
        },
        { authorization: `Bearer ${await sign({ key })}` },
      );
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      sockets.connect = original;
    }
    const allowed = new Set([new URL(gatewayUrl).host, ...Object.values(graph.subgraphUrls).map((u) => new URL(u).host)]);
    expect([...targets].filter((t) => !allowed.has(t))).toEqual([]);
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
  });
});

describe('subgraphs answer only the gateway', () => {
  it("refuses a direct call with no token, with the user's own token, or with forged identity headers", async () => {
    const url = graph.subgraphUrls['health'];
    const query = { query: '{ _service { sdl } }' };
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: `Bearer ${await graph.token('lacNurse')}` },
      { 'x-user-role': 'LAC_NURSE', 'x-user-agency': 'HEALTH', 'x-request-id': 'r1' },
    ]) {
      const res = await post(url, query, headers);
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
    }
  });

  it('refuses a copied gateway token (single use) and a token made for another subgraph', async () => {
    const sign = await createInternalTokenSigner(JSON.parse(graph.keys.GATEWAY_PRIVATE_JWK!) as JWK);
    const query = { query: `{ youngPerson(id: "${matchedEverywhere.id}") { id } }` };
    const token = await sign(LEAD_AGENCY.name, { viewer: PERSONAS.socialWorker, requestId: 'copied-1', operation: query });
    const first = await post<YoungPersonId>(graph.subgraphUrls[LEAD_AGENCY.name], query, { authorization: `Bearer ${token}` });
    expect(dataOf(first.body).youngPerson.id).toBe(matchedEverywhere.id);
    const copied = await post(graph.subgraphUrls[LEAD_AGENCY.name], query, { authorization: `Bearer ${token}` });
    expect(copied.status).toBe(401);
    const sdl = { query: '{ _service { sdl } }' };
    const elsewhere = await post(graph.subgraphUrls[RECEIVING_AGENCIES[0].name], sdl, {
      authorization: `Bearer ${await sign(LEAD_AGENCY.name, { viewer: PERSONAS.policeLiaison, requestId: 'x', operation: sdl })}`,
    });
    expect(elsewhere.status).toBe(401);
  });

  it('refuses a captured, unused gateway token for any other operation (a break-glass read of another child), and logs it', async () => {
    const sign = await createInternalTokenSigner(JSON.parse(graph.keys.GATEWAY_PRIVATE_JWK!) as JWK);
    const READ = 'query Read($id: ID!, $why: String) { youngPerson(id: $id, breakGlassReason: $why) { id givenName } }';
    const captured = { query: READ, operationName: 'Read', variables: { id: matchedEverywhere.id, why: null } };
    const token = await sign(LEAD_AGENCY.name, { viewer: PERSONAS.socialWorker, requestId: 'captured-1', operation: captured });
    const stranger = people.find((p) => !allocatedToSocialWorker(p) && p.id !== matchedEverywhere.id)!;
    const breakGlass = {
      ...captured,
      variables: { id: stranger.id, why: 'Police report the young person missing tonight; need the placement history now' },
    };
    const url = graph.subgraphUrls[LEAD_AGENCY.name];
    for (const other of [breakGlass, { ...captured, query: READ.replace('givenName', 'givenName familyName dateOfBirth') }]) {
      const res = await post(url, other, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
    }
    expect(graph.outputOf(LEAD_AGENCY.name as AgencyName)).toMatch(/signed for another operation/);
    // The gateway's own request, when it arrives, is still good.
    const own = await post<YoungPersonId>(url, captured, { authorization: `Bearer ${token}` });
    expect(dataOf(own.body).youngPerson.id).toBe(matchedEverywhere.id);
  });
});

describe('legitimate relationship', () => {
  const stranger = people.find((p) => !allocatedToSocialWorker(p) && p.status === 'LOOKED_AFTER')!;

  it('gives no data and no hint without one', async () => {
    const unknown = await graph.request(`{ youngPerson(id: "YP-999999") { id } }`);
    const noRelationship = await graph.request(`{ youngPerson(id: "${stranger.id}") { id } }`);
    expect(noRelationship.body.data).toBeNull();
    expect(noRelationship.body.errors!.map((e) => [e.message, e.extensions.code])).toEqual(
      unknown.body.errors!.map((e) => [e.message.replace('YP-999999', stranger.id), e.extensions.code]),
    );
  });

  it('refuses break-glass reasons that say nothing (invisible, one letter repeated, 80 KB) and records none of them', async () => {
    const padding = ['\u200B'.repeat(20), 'a'.repeat(20), 'Missing tonight, need the history. '.repeat(2400)];
    for (const why of padding) {
      const res = await graph.request(`query($id: ID!, $why: String) { youngPerson(id: $id, breakGlassReason: $why) { id } }`, {
        id: stranger.id,
        why,
      });
      expect(res.body.data).toBeNull();
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'breakGlassReason' });
    }
    const alerts = await graph.request<{ breakGlassAlerts: BreakGlassAlert[] }>(
      `{ breakGlassAlerts(first: 100) { breakGlassReason } }`,
      {},
      { persona: 'auditor' },
    );
    const recorded = dataOf(alerts.body).breakGlassAlerts.map((a) => a.breakGlassReason);
    expect(recorded.filter((r) => r !== null && padding.some((p) => r.startsWith(p.slice(0, 20))))).toEqual([]);
  });

  it('allows break-glass with a typed justification, records it, and raises it for auditors', async () => {
    const short = await graph.request(`{ youngPerson(id: "${stranger.id}", breakGlassReason: "urgent") { id } }`);
    expect(short.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'breakGlassReason' });
    const reason = 'Police report the young person missing tonight; need placement history now';
    const res = await graph.request<YoungPersonId>(
      `{ youngPerson(id: "${stranger.id}", breakGlassReason: "${reason}") { id health { matchStatus } } }`,
    );
    expect(dataOf(res.body).youngPerson.id).toBe(stranger.id);
    const alerts = await graph.request<{ breakGlassAlerts: BreakGlassAlert[] }>(
      `{ breakGlassAlerts(first: 50) { userId breakGlassReason purpose requestId } }`,
      {},
      { persona: 'auditor' },
    );
    expect(dataOf(alerts.body).breakGlassAlerts).toContainEqual(
      expect.objectContaining({ userId: PERSONAS.socialWorker.id, breakGlassReason: reason, purpose: 'BREAK_GLASS' }),
    );
    const notAuditor = await graph.request(`{ breakGlassAlerts(first: 5) { userId } }`);
    expect(notAuditor.body.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('raises break-glass when nothing but __typename is asked, and the alert names the young person', async () => {
    const other = people.find((p) => !allocatedToSocialWorker(p) && p.status === 'LOOKED_AFTER' && p.id !== stranger.id)!;
    const reason = 'Hospital reports the young person admitted tonight; need to confirm who is responsible';
    const res = await graph.request(`query($id: ID!, $why: String) { youngPerson(id: $id, breakGlassReason: $why) { __typename } }`, {
      id: other.id,
      why: reason,
    });
    expect(dataOf(res.body)).toEqual({ youngPerson: { __typename: 'YoungPerson' } });
    const alerts = await graph.request<{ breakGlassAlerts: (BreakGlassAlert & { youngPersonIdentifier: string })[] }>(
      `{ breakGlassAlerts(first: 50) { youngPersonIdentifier userId breakGlassReason purpose } }`,
      {},
      { persona: 'auditor' },
    );
    expect(dataOf(alerts.body).breakGlassAlerts).toContainEqual({
      youngPersonIdentifier: other.id,
      userId: PERSONAS.socialWorker.id,
      breakGlassReason: reason,
      purpose: 'BREAK_GLASS',
    });
  });
});

describe('audit', () => {
  const LOG = '{ at requestId userId purpose action fieldsRead withheld { field rule } }';
  const logs = async (id: string) => {
    const { body } = await graph.request<AccessLogs>(
      `{ youngPerson(id: "${id}") { accessLog ${LOG} health { accessLog ${LOG} } education { accessLog ${LOG} } police { accessLog ${LOG} } } }`,
      {},
      { persona: 'auditor' },
    );
    return dataOf(body).youngPerson;
  };

  it('records each read in the audit of exactly the agencies whose data was read, under one request id', async () => {
    const res = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token('socialWorker')}` },
      body: JSON.stringify({
        query: `{ youngPerson(id: "${matchedEverywhere.id}") { givenName health { matchStatus latestSdq { band } } } }`,
      }),
    });
    const requestId = res.headers.get('x-request-id')!;
    const log = await logs(matchedEverywhere.id);
    const mine = (entries: AuditEntry[] | null) => entries?.filter((e) => e.requestId === requestId);
    expect(mine(log.accessLog)).toEqual([
      expect.objectContaining({
        userId: PERSONAS.socialWorker.id,
        purpose: 'ALLOCATION',
        action: 'READ',
        fieldsRead: expect.arrayContaining(['YoungPerson.givenName']) as unknown,
      }),
    ]);
    expect(mine(log.health.accessLog)).toEqual([
      expect.objectContaining({ purpose: 'ALLOCATION', fieldsRead: expect.arrayContaining(['SdqScore.band']) as unknown }),
    ]);
    expect(mine(log.education.accessLog)).toEqual([]);
    expect(mine(log.police.accessLog)).toEqual([]);
  });

  it('lets only auditors read access logs', async () => {
    const res = await graph.request<{ youngPerson: { accessLog: { userId: string }[] | null } }>(
      `{ youngPerson(id: "${matchedEverywhere.id}") { accessLog { userId } } }`,
    );
    expect(dataOf(res.body).youngPerson.accessLog).toBeNull();
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'WITHHELD' });
  });

  it('detects a tampered audit record and reports the first broken link', async () => {
    const database = graph.databases[LEAD_AGENCY.name];
    const audit = graph.audit[LEAD_AGENCY.name];
    expect((await verifyAgency(LEAD_AGENCY.name, database, audit)).ok).toBe(true);
    const orm = await openDatabaseFor(loadService(LEAD_AGENCY.name), database);
    const tamper = (work: () => Promise<unknown>) => asDatabaseOwner(orm, 'audit_record', work);
    try {
      const [second] = await orm.em.fork().find(AuditRecord, { seq: 2 });
      await tamper(() => orm.em.fork().nativeUpdate(AuditRecord, { seq: 2 }, { userName: 'Someone Else' }));
      const report = await verifyAgency(LEAD_AGENCY.name, database, audit);
      expect(report).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: expect.stringMatching(/changed/) as unknown } });
      await tamper(() => orm.em.fork().nativeUpdate(AuditRecord, { seq: 2 }, { userName: second.userName }));
      expect((await verifyAgency(LEAD_AGENCY.name, database, audit)).ok).toBe(true);
      await tamper(() => orm.em.fork().nativeDelete(AuditRecord, { seq: 1 }));
      expect((await verifyAgency(LEAD_AGENCY.name, database, audit)).firstBroken).toMatchObject({
        seq: 1,
        reason: expect.stringMatching(/missing/) as unknown,
      });
    } finally {
      await orm.close(true);
    }
  });
});

describe('hardening at the gateway', () => {
  const deep = (n: number): string => (n === 0 ? 'id' : `meetings { youngPerson { ${deep(n - 1)} } }`);
  it.each([
    ['a depth bomb', `{ youngPerson(id: "${'YP-000001'}") { ${deep(10)} } }`],
    ['an alias bomb', `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: youngPerson(id: "YP-000001") { id }`).join(' ')} }`],
    ['a huge query', `{ youngPerson(id: "YP-000001") { ${'id '.repeat(5000)} } }`],
  ])('refuses %s with a clear error, and keeps serving', async (_what, query) => {
    const res = await graph.request(query);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors![0].message).toMatch(/depth|alias|token|cost/i);
    const after = await graph.request<YoungPersonId>(`{ youngPerson(id: "${matchedEverywhere.id}") { id } }`);
    expect(dataOf(after.body).youngPerson.id).toBe(matchedEverywhere.id);
  });

  it('refuses simple cross-site requests (CSRF prevention) and answers no foreign origin (CORS)', async () => {
    const csrf = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${await graph.token('socialWorker')}` },
      body: '{"query":"{ __typename }"}',
    });
    expect(csrf.status).toBe(400);
    const cors = await fetch(graph.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.test', 'access-control-request-method': 'POST' },
    });
    expect(cors.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    ['a NUL byte in laChildId', 'query($x: String) { youngPersonByIdentifier(laChildId: $x) { id } }', { x: 'LA\u00001' }, 'laChildId'],
    [
      'a NUL byte in filter.keyWorker',
      'query($x: String) { nwdCaseload(filter: { keyWorker: $x }) { totalCount } }',
      { x: 'Sam\u0000' },
      'filter.keyWorker',
    ],
    [
      'a NUL byte in a break-glass reason',
      'query($id: ID!, $why: String) { youngPerson(id: $id, breakGlassReason: $why) { id } }',
      { id: 'YP-000001', why: 'Police report the young person missing tonight\u0000; need history' },
      'breakGlassReason',
    ],
    [
      'a lone surrogate in a filter given whole',
      'query($f: NwdCaseloadFilter) { nwdCaseload(filter: $f) { totalCount } }',
      { f: { nameContains: 'Fe\uD800' } },
      'filter.nameContains',
    ],
  ])('refuses %s as BAD_USER_INPUT naming the argument (400), never an internal error', async (_what, query, variables, field) => {
    const res = await graph.request(query, variables);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } })]);
  });

  it.each([
    ['a syntax error', { query: '{ youngPerson(' }, 'GRAPHQL_PARSE_FAILED'],
    ['too many tokens', { query: `{ youngPerson(id: "YP-000001") { ${'id '.repeat(5000)} } }` }, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', { query: '{ youngPersn(id: "YP-000001") { id } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown operationName', { query: 'query A { __typename }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['two operations and no operationName', { query: 'query A { __typename } query B { __typename }' }, 'OPERATION_RESOLUTION_FAILURE'],
  ])('answers %s with 400, saying what was wrong', async (_what, body, code) => {
    const res = await post(graph.url, body, { authorization: `Bearer ${await graph.token('socialWorker')}` });
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions.code).toBe(code);
    expect(res.body.errors![0].message).not.toMatch(/internal/i);
  });

  it('never returns stack traces or internal messages', async () => {
    const res = await graph.request(`{ youngPerson(id: "${matchedEverywhere.id}") { id } nwdCaseload(first: 0) { totalCount } }`);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|\.js:\d+|SELECT|sqlite/i);
  });
});

describe('the explorer (development)', () => {
  const base = () => graph.url.replace(/\/graphql$/, '');
  /** The page, and what the gateway hands it: the identity provider to sign in with and the example tabs. */
  const explorer = async () => {
    const res = await fetch(`${base()}/explorer`);
    const page = await res.text();
    const config = JSON.parse(/<script id="explorer-config" type="application\/json">(.*?)<\/script>/s.exec(page)![1]) as {
      identityProvider: string;
      tabs: { query: string; variables?: string }[];
    };
    return { res, page, config };
  };

  it('is served by the gateway itself: every asset from the same origin, nothing from a CDN', async () => {
    const { res, page } = await explorer();
    const refs = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((r) => !r.startsWith('data:'));
    expect(refs.length).toBeGreaterThanOrEqual(2);
    expect(refs.filter((r) => !r.startsWith('/explorer/assets/'))).toEqual([]);
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    for (const ref of refs) expect((await fetch(`${base()}${ref}`)).status).toBe(200);
    // What the stylesheet loads (Monaco's icon font) is beside it, or inlined.
    const css = await (await fetch(`${base()}/explorer/assets/explorer.css`)).text();
    const cssRefs = [...css.matchAll(/url\(["']?([^"')]+)/g)].map((m) => m[1]).filter((r) => !r.startsWith('data:'));
    expect(cssRefs.filter((r) => !r.startsWith('./'))).toEqual([]);
    for (const ref of cssRefs) expect((await fetch(`${base()}/explorer/assets/${ref.slice(2)}`)).status).toBe(200);
    // The browser may reach only this gateway and the development identity provider.
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(/connect-src ([^;]*)/.exec(csp)![1].split(' ').sort()).toEqual(["'self'", new URL(graph.issuer).origin].sort());
    expect((await fetch(`${base()}/explorer/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base()}/explorer/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('serves the web workers the editor asks for', async () => {
    for (const worker of ['editor', 'json', 'graphql'])
      expect((await fetch(`${base()}/explorer/assets/${worker}.worker.js`)).status).toBe(200);
  });

  it('signs in with the development identity provider the gateway trusts', async () => {
    expect((await explorer()).config.identityProvider).toBe(graph.issuer);
  });

  it('offers every example operation of gateway/operations as a tab, with its example variables, the multi-agency view first', async () => {
    const { tabs } = (await explorer()).config;
    expect(tabs[0].query).toMatch(/query MultiAgencyView\b/);
    const byQuery = new Map(tabs.map((t) => [t.query, t.variables ? (JSON.parse(t.variables) as unknown) : {}]));
    expect(tabs).toHaveLength(allOperations().length);
    for (const o of allOperations()) expect(byQuery.get(o.document)).toEqual(o.variables);
  });
});

describe('production mode', () => {
  const envFor = async (extra: Record<string, string>) => {
    const idp = await generateSigningKeyPair('prod-idp');
    return {
      idp,
      env: {
        PORT: String(await freePort()),
        AUTH_ISSUER: 'https://idp.example.test',
        AUTH_AUDIENCE: 'nwd-graph',
        AUTH_JWKS: JSON.stringify({ keys: [idp.publicJwk] }),
        GATEWAY_PRIVATE_JWK: graph.keys.GATEWAY_PRIVATE_JWK!,
        LOG_LEVEL: 'warn',
        ...Object.fromEntries(
          Object.entries(graph.subgraphUrls).map(([n, u]) => [`SUBGRAPH_URL_${n.toUpperCase().replace(/-/g, '_')}`, u]),
        ),
        // Production requires the store replicas share (the scale-out tests show why).
        ...(extra.NODE_ENV === 'production' && { REDIS_URL: TEST_REDIS }),
        ...extra,
      },
    };
  };
  const tokenFrom = async (idp: Awaited<ReturnType<typeof generateSigningKeyPair>>, sub: string = PERSONAS.socialWorker.id) =>
    new SignJWT({ name: 'Test User', agency: 'SOCIAL_CARE', role: 'SOCIAL_WORKER' })
      .setProtectedHeader({ alg: 'ES256', kid: idp.publicJwk.kid })
      .setIssuer('https://idp.example.test')
      .setAudience('nwd-graph')
      .setSubject(sub)
      .setExpirationTime('5m')
      .sign(await importSigningKey(idp.privateJwk));

  it('turns introspection off, hides field suggestions and serves no explorer', async () => {
    const { idp, env } = await envFor({ NODE_ENV: 'production' });
    const running = await startGateway(gatewayConfigFromEnv(env));
    try {
      expect((await fetch(running.url.replace(/graphql$/, 'explorer'))).status).toBe(404);
      expect((await fetch(running.url.replace(/graphql$/, 'explorer/assets/explorer.js'))).status).toBe(404);
      const auth = { authorization: `Bearer ${await tokenFrom(idp)}` };
      const res = await post(running.url, { query: '{ __schema { types { name } } }' }, auth);
      expect(res.body.errors![0].message).toMatch(/introspection/i);
      const typo = await post(running.url, { query: '{ youngPersn(id: "YP-000001") { id } }' }, auth);
      expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
      // Enum values, input fields and arguments too: nothing of the schema is spelled out.
      for (const query of [
        '{ nwdCaseload(filter: { priority: REDD }) { totalCount } }',
        '{ nwdCaseload(filter: { nameContain: "Fe" }) { totalCount } }',
        '{ nwdCaseload(frist: 5) { totalCount } }',
      ]) {
        const wrong = await post(running.url, { query }, auth);
        expect(wrong.status).toBe(400);
        expect(wrong.body.errors![0].message).not.toMatch(/Did you mean|"RED"|nameContains|"first"/);
      }
      const variable = await post(
        running.url,
        { query: 'query($f: NwdCaseloadFilter) { nwdCaseload(filter: $f) { totalCount } }', variables: { f: { priority: 'REDD' } } },
        auth,
      );
      expect(JSON.stringify(variable.body)).not.toMatch(/Did you mean|"RED"/);
    } finally {
      await running.stop();
    }
  });

  it('limits each user, not each address, and says when to come back', async () => {
    const { idp, env } = await envFor({ RATE_LIMIT_PER_MINUTE: '3' });
    const running = await startGateway(gatewayConfigFromEnv(env));
    try {
      const one = { authorization: `Bearer ${await tokenFrom(idp, 'user-one')}` };
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(running.url, { query: '{ __typename }' }, one)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const other = await post(running.url, { query: '{ __typename }' }, { authorization: `Bearer ${await tokenFrom(idp, 'user-two')}` });
      expect(other.status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  /** Armor's estimate (the gateway's cost limit), the yardstick for a query's cost. */
  const armorCost = (query: string) => {
    let cost = NaN;
    validate(graphSchema(), parse(query), [costLimitRule({ maxCost: Infinity, onAccept: [(_ctx, { n }: { n: number }) => (cost = n)] })]);
    return cost;
  };
  /** Every agency's headline for each young person of a caseload page. */
  const NODES =
    'id givenName familyName dateOfBirth age currentStatus { status startDate } currentPlacement { placementType startDate } ' +
    'health { matchStatus latestSdq { total band } reviewHealthAssessmentTimeliness { status dueDate } } ' +
    'education { matchStatus pepTimeliness { status dueDate } } police { matchStatus }';
  const HEAVY = `{ nwdCaseload(first: 100) { nodes { ${NODES} } } }`;

  it("refuses a user whose minute's query budget is spent (429, Retry-After), and no one else", async () => {
    // Issue 7: four users sending the heaviest query allowed slowed everyone else's light queries fourfold.
    const { idp, env } = await envFor({ USER_COST_PER_MINUTE: '20000', RATE_LIMIT_PER_MINUTE: '1000' });
    const heavy = armorCost(HEAVY);
    expect(heavy).toBeGreaterThan(10_000);
    expect(heavy).toBeLessThanOrEqual(20_000);
    const running = await startGateway(gatewayConfigFromEnv(env));
    try {
      const one = { authorization: `Bearer ${await tokenFrom(idp, PERSONAS.socialWorker.id)}` };
      expect((await post(running.url, { query: HEAVY }, one)).status).toBe(200);
      const refused = await post(running.url, { query: HEAVY }, one);
      expect(refused.status).toBe(429);
      expect(refused.body.errors![0].extensions.code).toBe('RATE_LIMITED');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // What was refused was not taken: a light query still fits in the minute.
      expect((await post(running.url, { query: '{ __typename }' }, one)).status).toBe(200);
      const other = { authorization: `Bearer ${await tokenFrom(idp, 'budget-other-user')}` };
      expect((await post(running.url, { query: HEAVY }, other)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('counts a page size given as a variable against the cost limit, which armor alone let through', async () => {
    const twice = (first: string) => `query($n: Int!) { nwdCaseload(first: ${first}) { nodes { ${NODES} } again: nodes { ${NODES} } } }`;
    expect(armorCost(twice('$n'))).toBeLessThan(1000);
    expect(armorCost(twice('100'))).toBeGreaterThan(20_000);
    const { idp, env } = await envFor({});
    const running = await startGateway(gatewayConfigFromEnv(env));
    try {
      const auth = { authorization: `Bearer ${await tokenFrom(idp)}` };
      const res = await post(running.url, { query: twice('$n'), variables: { n: 100 } }, auth);
      expect(res.status).toBe(400);
      expect(res.body.errors![0].message).toMatch(/cost/i);
      expect(res.body.data).toBeUndefined();
      expect((await post(running.url, { query: twice('$n'), variables: { n: 10 } }, auth)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('bounds the requests one user has in hand at once, and no one else', async () => {
    const { idp, env } = await envFor({
      USER_MAX_CONCURRENT_REQUESTS: '1',
      RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      USER_COST_PER_MINUTE: '1000000',
    });
    const running = await startGateway(gatewayConfigFromEnv(env));
    try {
      const one = { authorization: `Bearer ${await tokenFrom(idp, PERSONAS.socialWorker.id)}` };
      const other = { authorization: `Bearer ${await tokenFrom(idp, 'concurrency-other-user')}` };
      const [mine, theirs] = await Promise.all([
        Promise.all(Array.from({ length: 6 }, () => post(running.url, { query: HEAVY }, one))),
        post(running.url, { query: HEAVY }, other),
      ]);
      expect(mine.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
      const refused = mine.filter((r) => r.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused.map((r) => [r.headers.get('retry-after'), r.body.errors![0].extensions.code])).toContainEqual(['1', 'RATE_LIMITED']);
      expect(mine.length).toBe(refused.length + mine.filter((r) => r.status === 200).length);
      expect(theirs.status).toBe(200);
      // Once answered, the user may ask again.
      expect((await post(running.url, { query: HEAVY }, one)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('refuses to start the development identity provider', async () => {
    const run = spawnSync(process.execPath, [join(DIST, 'kit', 'dev', 'identity-provider-main.js')], {
      env: { ...process.env, NODE_ENV: 'production', PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/refuses to start with NODE_ENV=production/);
  });
});
