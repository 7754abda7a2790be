import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { gatewayConfigFromEnv } from '../../gateway/config';
import { startGateway } from '../../gateway/gateway';
import { AGENCIES, subgraphUrlVariable } from '../../kit/shared/agencies';
import { ConfigurationError } from '../../kit/shared/config';
import { generateSigningKeyPair, importSigningKey } from '../../kit/shared/keys';
import { fromRepoRoot } from '../../kit/shared/paths';
import type { RunningHttp } from '../../kit/shared/http';
import { freePort } from '../../scripts/ports';

/**
 * The supergraph's life cycle (README, "Operating it"): it names no deployment, so the same file serves
 * every environment; a new one is picked up without a restart; a broken one never replaces a good one.
 */
const COMMITTED = fromRepoRoot('schema/supergraph.graphql');
const DESCRIBED = "A young person known to children's social care";

describe('the supergraph', () => {
  it('carries no deployment URL: every subgraph is located by configuration', () => {
    const sdl = readFileSync(COMMITTED, 'utf8');
    const graphs = [...sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)];
    expect(graphs.map((g) => g[1]).sort()).toEqual(AGENCIES.map((a) => a.name).sort());
    expect(graphs.every((g) => g[2] === '')).toBe(true);
    expect(sdl).not.toMatch(/https?:\/\/(127\.|localhost|[a-z-]+:\d)/);
  });

  it('needs every agency located in production, and names the variables missing', () => {
    const env = { NODE_ENV: 'production', AUTH_ISSUER: 'x', AUTH_AUDIENCE: 'y', AUTH_JWKS_URL: 'https://idp.example.test/jwks' };
    const missing = AGENCIES.map(subgraphUrlVariable);
    expect(() => gatewayConfigFromEnv(env)).toThrow(ConfigurationError);
    expect(() => gatewayConfigFromEnv(env)).toThrow(missing.join(', '));
  });
});

/** Replaces the file at once, as a deployment does (a ConfigMap swaps a symlink): the poll never reads it half-written. */
function replaceFile(path: string, text: string): void {
  writeFileSync(`${path}.next`, text);
  renameSync(`${path}.next`, path);
}

describe('reloading the supergraph', () => {
  let dir: string;
  let path: string;
  let gateway: RunningHttp;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nwd-supergraph-'));
    path = join(dir, 'supergraph.graphql');
    copyFileSync(COMMITTED, path);
    const idp = await generateSigningKeyPair('reload-idp');
    const gatewayKeys = await generateSigningKeyPair('reload-gateway');
    gateway = await startGateway(
      gatewayConfigFromEnv({
        PORT: String(await freePort()),
        METRICS_PORT: 'off',
        LOG_LEVEL: 'silent',
        SUPERGRAPH_PATH: path,
        SUPERGRAPH_POLL_MS: '50',
        AUTH_ISSUER: 'https://idp.example.test',
        AUTH_AUDIENCE: 'nwd-graph',
        AUTH_JWKS: JSON.stringify({ keys: [idp.publicJwk] }),
        GATEWAY_PRIVATE_JWK: JSON.stringify(gatewayKeys.privateJwk),
      }),
    );
    token = await new SignJWT({ name: 'Test User', agency: 'SOCIAL_CARE', role: 'SOCIAL_WORKER' })
      .setProtectedHeader({ alg: 'ES256', kid: idp.publicJwk.kid })
      .setIssuer('https://idp.example.test')
      .setAudience('nwd-graph')
      .setSubject('reload.tester')
      .setExpirationTime('5m')
      .sign(await importSigningKey(idp.privateJwk));
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The young person type's description, as the gateway serves its schema now. */
  const description = async () => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __type(name: "YoungPerson") { description } }' }),
    });
    return ((await res.json()) as { data: { __type: { description: string } } }).data.__type.description;
  };
  const readiness = async () =>
    (
      (await (await fetch(gateway.url.replace('/graphql', '/health/ready'))).json()) as {
        supergraph: { version: string; refused?: { version: string; reason: string } };
      }
    ).supergraph;
  const until = async (what: string, check: () => Promise<boolean>) => {
    for (const deadline = Date.now() + 5_000; !(await check()); await new Promise((r) => setTimeout(r, 50)))
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
  };

  it('serves a changed supergraph without a restart', async () => {
    const original = await description();
    expect(original).toMatch(/^A young person known to children's social care/);
    const before = (await readiness()).version;
    replaceFile(path, readFileSync(COMMITTED, 'utf8').replace(DESCRIBED, `${DESCRIBED} (reloaded)`));
    await until('the new description is served', async () => (await description()).includes('(reloaded)'));
    expect((await readiness()).version).not.toBe(before);
  });

  it.each([
    ['a half-written file', (sdl: string) => sdl.slice(0, sdl.length / 2), /Syntax Error/],
    ['an empty file', () => '', /Syntax Error/],
    ['a schema that is not a supergraph', () => 'type Query { hello: String }', /supergraph|link|join/i],
    [
      'a supergraph naming a subgraph with no configured URL',
      (sdl: string) => sdl.replace(/"police"/g, '"police-unconfigured"'),
      /no configured URL: police-unconfigured/,
    ],
  ])('never replaces the one in use with %s', async (_what, mangle, reason) => {
    const inUse = await readiness();
    const served = await description();
    replaceFile(path, mangle(readFileSync(path, 'utf8')));
    const refusedBefore = inUse.refused?.version ?? 'none';
    await until('the file is refused', async () => ((await readiness()).refused?.version ?? 'none') !== refusedBefore);
    const after = await readiness();
    expect(after.version).toBe(inUse.version);
    expect(after.refused?.reason).toMatch(reason);
    expect(await description()).toBe(served);
    // Put the good one back for the next case.
    replaceFile(path, readFileSync(COMMITTED, 'utf8').replace(DESCRIBED, `${DESCRIBED} (reloaded)`));
  });
});
