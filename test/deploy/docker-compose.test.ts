import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { subgraphUrlsFromEnv, gatewayConfigFromEnv } from '../../gateway/config';
import { AGENCIES, envName } from '../../kit/shared/agencies';
import { DIST, REPO_ROOT } from '../../kit/shared/paths';
import { assertServicesBuilt } from '../support/built';
import { agencyConfigFromEnv, agencyKeysFromEnv, auditConfigFromEnv, databaseForAgency } from '../../kit/subgraph/config';
import { isPostgres } from '../../kit/subgraph/orm';
import { composeDatabaseName, composeSecrets } from '../../scripts/compose-secrets';

/** The parts of a docker compose service the checks read. */
interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  /** Every value is quoted in the file: strings, before docker compose interpolates them (none for Redis). */
  environment: Record<string, string>;
  secrets?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  stop_grace_period?: string;
  read_only?: boolean;
  cap_drop?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
  secrets: Record<string, { file: string }>;
}

/** No Docker engine runs here, so docker-compose.yml is checked against the code that reads it. */
// merge: docker compose honours YAML merge keys (<<: *service), so the test must too.
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
const { services } = compose;
// Redis is configured by its command alone.
for (const svc of Object.values(services)) svc.environment ??= {};
/** The identity provider's settings, which compose takes from .env. */
const DOTENV = { AUTH_ISSUER: 'https://idp.example.test', AUTH_AUDIENCE: 'nwd-graph', AUTH_JWKS_URL: 'https://idp.example.test/jwks' };
/** Every process's container health check: the one script, which reads the service's own PORT and TLS files. */
const HEALTH_CHECK = ['CMD', 'node', 'dist/scripts/health-check.js'];
/** Names that carry a secret: these come only through *_FILE variables. */
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|_JWK$|DATABASE_URL$|AUDIT_KEY$|AUDIT_PREVIOUS_KEYS$/;

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

/** Every ${NAME:-default} in a service's environment: [variable it sets, NAME, default]. */
function defaults(svc: ComposeService): [string, string, string][] {
  return Object.entries(svc.environment).flatMap(([k, v]) =>
    [...String(v).matchAll(/\$\{(\w+):-([^}]*)\}/g)].map((m): [string, string, string] => [k, m[1], m[2]]),
  );
}

/** The secret a *_FILE variable names, checked to be mounted into this service and declared. */
function secretOf(service: string, variable: string): string {
  const path = services[service].environment[variable];
  const name = /^\/run\/secrets\/([\w-]+)$/.exec(path)?.[1];
  if (!name) throw new Error(`${service}: ${variable} is "${path}", not /run/secrets/<secret>`);
  if (!services[service].secrets?.includes(name)) throw new Error(`${service}: ${variable} names ${name}, which is not in its secrets`);
  if (!compose.secrets[name]) throw new Error(`${service}: ${variable} names ${name}, which the file does not declare`);
  return name;
}

/**
 * What a service's process sees, with the .env given and the secrets `npm run secrets:compose` writes:
 * each *_FILE variable points at that secret's file here, as compose mounts it at /run/secrets/<name>.
 */
let secretsDir: string;
function processEnv(service: string, dotenv: Record<string, string> = DOTENV): NodeJS.ProcessEnv {
  const env = interpolate(services[service].environment, dotenv);
  for (const variable of Object.keys(env).filter((k) => k.endsWith('_FILE')))
    env[variable] = join(secretsDir, basename(compose.secrets[secretOf(service, variable)].file));
  return env;
}
const secretContent = (service: string, variable: string) =>
  readFileSync(join(secretsDir, basename(compose.secrets[secretOf(service, variable)].file)), 'utf8').trim();

beforeAll(async () => {
  secretsDir = mkdtempSync(join(tmpdir(), 'nwd-compose-secrets-'));
  for (const [name, content] of Object.entries(await composeSecrets())) writeFileSync(join(secretsDir, name), `${content}\n`);
});
afterAll(() => rmSync(secretsDir, { recursive: true, force: true }));

