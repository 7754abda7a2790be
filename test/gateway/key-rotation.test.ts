import { decodeProtectedHeader } from 'jose';
import { personaToken, startTestGraph, type TestGraph } from '../support/graph';
import type { GraphQLBody } from '../support/graphql';
import { matchedEverywhere } from './graph-suite';

/**
 * The development identity provider rotates its key while the whole graph runs, twice: no sign-in is
 * refused at any point (the old key's tokens keep working through the overlap, the new key's from the
 * moment it signs), and once the first key is no longer published its tokens are refused.
 */
const COOLDOWN_MS = 100;

describe('rotating the identity provider key under a running graph', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    // The gateway fetched the key set as the graph started, a moment ago: its cooldown (10 s by
    // default) is shortened so the second rotation, which needs a fetch, can follow at once.
    graph = await startTestGraph('sqlite', { env: { IDP_KEYS_COOLDOWN_MS: String(COOLDOWN_MS) } });
  }, 240_000);
  afterAll(() => graph?.stop(), 60_000);

  /** A new token from the provider (graph.token keeps the first one it got). */
  const freshToken = () => personaToken(graph.issuer, 'socialWorker');
  const rotate = async () => (await (await fetch(`${graph.issuer}/rotate`, { method: 'POST' })).json()) as { signingKid: string };
  /** The status of a real multi-agency question asked with `token`, and its error code if any. */
  const ask = async (token: string) => {
    const res = await graph.request<{ youngPerson: { id: string } }>(
      `{ youngPerson(id: "${matchedEverywhere.id}") { id health { matchStatus } } }`,
      {},
      { headers: { authorization: `Bearer ${token}` } },
    );
    const body: GraphQLBody<{ youngPerson: { id: string } }> = res.body;
    return res.status === 200 && body.data?.youngPerson.id === matchedEverywhere.id
      ? 'answered'
      : `${res.status} ${body.errors?.[0]?.extensions.code}`;
  };

  it('refuses no token the provider still vouches for, and takes the new key at once', async () => {
    const first = await freshToken();
    expect(await ask(first)).toBe('answered');

    const { signingKid: secondKid } = await rotate();
    const second = await freshToken();
    expect(decodeProtectedHeader(second).kid).toBe(secondKid);
    expect(decodeProtectedHeader(second).kid).not.toBe(decodeProtectedHeader(first).kid);
    expect([await ask(second), await ask(first)]).toEqual(['answered', 'answered']);

    // The second rotation's key has not been seen by the gateway: fetched the moment a token names it.
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 50));
    await rotate();
    const third = await freshToken();
    expect(await ask(third)).toBe('answered');
    expect(await ask(second)).toBe('answered');
    // The first key is no longer published, and the gateway has fetched the set that says so.
    expect(await ask(first)).toBe('401 UNAUTHENTICATED');

    const ready = (await (await fetch(graph.url.replace(/graphql$/, 'health/ready'))).json()) as {
      ready: boolean;
      identityProvider: string;
    };
    expect(ready).toMatchObject({ ready: true, identityProvider: 'keys current' });
  });
});
