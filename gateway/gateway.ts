import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createLogger } from '../subgraphs/kit/logger';
import { serveGraphQL, type RunningHttp } from '../subgraphs/kit/http';
import type { GatewayConfig } from './config';

export interface GatewayContext {
  requestId: string;
}

/**
 * The gateway runs the committed supergraph (composed at build time, never fetched) and talks only
 * to its own subgraphs. Apollo's usage telemetry is switched off here, in code, before construction:
 * @apollo/gateway otherwise starts an OTLP metrics exporter to Apollo unless the variable is set.
 */
export function createGateway(config: GatewayConfig): ApolloGateway {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: config.subgraphUrls[name] ?? url,
        willSendRequest({ request, context }) {
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
        },
      }),
  });
}

export async function startGateway(config: GatewayConfig): Promise<RunningHttp> {
  const logger = createLogger('gateway');
  const gateway = createGateway(config);
  return serveGraphQL<GatewayContext>(
    {
      apollo: { gateway } as never,
      logger,
      health: async () => true,
      context: async ({ req }) => ({ requestId: String(req.headers['x-request-id'] ?? randomUUID()) }),
    },
    config.port,
    config.host,
  );
}
