import { DIST } from '../../kit/shared/paths';
import { LEAD_AGENCY, RECEIVING_AGENCIES } from '../../kit/shared/agencies';
import { SignJWT, UnsecuredJWT, type JWK } from 'jose';
import { spawnSync } from 'node:child_process';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { gatewayConfigFromEnv } from '../../gateway/config';
import { startGateway } from '../../gateway/gateway';
import { verifyAgency } from '../../scripts/audit-verify';
import { openServiceDatabase as openDatabaseFor } from '../../kit/subgraph/database';
import { AuditRecord } from '../../kit/subgraph/audit/audit-record';
import { createInternalTokenSigner } from '../../kit/shared/internal-token';
import { generateSigningKeyPair, importSigningKey } from '../../kit/shared/keys';
import { PERSONAS } from '../../kit/dev/personas';
import { loadAgencyService as loadService } from '../../kit/subgraph/load-service';
import { startTestGraph, type TestGraph } from '../support/graph';
import { dataOf, type GraphQLBody } from '../support/graphql';
import { allOperations } from '../support/operations';
import { freePort } from '../support/ports';
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
    const token = await sign(LEAD_AGENCY.name, { viewer: PERSONAS.socialWorker, requestId: 'copied-1' });
    const query = { query: `{ youngPerson(id: "${matchedEverywhere.id}") { id } }` };
    const first = await post<YoungPersonId>(graph.subgraphUrls[LEAD_AGENCY.name], query, { authorization: `Bearer ${token}` });
    expect(dataOf(first.body).youngPerson.id).toBe(matchedEverywhere.id);
    const copied = await post(graph.subgraphUrls[LEAD_AGENCY.name], query, { authorization: `Bearer ${token}` });
    expect(copied.status).toBe(401);
    const elsewhere = await post(
      graph.subgraphUrls[RECEIVING_AGENCIES[0].name],
      { query: '{ _service { sdl } }' },
      { authorization: `Bearer ${await sign(LEAD_AGENCY.name, { viewer: PERSONAS.policeLiaison, requestId: 'x' })}` },
    );
    expect(elsewhere.status).toBe(401);
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
    expect((await verifyAgency(LEAD_AGENCY.name, database)).ok).toBe(true);
    const orm = await openDatabaseFor(loadService(LEAD_AGENCY.name), database);
    try {
      const [second] = await orm.em.fork().find(AuditRecord, { seq: 2 });
      await orm.em.fork().nativeUpdate(AuditRecord, { seq: 2 }, { userName: 'Someone Else' });
      const report = await verifyAgency(LEAD_AGENCY.name, database);
      expect(report).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: expect.stringMatching(/changed/) as unknown } });
      await orm.em.fork().nativeUpdate(AuditRecord, { seq: 2 }, { userName: second.userName });
      expect((await verifyAgency(LEAD_AGENCY.name, database)).ok).toBe(true);
      await orm.em.fork().nativeDelete(AuditRecord, { seq: 1 });
      expect((await verifyAgency(LEAD_AGENCY.name, database)).firstBroken).toMatchObject({
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

  it('never returns stack traces or internal messages', async () => {
    const res = await graph.request(`{ youngPerson(id: "${matchedEverywhere.id}") { id } nwdCaseload(first: 0) { totalCount } }`);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|\.js:\d+|SELECT|sqlite/i);
  });
});

describe('the explorer (development)', () => {
  it('is served by the gateway itself: every asset from the same origin, nothing from a CDN', async () => {
    const base = graph.url.replace(/\/graphql$/, '');
    const page = await (await fetch(`${base}/explorer`)).text();
    const refs = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    expect(refs.filter((r) => !r.startsWith('/explorer/assets/'))).toEqual([]);
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    for (const ref of refs) expect((await fetch(`${base}${ref}`)).status).toBe(200);
    expect((await fetch(`${base}/explorer/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it('offers every example operation of gateway/operations as a tab, with its example variables', async () => {
    const page = await (await fetch(graph.url.replace(/\/graphql$/, '/explorer'))).text();
    const tabs = JSON.parse(/defaultTabs: (\[.*\]),$/m.exec(page)![1]) as { query: string; variables?: string }[];
    expect(tabs.map((t) => t.query)).toEqual(allOperations().map((o) => o.document));
    expect(tabs.map((t) => (t.variables ? (JSON.parse(t.variables) as unknown) : {}))).toEqual(allOperations().map((o) => o.variables));
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
        ...Object.fromEntries(
          Object.entries(graph.subgraphUrls).map(([n, u]) => [`SUBGRAPH_URL_${n.toUpperCase().replace(/-/g, '_')}`, u]),
        ),
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
      const auth = { authorization: `Bearer ${await tokenFrom(idp)}` };
      const res = await post(running.url, { query: '{ __schema { types { name } } }' }, auth);
      expect(res.body.errors![0].message).toMatch(/introspection/i);
      const typo = await post(running.url, { query: '{ youngPersn(id: "YP-000001") { id } }' }, auth);
      expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
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
