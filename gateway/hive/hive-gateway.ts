import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInternalTokenSigner } from '../../kit/shared/internal-token';
import type { Logger } from '../../kit/shared/logger';
import { createUserTokenVerifier, userTokenKeys } from '../auth';
import type { GatewayConfig } from '../config';
import { locateSubgraphs } from '../supergraph';
import { createGatewayRuntime } from './runtime';
import { useEntityNoticePaths } from './notice-paths';
import { useInternalTokens } from './trust-plugin';

export interface RunningHiveGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * A reference configuration: the same supergraph and subgraphs behind Hive Gateway, with this
 * repository's trust protocol as a plugin (useInternalTokens) and its configuration
 * (gateway/config.ts: users' tokens, the signing key, the subgraphs' URLs). It has none of the
 * gateway's own limits, budgets or circuit breakers: it shows that a partner's own runtime can keep
 * the contract, and the tests compare its answers with the gateway's.
 */
export async function startHiveGateway(config: GatewayConfig, logger: Logger): Promise<RunningHiveGateway> {
  const verifyUser = createUserTokenVerifier(config.userTokens, userTokenKeys(config.userTokens, logger));
  const sign = await createInternalTokenSigner(config.signingJwk);
  const runtime = createGatewayRuntime({
    supergraph: locateSubgraphs(readFileSync(config.supergraphPath, 'utf8'), config.subgraphUrls),
    logging: config.logLevel === 'silent' ? false : 'warn',
    graphqlEndpoint: '/graphql',
    landingPage: false,
    plugins: () => [useInternalTokens({ verifyUser, sign, subgraphUrls: config.subgraphUrls }), useEntityNoticePaths()],
    // By default identical in-flight subgraph fetches are shared, judged before the plugin signs the user
    // in: two users' same query at the same instant would both get the answer fetched for one of them,
    // and the agency would audit one read. Every request makes its own fetches.
    transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}/graphql`,
    async stop() {
      await runtime.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
