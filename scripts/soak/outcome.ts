/** Why a request failed: a cause to count by, and what the first such answer said. */
export interface Failure {
  cause: string;
  message: string;
}

/** What one answer from the gateway amounted to. */
export interface Outcome {
  /** One entry per distinct cause (empty: it succeeded). */
  failures: Failure[];
  /** The answer carried WITHHELD notices: sharing rules working as designed, not a failure. */
  withheld: boolean;
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: { message?: unknown; extensions?: { code?: unknown; agency?: unknown } }[];
}

/**
 * Judges an answer by its HTTP status and GraphQL error codes. WITHHELD is policy working; every other
 * code (AGENCY_UNAVAILABLE, RATE_LIMITED, INTERNAL_SERVER_ERROR...) is a failure, counted by code, and
 * by agency where the error names one: which agency failed is what an operator looks at first.
 */
export function judgeAnswer(status: number, text: string): Outcome {
  let body: GraphQLAnswer | undefined;
  try {
    body = JSON.parse(text) as GraphQLAnswer;
  } catch {
    /* judged below: a gateway answers JSON, even to errors */
  }
  const errors = (body?.errors ?? []).map((e) => {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE';
    const agency = typeof e.extensions?.agency === 'string' ? ` (${e.extensions.agency})` : '';
    return { code, cause: `${code}${agency}`, message: typeof e.message === 'string' ? e.message : '' };
  });
  // Non-2xx: the code says why (RATE_LIMITED...), the status how it reached the client.
  const http = status < 200 || status >= 300 ? ` (HTTP ${status})` : '';
  const failures = new Map<string, Failure>();
  for (const e of errors)
    if (e.code !== 'WITHHELD' && !failures.has(e.cause + http)) failures.set(e.cause + http, { cause: e.cause + http, message: e.message });
  if (http && failures.size === 0) failures.set(http, { cause: `HTTP ${status}`, message: text.slice(0, 200) });
  else if (!body) failures.set('unreadable', { cause: 'UNREADABLE_ANSWER', message: text.slice(0, 200) });
  else if (body.data == null && failures.size === 0) failures.set('no data', { cause: 'NO_DATA', message: text.slice(0, 200) });
  return { failures: [...failures.values()], withheld: errors.some((e) => e.code === 'WITHHELD') };
}

/** A request that got no answer: refused, reset or timed out, named by the cause Node gives. */
export function judgeNoAnswer(err: unknown): Outcome {
  const error = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const cause = error.name === 'TimeoutError' ? 'timed out' : (error.cause?.code ?? error.name ?? 'unknown');
  return { failures: [{ cause: `NETWORK_ERROR (${cause})`, message: error.cause?.message ?? error.message ?? '' }], withheld: false };
}
