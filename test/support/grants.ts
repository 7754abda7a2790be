import { generateSigningKeyPair } from '../../kit/shared/keys';
import {
  createGrantReader,
  createGrantSigner,
  grantFor,
  type AccessGrant,
  type ExpectedGrant,
  type VerifiedGrant,
} from '../../kit/subgraph/access/access-grant';

/** Social care's signer and a receiving agency's check of one grant, on a fresh key pair, as run.ts and grant-checks.ts put them together. */
export async function grantKeysFor(audience: string, kid: string) {
  const keys = await generateSigningKeyPair(kid);
  const sign: (grant: AccessGrant) => Promise<string> = await createGrantSigner(keys.privateJwk);
  const read = await createGrantReader(keys.publicJwk, audience);
  const verify = async (token: unknown, expected: ExpectedGrant): Promise<VerifiedGrant> => grantFor(await read(token), expected);
  return { sign, verify };
}
