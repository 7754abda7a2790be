import { createInternalTokenSigner, createInternalTokenVerifier, InternalTokenRejected } from '../../kit/shared/internal-token';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { canonicalJson, operationDigest } from '../../kit/shared/operation-digest';
import { openSharedState } from '../../kit/shared/shared-state';
import { PERSONAS } from '../../kit/dev/personas';
import { LEAD_AGENCY } from '../../kit/shared/agencies';

/**
 * Issue 7: a gateway token captured on the internal hop, not yet used, ran a different operation (a
 * break-glass read of another child). A token is good only for exactly the operation it was signed for.
 */
const READ = 'query Read($id: ID!, $why: String) { youngPerson(id: $id, breakGlassReason: $why) { id givenName } }';
const signed = { query: READ, operationName: 'Read', variables: { id: 'YP-000001', why: null } };

async function tokens() {
  const keys = await generateSigningKeyPair('test-gateway');
  const sign = await createInternalTokenSigner(keys.privateJwk);
  const verify = await createInternalTokenVerifier(keys.publicJwk, LEAD_AGENCY.name, openSharedState(undefined));
  const token = await sign(LEAD_AGENCY.name, { viewer: PERSONAS.socialWorker, requestId: 'req-1', operation: signed });
  return { token, verify };
}

describe('gateway tokens bound to the operation', () => {
  it.each([
    ['another query', { ...signed, query: '{ breakGlassAlerts { userId } }' }],
    [
      'a break-glass read of another child (the variables changed)',
      { ...signed, variables: { id: 'YP-000002', why: 'Police report the young person missing tonight; need history' } },
    ],
    ['another operation name', { ...signed, operationName: 'Other' }],
    ['no variables', { query: READ, operationName: 'Read' }],
    ['no operation at all (not a JSON POST)', null],
  ])('refuses the token for %s, and does not spend it', async (_what, other) => {
    const { token, verify } = await tokens();
    await expect(verify(token, other)).rejects.toThrow(InternalTokenRejected);
    // The gateway's own request, arriving after the attempt, still runs.
    await expect(verify(token, signed)).resolves.toMatchObject({ requestId: 'req-1' });
  });

  it('accepts the operation as the subgraph parses it: keys in any order, absent and null alike', async () => {
    const { token, verify } = await tokens();
    const parsed = JSON.parse(
      JSON.stringify({ variables: { why: null, id: 'YP-000001' }, operationName: 'Read', query: READ, extensions: {} }),
    ) as Record<string, unknown>;
    await expect(verify(token, parsed)).resolves.toMatchObject({ viewer: { id: PERSONAS.socialWorker.id } });
  });
});

describe('canonical variables', () => {
  it('orders keys at every depth, keeps list order, and drops what JSON drops', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }, 3], a: { d: undefined, c: 'x' } })).toBe('{"a":{"c":"x"},"b":[{"x":2,"y":1},3]}');
    expect(operationDigest({ query: 'q', variables: { a: 1, b: 2 } })).toBe(operationDigest({ query: 'q', variables: { b: 2, a: 1 } }));
    expect(operationDigest({ query: 'q', variables: { list: [1, 2] } })).not.toBe(
      operationDigest({ query: 'q', variables: { list: [2, 1] } }),
    );
    expect(operationDigest({ query: 'q' })).toBe(operationDigest({ query: 'q', operationName: null, variables: {} }));
  });
});
