import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { agencyNamed } from '../kit/shared/agencies';
import { ROLES, isRole, type Viewer } from '../kit/shared/roles';
import { runConformance, type CheckResult } from './conformance/checks';

/** The version of docs/partner-contract.md these checks are written to. */
export const CONTRACT_VERSION = '2.0.0';

const USAGE =
  'npm run conformance -- --url <subgraph /graphql URL> --agency <name> --gateway-key <private JWK file> [--grant-key <private JWK file>] --young-person <identifier> [--another-young-person <identifier>] [--viewer <id>:<ROLE>]';

/** A private JWK from a file holding one JWK, or a JWKS whose first key with a private part is taken. */
function privateJwkFrom(option: string, file: string): JWK {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${option}: cannot read ${file} as JSON: ${(err as Error).message}`, { cause: err });
  }
  const keys = (parsed as { keys?: unknown }).keys;
  const jwk = (Array.isArray(keys) ? (keys as JWK[]).find((k) => k.d) : parsed) as JWK | undefined;
  if (!jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) throw new Error(`${option}: ${file} holds no private P-256 JSON Web Key`);
  return jwk;
}

function viewerFrom(text: string): Viewer {
  const [id, role] = text.split(':');
  if (!id || !isRole(role)) throw new Error(`--viewer: give <user id>:<ROLE>, the role one of ${Object.keys(ROLES).join(', ')}`);
  return { id, name: `Conformance (${id})`, agency: ROLES[role], role };
}

/** What a partner reads: each check, whether it holds, and why. */
export function describeResults(agency: string, url: string, results: CheckResult[]): string[] {
  const width = Math.max(...results.map((r) => r.outcome.length));
  const failed = results.filter((r) => r.outcome === 'does not hold').length;
  return [
    `${agency} at ${url}, against the partner contract ${CONTRACT_VERSION}:`,
    ...results.map((r) => `  ${r.outcome.padEnd(width)}  ${r.check}: ${r.why}`),
    failed ? `${failed} of ${results.length} checks do not hold` : `every check holds or does not apply (${results.length})`,
  ];
}

/**
 * npm run conformance -- --url ... --agency health --gateway-key ... --grant-key ... --young-person ...
 * --another-young-person ...: checks from outside that a running subgraph keeps the partner contract
 * (docs/partner-contract.md) and prints each check. Exits 1 when any does not hold, 2 on bad options.
 */
async function run() {
  let target;
  try {
    const { values } = parseArgs({
      options: {
        url: { type: 'string' },
        agency: { type: 'string' },
        'gateway-key': { type: 'string' },
        'grant-key': { type: 'string' },
        'young-person': { type: 'string' },
        'another-young-person': { type: 'string' },
        viewer: { type: 'string' },
      },
    });
    const missing = (['url', 'agency', 'gateway-key', 'young-person'] as const).filter((k) => !values[k]);
    if (missing.length) throw new Error(`missing ${missing.map((k) => `--${k}`).join(', ')}`);
    if (values['young-person'] === values['another-young-person'])
      throw new Error('--another-young-person must differ from --young-person');
    target = {
      url: values.url!,
      agency: agencyNamed(values.agency!),
      gatewayKey: privateJwkFrom('--gateway-key', values['gateway-key']!),
      ...(values['grant-key'] && { grantKey: privateJwkFrom('--grant-key', values['grant-key']) }),
      youngPerson: values['young-person']!,
      ...(values['another-young-person'] && { anotherYoungPerson: values['another-young-person'] }),
      ...(values.viewer && { viewer: viewerFrom(values.viewer) }),
    };
  } catch (err) {
    console.error(`conformance: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const results = await runConformance(target);
  for (const line of describeResults(target.agency.name, target.url, results)) console.log(line);
  process.exit(results.some((r) => r.outcome === 'does not hold') ? 1 : 0);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(`conformance: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  });
}
