import { AsyncLocalStorage } from 'node:async_hooks';
import { Agent, fetch } from 'undici';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { SubgraphTls } from './tls';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** The signal of the agency call in progress: set around each call, read by the fetcher below. */
export const callSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * One bounded keep-alive pool per agency. Idle sockets are dropped after 4 s, before the agencies'
 * servers drop them (they keep them 65 s; Node's default would be 5 s), so a request never lands on a
 * socket the other side is closing.
 */
export function agencyFetcher(maxConnections: number, tls?: SubgraphTls): { fetcher: Fetcher; close(): Promise<void> } {
  const dispatcher = new Agent({
    connections: maxConnections,
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 10_000,
    // Over HTTPS: the agencies' CA and the gateway's client certificate, when configured (./tls).
    connect: { timeout: 2_000, ...tls },
  });
  const fetcher = ((url: string, init?: Parameters<Fetcher>[1]) =>
    fetch(url, { ...(init as object), dispatcher, signal: callSignal.getStore() })) as unknown as Fetcher;
  return { fetcher, close: () => dispatcher.close() };
}
