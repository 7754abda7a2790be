import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { subgraphUrlsFromEnv, gatewayConfigFromEnv } from '../../gateway/config';
import { AGENCIES } from '../../kit/shared/agencies';
import { REPO_ROOT } from '../../kit/shared/paths';
import { agencyConfigFromEnv, agencyKeysFromEnv } from '../../kit/subgraph/config';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { isPostgres } from '../../kit/subgraph/orm';

/** The parts of a docker compose service the checks read. */
interface ComposeService {
  image?: string;
  command?: string[];
  /** Every value is quoted in the file: strings, before docker compose interpolates them. */
  environment: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** No Docker engine runs here, so docker-compose.yml is checked against the code that reads it. */
// merge: docker compose honours YAML merge keys (<<: *subgraph), so the test must too.
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;

/** What docker compose does with ${NAME:?message} and ${NAME:-default}, given a .env. */
function interpolate(environment: Record<string, string>, dotenv: Record<string, string>): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(environment).map(([k, v]) => [
      k,
      String(v).replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
        if (dotenv[name] !== undefined) return dotenv[name];
        if (op === '?') throw new Error(`${k}: ${name} is required (${arg})`);
        return arg ?? '';
      }),
    ]),
  );
}
const { services } = compose;
/** A well-formed public key, where a check reads configuration that needs one but is not about keys. */
const TEST_JWK = JSON.stringify({
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
});
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  it('runs the gateway, the four subgraphs and one PostgreSQL per agency, and nothing else', () => {
    const expected = ['gateway', ...AGENCIES.flatMap((a) => [a.name, `${a.name}-db`])];
    expect(Object.keys(services).sort()).toEqual(expected.sort());
  });

  it.each(AGENCIES)('runs $name on its real port, entry point and its own database', (agency) => {
    const { name, defaultPort: port } = agency;
    const svc = services[name];
    expect(svc.command).toEqual(['node', `dist/subgraphs/${name}/main.js`]);
    expect(existsSync(join(REPO_ROOT, 'subgraphs', name, 'main.ts'))).toBe(true);
    expect(Number(svc.environment.PORT)).toBe(port);
    expect(svc.environment.HOST).toBe('0.0.0.0');
    // The code reads DATABASE_URL; it must be a PostgreSQL URL on this agency's own database service.
    const url = agencyConfigFromEnv(agency, {
      ...svc.environment,
      GATEWAY_PUBLIC_JWK: TEST_JWK,
      GRANT_PUBLIC_JWK: TEST_JWK,
      GRANT_PRIVATE_JWK: TEST_JWK,
    }).database;
    expect(isPostgres(url)).toBe(true);
    expect(new URL(url.replace(/\$\{[^}]+\}/, 'x')).hostname).toBe(`${name}-db`);
    expect(svc.depends_on?.[`${name}-db`]?.condition).toBe('service_healthy');
    expect(svc.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${port}/health`);
    // Subgraphs are reachable only inside the compose network, never published on the host.
    expect(svc.ports).toBeUndefined();
  });

  it('gives each agency database its own volume and credentials', () => {
    const volumes = AGENCIES.map((a) => services[`${a.name}-db`].volumes![0].split(':')[0]);
    expect(new Set(volumes).size).toBe(4);
    for (const a of AGENCIES) {
      const db = services[`${a.name}-db`];
      expect(db.image).toMatch(/^postgres:/);
      const url = new URL(services[a.name].environment.DATABASE_URL.replace(/\$\{[^}]+\}/, 'x'));
      expect(url.username).toBe(db.environment.POSTGRES_USER);
      expect(url.pathname.slice(1)).toBe(db.environment.POSTGRES_DB);
    }
  });

  it('requires the keys and the identity provider, never defaulting them', () => {
    expect(() => interpolate(services.gateway.environment, {})).toThrow(/AUTH_ISSUER|GATEWAY_PRIVATE_JWK/);
    for (const a of AGENCIES) expect(() => interpolate(services[a.name].environment, {})).toThrow(/JWK/);
  });

  it('gives each service exactly the keys the code reads: private keys only to their owners', async () => {
    const gatewayKeys = await generateSigningKeyPair('g');
    const grantKeys = await generateSigningKeyPair('s');
    const dotenv = {
      GATEWAY_PRIVATE_JWK: JSON.stringify(gatewayKeys.privateJwk),
      GATEWAY_PUBLIC_JWK: JSON.stringify(gatewayKeys.publicJwk),
      GRANT_PRIVATE_JWK: JSON.stringify(grantKeys.privateJwk),
      GRANT_PUBLIC_JWK: JSON.stringify(grantKeys.publicJwk),
      AUTH_ISSUER: 'https://idp.example.test',
      AUTH_AUDIENCE: 'nwd-graph',
      AUTH_JWKS_URL: 'https://idp.example.test/jwks',
    };
    const gw = gatewayConfigFromEnv(interpolate(services.gateway.environment, dotenv));
    expect(gw.production).toBe(true);
    expect(gw.signingJwk.d).toBeDefined();
    expect(services.gateway.environment.GRANT_PRIVATE_JWK).toBeUndefined();
    for (const agency of AGENCIES) {
      const env = interpolate(services[agency.name].environment, dotenv);
      expect(env.NODE_ENV).toBe('production');
      const keys = agencyKeysFromEnv(agency, env);
      expect(keys.gatewayPublicJwk.d).toBeUndefined();
      expect(env.GATEWAY_PRIVATE_JWK).toBeUndefined();
      if (keys.kind === 'lead') expect(keys.grantPrivateJwk.d).toBeDefined();
      else expect([keys.grantPublicJwk.d, env.GRANT_PRIVATE_JWK]).toEqual([undefined, undefined]);
    }
  });

  it('points the gateway at every subgraph by service name, through the variables the gateway reads', async () => {
    const gw = services.gateway;
    expect(gw.command).toEqual(['node', 'dist/gateway/main.js']);
    const keys = await generateSigningKeyPair('g');
    const config = gatewayConfigFromEnv(
      interpolate(gw.environment, {
        GATEWAY_PRIVATE_JWK: JSON.stringify(keys.privateJwk),
        AUTH_ISSUER: 'i',
        AUTH_AUDIENCE: 'a',
        AUTH_JWKS_URL: 'https://idp.example.test/jwks',
      }),
    );
    expect(config.port).toBe(4000);
    expect(gw.ports).toEqual(['4000:4000']);
    const urls = subgraphUrlsFromEnv(gw.environment);
    expect(Object.keys(urls).sort()).toEqual(AGENCIES.map((a) => a.name).sort());
    for (const { name, defaultPort } of AGENCIES) {
      expect(urls[name]).toBe(`http://${name}:${defaultPort}/graphql`);
      expect(gw.depends_on?.[name]?.condition).toBe('service_healthy');
    }
  });

  it('builds an image that holds what the commands run: compiled code and the committed supergraph', () => {
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/COPY schema schema/);
    expect(dockerfile).toMatch(/tsc -p \./);
  });
});
