import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENCIES, RECEIVING_AGENCIES } from '../../kit/shared/agencies';
import { ConfigurationError, secretFromEnv } from '../../kit/shared/config';
import { generateSigningKeyPair, jwkFromEnv } from '../../kit/shared/keys';
import { sharedStateUrlFromEnv } from '../../kit/shared/shared-state';
import { agencyConfigFromEnv, databaseForAgency } from '../../kit/subgraph/config';
import { auditKeyring, generateAuditKey } from '../../kit/subgraph/audit/audit-key';

/** Secrets mounted as files (Docker and Kubernetes secrets) are read through NAME_FILE; NAME still works. */
describe('secretFromEnv', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nwd-secrets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A secret file as an operator leaves it: often with a trailing newline. */
  function secretFile(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it('reads NAME when no NAME_FILE is set, and nothing when neither or an empty NAME is', () => {
    expect(secretFromEnv({ DATABASE_URL: 'postgres://u:p@db/x' }, 'DATABASE_URL')).toBe('postgres://u:p@db/x');
    expect(secretFromEnv({}, 'DATABASE_URL')).toBeUndefined();
    expect(secretFromEnv({ DATABASE_URL: '' }, 'DATABASE_URL')).toBeUndefined();
  });

  it("reads the file NAME_FILE names, without the file's surrounding whitespace", () => {
    const path = secretFile('database-url', '  postgres://u:p@db/x\n');
    expect(secretFromEnv({ DATABASE_URL_FILE: path }, 'DATABASE_URL')).toBe('postgres://u:p@db/x');
    // An empty NAME beside NAME_FILE is unset (compose writes `NAME:` as ''), not a conflict.
    expect(secretFromEnv({ DATABASE_URL: '', DATABASE_URL_FILE: path }, 'DATABASE_URL')).toBe('postgres://u:p@db/x');
  });

  it('refuses NAME and NAME_FILE together, naming both', () => {
    const path = secretFile('both', 'from-file');
    const read = () => secretFromEnv({ DATABASE_URL: 'from-env', DATABASE_URL_FILE: path }, 'DATABASE_URL');
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/DATABASE_URL and DATABASE_URL_FILE are both set/);
  });

  it('says which variable names a missing or empty file, and where', () => {
    const missing = join(dir, 'not-there');
    expect(() => secretFromEnv({ GATEWAY_PRIVATE_JWK_FILE: missing }, 'GATEWAY_PRIVATE_JWK')).toThrow(
      `GATEWAY_PRIVATE_JWK_FILE names ${missing}, which cannot be read`,
    );
    const empty = secretFile('empty', '\n');
    expect(() => secretFromEnv({ GATEWAY_PRIVATE_JWK_FILE: empty }, 'GATEWAY_PRIVATE_JWK')).toThrow(
      /GATEWAY_PRIVATE_JWK_FILE names .*, which is empty/,
    );
  });

  it('is how signing keys are read, by the gateway and by every subgraph', async () => {
    const { privateJwk, publicJwk } = await generateSigningKeyPair('k');
    const path = secretFile('jwk', `${JSON.stringify(privateJwk)}\n`);
    expect(jwkFromEnv({ GATEWAY_PRIVATE_JWK_FILE: path }, 'GATEWAY_PRIVATE_JWK')).toEqual(privateJwk);
    expect(() => jwkFromEnv({}, 'GATEWAY_PRIVATE_JWK')).toThrow(/GATEWAY_PRIVATE_JWK \(or GATEWAY_PRIVATE_JWK_FILE\) is not set/);
    expect(() => jwkFromEnv({ GATEWAY_PRIVATE_JWK: '{}', GATEWAY_PRIVATE_JWK_FILE: path }, 'GATEWAY_PRIVATE_JWK')).toThrow(/both set/);

    const receiving = RECEIVING_AGENCIES[0];
    const auditKey = generateAuditKey();
    const config = agencyConfigFromEnv(receiving, {
      GATEWAY_PUBLIC_JWK_FILE: secretFile('gateway-public', JSON.stringify(publicJwk)),
      GRANT_PUBLIC_JWK_FILE: secretFile('grant-public', JSON.stringify(publicJwk)),
      DATABASE_URL_FILE: secretFile('receiving-database-url', 'postgres://health:s3cret@health-db:5432/health\n'),
      AUDIT_KEY_FILE: secretFile('audit-key', `${auditKey}\n`),
    });
    expect(config.keys).toEqual({ kind: 'receiving', gatewayPublicJwk: publicJwk, grantPublicJwk: publicJwk });
    expect(config.database).toBe('postgres://health:s3cret@health-db:5432/health');
    expect(config.audit.keyring.current).toEqual(auditKeyring(auditKey).current);
  });

  it("is how every process finds Redis, whose URL may carry a managed service's password", () => {
    const path = secretFile('redis-url', 'rediss://default:s3cret@redis.example.test:6380\n');
    expect(sharedStateUrlFromEnv({ NODE_ENV: 'production', REDIS_URL_FILE: path })).toBe('rediss://default:s3cret@redis.example.test:6380');
    expect(() => sharedStateUrlFromEnv({ NODE_ENV: 'production' })).toThrow(/REDIS_URL \(or REDIS_URL_FILE\) is not set/);
  });

  it("is how scripts find one agency's database (<CODE>_DATABASE_URL_FILE)", () => {
    const agency = AGENCIES[0];
    const path = secretFile('agency-database-url', 'postgres://u:p@db:5432/x');
    expect(databaseForAgency(agency, { [`${agency.code}_DATABASE_URL_FILE`]: path })).toBe('postgres://u:p@db:5432/x');
  });
});
