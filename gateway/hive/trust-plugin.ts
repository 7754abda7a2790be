import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { InternalTokenRequest } from '../../kit/shared/internal-token';
import type { BoundOperation } from '../../kit/shared/operation-digest';
import type { Viewer } from '../../kit/shared/roles';
import type { HivePlugin } from './runtime';

export interface TrustOptions {
  /** The user's own token checked, as this repository's gateway checks it (gateway/auth.ts). */
  verifyUser(authorization: string | undefined): Promise<Viewer>;
  /** Signs the internal token for one subgraph (kit/shared/internal-token.ts). */
  sign(subgraph: string, claims: InternalTokenRequest): Promise<string>;
  /** Each subgraph's URL, as the supergraph locates it: a fetch is signed for the subgraph it goes to. */
  subgraphUrls: Record<string, string>;
}

interface TrustContext {
  viewer?: Viewer;
  requestId?: string;
}

function headerRecord(headers: unknown): Record<string, string> {
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers as [string, string][]);
  return { ...(headers as Record<string, string> | undefined) };
}

/**
 * The partner contract's trust protocol (docs/partner-contract.md, section 3) as a Hive Gateway
 * plugin: the user's token is verified before anything runs, and every fetch to a subgraph carries a
 * token signed for that subgraph, this user, this request and exactly the body being sent.
 */
export function useInternalTokens(options: TrustOptions): HivePlugin {
  const subgraphAt = new Map(Object.entries(options.subgraphUrls).map(([name, url]) => [url, name]));
  return {
    async onContextBuilding({ context, extendContext }) {
      try {
        const viewer = await options.verifyUser(context.request.headers.get('authorization') ?? undefined);
        extendContext({ viewer, requestId: randomUUID() });
      } catch (err) {
        throw new GraphQLError((err as Error).message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
    },
    async onFetch({ url, options: init, setOptions, context }) {
      const { viewer, requestId } = context as TrustContext;
      const subgraph = subgraphAt.get(url);
      // Fetches with no user (a health check) or to no subgraph get no token: the subgraph refuses them.
      if (!viewer || !requestId || !subgraph || typeof init.body !== 'string') return;
      const { query, operationName, variables } = JSON.parse(init.body) as BoundOperation;
      const token = await options.sign(subgraph, { viewer, requestId, operation: { query, operationName, variables } });
      setOptions({ ...init, headers: { ...headerRecord(init.headers), authorization: `Bearer ${token}`, 'x-request-id': requestId } });
    },
  };
}
