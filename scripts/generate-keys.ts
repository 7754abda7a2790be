import { AGENCIES, envName } from '../kit/shared/agencies';
import { generateSigningKeyPair } from '../kit/shared/keys';
import { generateAuditKey } from '../kit/subgraph/audit/audit-key';

/**
 * npm run keys: prints fresh signing keys as .env lines for docker-compose. The gateway's private key
 * goes to the gateway only, social care's grant key to social care only; the public halves to the
 * subgraphs; each agency's audit key (HEALTH_AUDIT_KEY) to that agency's service alone, as its
 * AUDIT_KEY. Store them as secrets; rotate the signing keys by rerunning and restarting everything,
 * an audit key by keeping the old one in AUDIT_PREVIOUS_KEYS (the records it signed must still verify).
 */
async function run() {
  const stamp = new Date().toISOString().slice(0, 10);
  const gateway = await generateSigningKeyPair(`gateway-${stamp}`);
  const grants = await generateSigningKeyPair(`social-care-grants-${stamp}`);
  const line = (name: string, jwk: object) => `${name}='${JSON.stringify(jwk)}'`;
  console.log(
    [
      line('GATEWAY_PRIVATE_JWK', gateway.privateJwk),
      line('GATEWAY_PUBLIC_JWK', gateway.publicJwk),
      line('GRANT_PRIVATE_JWK', grants.privateJwk),
      line('GRANT_PUBLIC_JWK', grants.publicJwk),
      ...AGENCIES.map((agency) => `${envName(agency, 'AUDIT_KEY')}='${generateAuditKey()}'`),
    ].join('\n'),
  );
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
