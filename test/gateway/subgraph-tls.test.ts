import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agencyFetcher } from '../../gateway/agencies/connections';
import { subgraphTlsFromEnv } from '../../gateway/agencies/tls';
import { ConfigurationError } from '../../kit/shared/config';
import { serverTlsFromEnv } from '../../kit/shared/tls-files';
import { issueInternalCertificates } from '../../scripts/certificates';
import { checkReady } from '../../scripts/health-check';
import { loadAgencyService } from '../../kit/subgraph/load-service';
import { startTestAgency, type TestAgency } from '../support/agency';

/**
 * The internal hop can run over mutual TLS: an agency served with TLS_CERT_FILE, TLS_KEY_FILE and
 * TLS_CLIENT_CA_FILE answers the gateway configured with the internal CA and its client certificate
 * (SUBGRAPH_TLS_*_FILE), as `npm run secrets:compose` makes them for docker-compose.yml, and no one
 * without them; the gateway talks to no agency whose certificate its CA did not sign.
 */
// The project makes its internal certificates with openssl (secrets:compose, and the compose test): the
// machines it is built on have it, so its absence fails here, naming what to install, rather than skips.
if (spawnSync('openssl', ['version']).status !== 0)
  throw new Error('openssl is not installed: it makes the internal certificates these tests and `npm run secrets:compose` use.');

describe('mutual TLS between the gateway and an agency', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nwd-tls-'));
  const file = (name: string, content?: string) => {
    if (content !== undefined) writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  let health: TestAgency;
  let agencyEnv: Record<string, string>;

  beforeAll(async () => {
    const ours = issueInternalCertificates(['health']);
    // Another deployment's: a CA and a gateway certificate this one never trusted.
    const theirs = issueInternalCertificates(['health']);
    file('internal-ca.crt', ours.ca);
    file('gateway.crt', ours.gateway.cert);
    file('gateway.key', ours.gateway.key);
    file('other-ca.crt', theirs.ca);
    file('impostor.crt', theirs.gateway.cert);
    file('impostor.key', theirs.gateway.key);
    agencyEnv = {
      TLS_CERT_FILE: file('health.crt', ours.services.health.cert),
      TLS_KEY_FILE: file('health.key', ours.services.health.key),
      TLS_CLIENT_CA_FILE: file('internal-ca.crt'),
    };
    health = await startTestAgency(loadAgencyService('health'), { size: 5 }, ':memory:', { tls: serverTlsFromEnv(agencyEnv) });
  }, 60_000);
  afterAll(async () => {
    await health?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What an agency answers a gateway configured with `env` (a status), or 'refused' when TLS refused it. */
  const ask = async (env: Record<string, string>, path = '/health/ready') => {
    const connections = agencyFetcher(2, subgraphTlsFromEnv(env));
    try {
      const res = await connections.fetcher(health.url.replace('/graphql', path), { method: 'GET' });
      return res.status;
    } catch {
      return 'refused';
    } finally {
      await connections.close();
    }
  };
  const GATEWAY = {
    SUBGRAPH_TLS_CA_FILE: 'internal-ca.crt',
    SUBGRAPH_TLS_CERT_FILE: 'gateway.crt',
    SUBGRAPH_TLS_KEY_FILE: 'gateway.key',
  };
  const files = (names: Record<string, string>) => Object.fromEntries(Object.entries(names).map(([k, v]) => [k, file(v)]));

  it('serves HTTPS', () => expect(health.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graphql$/));

  it('answers the gateway with the internal CA and its client certificate', async () => {
    expect(await ask(files(GATEWAY))).toBe(200);
  });

  it.each([
    ['without a client certificate', { SUBGRAPH_TLS_CA_FILE: 'internal-ca.crt' }],
    ['with a certificate another CA signed', { ...GATEWAY, SUBGRAPH_TLS_CERT_FILE: 'impostor.crt', SUBGRAPH_TLS_KEY_FILE: 'impostor.key' }],
    [
      'trusting another CA than the internal one (no connection to an agency it cannot verify)',
      { ...GATEWAY, SUBGRAPH_TLS_CA_FILE: 'other-ca.crt' },
    ],
    ['with no TLS configured (the system CAs do not know the internal one)', {}],
  ])('gives nothing to a caller %s, not even its health', async (_what, names: Record<string, string>) => {
    expect(await ask(files(names))).toBe('refused');
  });

  it("is checked healthy by its container's health check, which presents the agency's own certificate", async () => {
    const port = new URL(health.url).port;
    expect(await checkReady({ ...agencyEnv, PORT: port })).toBe(true);
    // Without the agency's certificate the check cannot get in, so it says unhealthy rather than lie.
    expect(await checkReady({ PORT: port })).toBe(false);
  });

  it('refuses half a configuration, and a file it cannot read, naming the variable', () => {
    expect(() => subgraphTlsFromEnv({ SUBGRAPH_TLS_CERT_FILE: file('gateway.crt') })).toThrow(ConfigurationError);
    expect(() => subgraphTlsFromEnv({ SUBGRAPH_TLS_CA_FILE: file('missing.crt') })).toThrow(/SUBGRAPH_TLS_CA_FILE/);
    expect(subgraphTlsFromEnv({})).toBeUndefined();
    expect(() => serverTlsFromEnv({ TLS_CLIENT_CA_FILE: file('internal-ca.crt') })).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE/);
    expect(() => serverTlsFromEnv({ ...agencyEnv, TLS_KEY_FILE: file('missing.key') })).toThrow(/TLS_KEY_FILE/);
    expect(serverTlsFromEnv({})).toBeUndefined();
  });
});
