import { gatewayConfigFromEnv } from '../gateway/config';
import { startHiveGateway } from '../gateway/hive/hive-gateway';
import { createLogger } from '../kit/shared/logger';

/**
 * npm run gateway:hive: the reference Hive Gateway configuration (gateway/hive) in front of the same
 * subgraphs, configured as the gateway is (README, "Configuration": PORT, AUTH_*, GATEWAY_PRIVATE_JWK,
 * SUBGRAPH_URL_*). For comparison and for partners who run Hive: it has none of the gateway's limits.
 */
async function run() {
  const config = gatewayConfigFromEnv();
  const logger = createLogger('hive-gateway', config.logLevel);
  const running = await startHiveGateway(config, logger);
  logger.info({ url: running.url }, 'hive gateway ready');
  const shutdown = () =>
    void running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

run().catch((err: unknown) => {
  console.error(`gateway:hive: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
