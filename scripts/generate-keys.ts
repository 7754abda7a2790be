import { generateSigningKeyPair } from '../kit/shared/keys';

/**
 * npm run keys: prints fresh signing keys as .env lines for docker-compose. The gateway's private key
 * goes to the gateway only, social care's grant key to social care only; the public halves to the
 * subgraphs. Store them as secrets; rotate by rerunning and restarting everything.
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
    ].join('\n'),
  );
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
