import { createLogger } from '../kit/shared/logger';
import { gatewayConfigFromEnv, type GatewayConfig } from './config';
import { startGateway } from './gateway';

let config: GatewayConfig;
try {
  config = gatewayConfigFromEnv();
} catch (err) {
  console.error(`gateway: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const logger = createLogger('gateway', config.logLevel);
startGateway(config)
  .then((running) => {
    logger.info({ url: running.url }, 'gateway ready');
    const shutdown = () =>
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
  })
  .catch((err: unknown) => {
    logger.fatal({ err }, 'gateway failed to start');
    process.exit(1);
  });
