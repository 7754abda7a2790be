import { judgeAnswer, judgeNoAnswer, type Outcome } from './outcome';

/** Longer than any gateway budget: a request still unanswered by then is counted as timed out, not waited on. */
const REQUEST_TIMEOUT_MS = 60_000;

/** Asks the development identity provider for a persona's token, as a meeting tool's sign-in would. */
export async function signIn(issuer: string, persona: string): Promise<string> {
  const res = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
  if (!res.ok) throw new Error(`the identity provider refused a token for ${persona}: HTTP ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

function post(gatewayUrl: string, token: string, document: string, variables: Record<string, unknown>): Promise<Response> {
  return fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: document, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

/** Sends one request and judges its answer; the time is to the whole body read, as a client waits for it. */
export async function timedRequest(
  gatewayUrl: string,
  token: string,
  document: string,
  variables: Record<string, unknown>,
): Promise<{ ms: number; outcome: Outcome }> {
  const start = performance.now();
  let outcome: Outcome;
  try {
    const res = await post(gatewayUrl, token, document, variables);
    outcome = judgeAnswer(res.status, await res.text());
  } catch (err) {
    outcome = judgeNoAnswer(err);
  }
  return { ms: performance.now() - start, outcome };
}

/** A query whose answer the soak needs (setting up): any failure stops the soak, saying what went wrong. */
export async function querySucceeding<Data>(
  gatewayUrl: string,
  token: string,
  document: string,
  variables: Record<string, unknown>,
): Promise<Data> {
  const res = await post(gatewayUrl, token, document, variables);
  const text = await res.text();
  const { failures } = judgeAnswer(res.status, text);
  if (failures.length)
    throw new Error(`setting up the soak, the gateway answered ${failures.map((f) => f.cause).join(', ')}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { data: Data }).data;
}
