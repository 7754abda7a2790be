import { createLogger } from '../kit/shared/logger';
import { gatewayConfigFromEnv } from './config';
import { startGateway } from './gateway';

const logger = createLogger('gateway');
startGateway(gatewayConfigFromEnv())
  .then((running) => {
    logger.info({ url: running.url }, 'gateway ready');
    const shutdown = () => running.stop().then(() => process.exit(0), () => process.exit(1));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  })
  .catch((err) => {
    logger.fatal({ err }, 'gateway failed to start');
    process.exit(1);
  });
