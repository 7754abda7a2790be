import type { GraphiQLProps } from 'graphiql';
import type { Session } from './sign-in';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * Posts to this gateway's /graphql as the signed-in persona. Headers typed in the Headers tab are sent
 * too, and win: a developer can still try a token of their own.
 */
export function graphFetcher(session: Session | null): Fetcher {
  return async (params, options) => {
    const token = await session?.token();
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
        ...options?.headers,
      },
      body: JSON.stringify(params),
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Refusals before GraphQL (a bad token, a rate limit) may not be JSON: show them as the gateway said them.
      return { errors: [{ message: `HTTP ${res.status}: ${text}` }] };
    }
  };
}
