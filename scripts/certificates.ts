import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How long the certificates made here last: a deployment renews them (README, "Keys and certificates"). */
const DAYS = '397';

export interface InternalCertificates {
  /** The internal CA every party trusts for the internal hop (its key is not kept: nothing more can be signed). */
  ca: string;
  /** The gateway's client certificate and key. */
  gateway: { cert: string; key: string };
  /** Each service's certificate and key, for the names it is reached by; they serve and they prove themselves (its health check). */
  services: Record<string, { cert: string; key: string }>;
}

/**
 * Makes a private CA for the internal hop, a client certificate for the gateway, and a certificate for
 * each named service (its DNS name, localhost and 127.0.0.1), with openssl, P-256 keys. The CA's key is
 * thrown away once they are signed, so a stolen secrets folder cannot mint another gateway.
 */
export function issueInternalCertificates(serviceNames: string[]): InternalCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'nwd-certs-'));
  const openssl = (...args: string[]) => {
    const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (run.error) throw new Error(`openssl is needed to make the internal certificates: ${run.error.message}`);
    if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
  };
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const issue = (name: string, extensions: string, signedBy?: string) => {
    openssl(
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${name}`,
    );
    writeFileSync(join(dir, `${name}.ext`), extensions);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-days',
      DAYS,
      '-sha256',
      '-out',
      `${name}.crt`,
      '-extfile',
      `${name}.ext`,
      ...(signedBy ? ['-CA', `${signedBy}.crt`, '-CAkey', `${signedBy}.key`, '-CAcreateserial'] : ['-signkey', `${name}.key`]),
    );
    return { cert: read(`${name}.crt`), key: read(`${name}.key`) };
  };
  try {
    const ca = issue('nwd-internal-ca', 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n');
    const gateway = issue(
      'gateway',
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n',
      'nwd-internal-ca',
    );
    const services = Object.fromEntries(
      serviceNames.map((name) => [
        name,
        issue(
          name,
          `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:${name},DNS:localhost,IP:127.0.0.1\n`,
          'nwd-internal-ca',
        ),
      ]),
    );
    return { ca: ca.cert, gateway, services };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