describe('docker-compose.yml', () => {
  it('runs the gateway, the four subgraphs, one PostgreSQL per agency and the Redis replicas share, and nothing else', () => {
    const expected = ['gateway', 'redis', ...AGENCIES.flatMap((a) => [a.name, `${a.name}-db`])];
    expect(Object.keys(services).sort()).toEqual(expected.sort());
  });

  it('points every process at the shared Redis (production refuses to start without it)', () => {
    for (const name of ['gateway', ...AGENCIES.map((a) => a.name)]) expect(services[name].environment.REDIS_URL).toBe('redis://redis:6379');
  });

  it.each(AGENCIES)('runs $name on its real port and entry point, on its own database', (agency) => {
    const { name, defaultPort: port } = agency;
    const svc = services[name];
    expect(svc.command).toEqual(['node', `dist/subgraphs/${name}/main.js`]);
    expect(existsSync(join(REPO_ROOT, 'subgraphs', name, 'main.ts'))).toBe(true);
    const env = processEnv(name);
    const config = agencyConfigFromEnv(agency, env);
    expect(config.port).toBe(port);
    expect(config.host).toBe('0.0.0.0');
    expect(config.production).toBe(true);
    expect(config.seed).toBe(false);
    // The URL the code reads from DATABASE_URL_FILE: PostgreSQL, this agency's own database service,
    // with the role, database and password that service was made with.
    const url = new URL(config.database);
    const db = services[`${name}-db`];
    expect(isPostgres(config.database)).toBe(true);
    expect(url.hostname).toBe(`${name}-db`);
    expect(url.username).toBe(db.environment.POSTGRES_USER);
    expect(url.username).toBe(composeDatabaseName(agency));
    expect(url.pathname.slice(1)).toBe(db.environment.POSTGRES_DB);
    expect(decodeURIComponent(url.password)).toBe(secretContent(`${name}-db`, 'POSTGRES_PASSWORD_FILE'));
    // Operator commands run in the container (audit-verify.js --agency, seed.js) reach the same database.
    expect(databaseForAgency(agency, env)).toBe(config.database);
    expect(svc.depends_on?.[`${name}-db`]?.condition).toBe('service_healthy');
    // Its health check asks its own port (PORT), with its own certificate (the only way in).
    expect(svc.healthcheck?.test).toEqual(HEALTH_CHECK);
    // HTTPS that refuses any client without a certificate the internal CA signed.
    expect(config.tls?.clientCa?.toString().trim()).toBe(secretContent('gateway', 'SUBGRAPH_TLS_CA_FILE'));
    expect(config.tls?.cert.toString()).toContain('BEGIN CERTIFICATE');
    // Subgraphs are reachable only inside the compose network, never published on the host.
    expect(svc.ports).toBeUndefined();
  });

  it('gives each agency database its own volume and its own secrets', () => {
    const volumes = AGENCIES.map((a) => services[`${a.name}-db`].volumes![0].split(':')[0]);
    expect(new Set(volumes).size).toBe(AGENCIES.length);
    const passwords = AGENCIES.map((a) => secretOf(`${a.name}-db`, 'POSTGRES_PASSWORD_FILE'));
    const urls = AGENCIES.map((a) => secretOf(a.name, 'DATABASE_URL_FILE'));
    expect(new Set([...passwords, ...urls]).size).toBe(2 * AGENCIES.length);
    for (const a of AGENCIES) expect(services[`${a.name}-db`].image).toMatch(/^postgres:/);
  });

  it('has no default password or key: secrets come only as files, never as values or fallbacks', () => {
    const text = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/dev-only|changeme/i);
    for (const [name, svc] of Object.entries(services)) {
      const secretValues = Object.keys(svc.environment).filter((k) => SECRET_NAME.test(k) && !k.endsWith('_FILE'));
      expect([name, secretValues]).toEqual([name, []]);
      const secretDefaults = defaults(svc).filter(([k, variable]) => SECRET_NAME.test(k) || SECRET_NAME.test(variable));
      expect([name, secretDefaults]).toEqual([name, []]);
      // Nor a password inside some other URL (REDIS_URL is plain because compose's Redis has none).
      const urlsWithPasswords = Object.entries(svc.environment).filter(([, v]) => /:\/\/[^/\s:@]+:[^/\s@]+@/.test(String(v)));
      expect([name, urlsWithPasswords]).toEqual([name, []]);
    }
    for (const a of AGENCIES) expect(services[`${a.name}-db`].environment.POSTGRES_PASSWORD_FILE).toBeDefined();
  });

  it('points every *_FILE variable at a secret the service mounts and the file declares, kept out of git and the image', async () => {
    const used = new Set<string>();
    for (const [name, svc] of Object.entries(services))
      for (const variable of Object.keys(svc.environment).filter((k) => k.endsWith('_FILE'))) used.add(secretOf(name, variable));
    // Nothing mounted that no variable reads, nothing declared that no service uses.
    for (const [name, svc] of Object.entries(services))
      for (const secret of svc.secrets ?? [])
        expect([name, secret, Object.keys(svc.environment).some((k) => k.endsWith('_FILE') && secretOf(name, k) === secret)]).toEqual([
          name,
          secret,
          true,
        ]);
    expect([...used].sort()).toEqual(Object.keys(compose.secrets).sort());
    // `npm run secrets:compose` writes exactly the declared files, in ./secrets.
    for (const [name, { file }] of Object.entries(compose.secrets)) expect([name, file]).toEqual([name, `./secrets/${name}`]);
    expect(Object.keys(await composeSecrets()).sort()).toEqual(Object.keys(compose.secrets).sort());
    expect(readFileSync(join(REPO_ROOT, '.gitignore'), 'utf8').split('\n')).toContain('secrets/');
    expect(readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n')).toContain('secrets');
  });

  it("signs each agency's audit with a key of its own, held outside its database, and anchors its chain on a volume of its own", () => {
    const keyIds = new Set<string>();
    const anchorVolumes = new Set<string>();
    for (const agency of AGENCIES) {
      const env = processEnv(agency.name);
      const { audit } = agencyConfigFromEnv(agency, env);
      keyIds.add(audit.keyring.current.id);
      // Mounted into this agency's service alone.
      const keySecret = secretOf(agency.name, 'AUDIT_KEY_FILE');
      const holders = Object.entries(services).filter(([, svc]) => svc.secrets?.includes(keySecret));
      expect([agency.name, holders.map(([name]) => name)]).toEqual([agency.name, [agency.name]]);
      // The anchor folder is a named volume of its own: not the database's, not another agency's, not the read-only root.
      const mount = services[agency.name].volumes?.find((v) => v.split(':')[1] === audit.anchorFolder);
      const volume = mount?.split(':')[0] ?? '';
      expect([agency.name, volume in compose.volumes]).toEqual([agency.name, true]);
      expect(services[`${agency.name}-db`].volumes?.map((v) => v.split(':')[0])).not.toContain(volume);
      anchorVolumes.add(volume);
      // audit-verify.js --agency, run in the container, checks with the same key against the same anchors.
      const verifying = auditConfigFromEnv(env, envName(agency, ''));
      expect([verifying.keyring.current.id, verifying.anchorFolder]).toEqual([audit.keyring.current.id, audit.anchorFolder]);
    }
    expect([keyIds.size, anchorVolumes.size]).toEqual([AGENCIES.length, AGENCIES.length]);
  });

  it('has `npm run secrets:compose` add the secrets a deployment lacks (an audit key) and never overwrite or split one it has', () => {
    assertServicesBuilt();
    const dir = join(secretsDir, 'operator');
    const run = () =>
      spawnSync(process.execPath, [join(DIST, 'scripts', 'compose-secrets.js'), '--dir', dir], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(run().status).toBe(0);
    const password = readFileSync(join(dir, 'health-db-password'), 'utf8');
    rmSync(join(dir, 'health-audit-key'));
    expect(run().stdout).toMatch(/Wrote 1 secrets/);
    expect(readFileSync(join(dir, 'health-audit-key'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(readFileSync(join(dir, 'health-db-password'), 'utf8')).toBe(password);
    // Half of a key pair, or a password without the URL holding it, would not match its other half.
    rmSync(join(dir, 'health-database-url'));
    const refused = run();
    expect([refused.status, refused.stderr]).toEqual([
      1,
      expect.stringMatching(/lacks health-database-url but holds what each was made with/),
    ]);
  });

  it('requires the identity provider, never defaulting it', () => {
    expect(() => interpolate(services.gateway.environment, {})).toThrow(/AUTH_ISSUER/);
  });

  it('gives each service exactly the keys the code reads: private keys only to their owners', () => {
    const gw = gatewayConfigFromEnv(processEnv('gateway'));
    expect(gw.production).toBe(true);
    expect(gw.signingJwk.d).toBeDefined();
    // Private halves: its signing key and its TLS key, nobody else's.
    const privateParts = (service: string) => services[service].secrets!.filter((s) => /private|-key$/.test(s));
    expect(privateParts('gateway')).toEqual(['gateway-private-jwk', 'gateway-tls-key']);
    for (const agency of AGENCIES) {
      const env = processEnv(agency.name);
      expect(env.NODE_ENV).toBe('production');
      const keys = agencyKeysFromEnv(agency, env);
      expect(keys.gatewayPublicJwk.d).toBeUndefined();
      // Its own TLS key and audit key; and social care's grant key to social care alone.
      expect(privateParts(agency.name).sort()).toEqual(
        [...(keys.kind === 'lead' ? ['grant-private-jwk'] : []), `${agency.name}-audit-key`, `${agency.name}-tls-key`].sort(),
      );
      if (keys.kind === 'lead') expect(keys.grantPrivateJwk.d).toBeDefined();
      else {
        expect(keys.grantPublicJwk.d).toBeUndefined();
        expect(services[agency.name].secrets).not.toContain('grant-private-jwk');
      }
    }
  });

  it('points the gateway at every subgraph by service name, through the variables the gateway reads', () => {
    const gw = services.gateway;
    expect(gw.command).toEqual(['node', 'dist/gateway/main.js']);
    const config = gatewayConfigFromEnv(processEnv('gateway'));
    expect(config.port).toBe(4000);
    expect(config.host).toBe('0.0.0.0');
    expect(gw.ports).toEqual(['4000:4000']);
    expect(gw.healthcheck?.test).toEqual(HEALTH_CHECK);
    const urls = subgraphUrlsFromEnv(gw.environment);
    expect(Object.keys(urls).sort()).toEqual(AGENCIES.map((a) => a.name).sort());
    for (const { name, defaultPort } of AGENCIES) {
      expect(urls[name]).toBe(`https://${name}:${defaultPort}/graphql`);
      expect(gw.depends_on?.[name]?.condition).toBe('service_healthy');
    }
    // Mutual TLS: the internal CA to check the agencies by, and the gateway's client certificate.
    expect(config.subgraphTls?.ca).toBeDefined();
    expect(config.subgraphTls?.cert?.toString()).toContain('BEGIN CERTIFICATE');
    expect(config.subgraphTls?.key?.toString()).toContain('PRIVATE KEY');
  });

  it('makes the internal certificates so that the gateway is let in, and each agency is known by its service name', () => {
    const ca = new X509Certificate(secretContent('gateway', 'SUBGRAPH_TLS_CA_FILE'));
    const gateway = new X509Certificate(secretContent('gateway', 'SUBGRAPH_TLS_CERT_FILE'));
    expect(gateway.verify(ca.publicKey)).toBe(true);
    expect(gateway.keyUsage).toContain('1.3.6.1.5.5.7.3.2'); // clientAuth
    for (const { name } of AGENCIES) {
      const cert = new X509Certificate(secretContent(name, 'TLS_CERT_FILE'));
      expect([name, cert.verify(ca.publicKey), cert.checkHost(name)]).toEqual([name, true, name]);
      // The gateway's certificate is not an agency's: it serves nothing.
      expect(gateway.checkHost(name)).toBeUndefined();
    }
  });

  it('runs every process from the one image, locked down, and waits out its drain before killing it', () => {
    for (const name of ['gateway', ...AGENCIES.map((a) => a.name)]) {
      const svc = services[name];
      expect([name, svc.image, svc.build]).toEqual([name, 'nwd-multi-agency-graph', '.']);
      expect([name, svc.read_only, svc.cap_drop]).toEqual([name, true, ['ALL']]);
      const agency = AGENCIES.find((a) => a.name === name);
      const graceMs = agency
        ? agencyConfigFromEnv(agency, processEnv(name)).shutdownGraceMs
        : gatewayConfigFromEnv(processEnv(name)).shutdownGraceMs;
      const stopSeconds = Number(/^(\d+)s$/.exec(svc.stop_grace_period ?? '')?.[1]);
      expect([name, stopSeconds * 1000 > graceMs]).toEqual([name, true]);
    }
  });
});
