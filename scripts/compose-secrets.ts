import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES, type AgencyDefinition } from '../kit/shared/agencies';
import { generateSigningKeyPair } from '../kit/shared/keys';
import { generateAuditKey } from '../kit/subgraph/audit/audit-key';
import { issueInternalCertificates } from './certificates';

const USAGE = `npm run secrets:compose [-- --dir secrets]

Writes the files docker-compose.yml mounts as secrets: the signing keys (private halves only to their
owners, by compose's secrets lists), the internal hop's certificates (a private CA, the gateway's
client certificate, each agency's; needs openssl) and, per agency, its database password, the URL its
service connects with and its audit key. Writes only the files missing, never over one: PostgreSQL keeps
the password its volume was first made with, and an agency's audit chain stays signed with its key.`;

/** An agency's PostgreSQL role and database in docker-compose.yml: its name with underscores (social_care). */
export function composeDatabaseName(agency: AgencyDefinition): string {
  return agency.name.replace(/-/g, '_');
}

/** Secret file name -> content, exactly as docker-compose.yml's top-level `secrets` name them. */
export async function composeSecrets(): Promise<Record<string, string>> {
  const stamp = new Date().toISOString().slice(0, 10);
  const gateway = await generateSigningKeyPair(`gateway-${stamp}`);
  const grants = await generateSigningKeyPair(`social-care-grants-${stamp}`);
  const files: Record<string, string> = {
    'gateway-private-jwk': JSON.stringify(gateway.privateJwk),
    'gateway-public-jwk': JSON.stringify(gateway.publicJwk),
    'grant-private-jwk': JSON.stringify(grants.privateJwk),
    'grant-public-jwk': JSON.stringify(grants.publicJwk),
  };
  const certificates = issueInternalCertificates(AGENCIES.map((a) => a.name));
  files['internal-ca-crt'] = certificates.ca;
  files['gateway-tls-crt'] = certificates.gateway.cert;
  files['gateway-tls-key'] = certificates.gateway.key;
  for (const agency of AGENCIES) {
    files[`${agency.name}-tls-crt`] = certificates.services[agency.name].cert;
    files[`${agency.name}-tls-key`] = certificates.services[agency.name].key;
    // URL-safe, so it goes into the database URL as it is.
    const password = randomBytes(24).toString('base64url');
    const db = composeDatabaseName(agency);
    files[`${agency.name}-db-password`] = password;
    files[`${agency.name}-database-url`] = `postgres://${db}:${password}@${agency.name}-db:5432/${db}`;
    // Each agency signs its own audit records: a key of its own, mounted into its service alone.
    files[`${agency.name}-audit-key`] = generateAuditKey();
  }
  return files;
}

/**
 * Written together or not at all: a key pair's halves, a database's password and the URL holding it,
 * and the internal certificates (all signed by one CA whose key is discarded).
 */
const madeTogether = (a: string, b: string) => {
  const group = (name: string) =>
    /^internal-ca-crt$|-tls-(crt|key)$/.test(name)
      ? 'tls'
      : name.replace(/-(private|public)-jwk$/, '-jwk').replace(/-(db-password|database-url)$/, '-db');
  return a !== b && group(a) === group(b);
};

async function run() {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'secrets' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return console.log(USAGE);
  const dir = resolve(values.dir);
  const files = await composeSecrets();
  const existing = Object.keys(files).filter((name) => existsSync(join(dir, name)));
  // A new version may need a secret an earlier one did not (the audit keys): only that is added.
  const missing = Object.keys(files).filter((name) => !existing.includes(name));
  if (missing.length === 0) return console.log(`${dir} already holds every secret: none written`);
  const halves = missing.filter((name) => existing.some((other) => madeTogether(name, other)));
  if (halves.length) throw new Error(`${dir} lacks ${halves.join(', ')} but holds what each was made with: restore it, or remove both`);
  // The folder is the operator's alone; the files in it are readable by the containers' own users
  // (node, postgres), which compose's file secrets give the host file's owner and mode.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const name of missing) {
    writeFileSync(join(dir, name), `${files[name]}\n`, { flag: 'wx' });
    chmodSync(join(dir, name), 0o644); // whatever the umask
  }
  console.log(`Wrote ${missing.length} secrets to ${dir}${existing.length ? ` (kept the ${existing.length} already there)` : ''}`);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
