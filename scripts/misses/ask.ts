import { signIn } from '../soak/client';

export interface Answer {
  status: number;
  body: unknown;
  /** Until the whole body was read, as a client waits for it. */
  ms: number;
}

/**
 * An answer as JSON with the id asked replaced by a placeholder, in strings only (a message quotes it; a
 * number elsewhere is left alone): what must be the same for a record that exists and one that does not.
 */
export function withoutAsked(body: unknown, asked: string): string {
  return JSON.stringify(body, (_key, value: unknown) => (typeof value === 'string' ? value.replaceAll(asked, '<asked>') : value));
}

export interface GraphAsker {
  /** Asks as the attacker: a real account with no relationship with the young people asked about. */
  attacker(document: string, variables: Record<string, unknown>, operationName?: string): Promise<Answer>;
  /** Asks as a social worker (setting up only: with break-glass, to list a young person's meetings). */
  setUp(document: string, variables: Record<string, unknown>): Promise<Answer>;
}

/** Signs in the two users and asks the gateway on their behalf, one request at a time. */
export async function graphAsker(gatewayUrl: string, issuer: string, attackerPersona: string): Promise<GraphAsker> {
  const [attacker, setUp] = await Promise.all([signIn(issuer, attackerPersona), signIn(issuer, 'socialWorker')]);
  const ask = async (token: string, document: string, variables: Record<string, unknown>, operationName?: string) => {
    const started = performance.now();
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document, variables, operationName }),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    return { status: res.status, body: JSON.parse(text) as unknown, ms };
  };
  return {
    attacker: (document, variables, operationName) => ask(attacker, document, variables, operationName),
    setUp: (document, variables) => ask(setUp, document, variables),
  };
}
