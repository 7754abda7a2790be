import { createLogger } from '../kit/shared/logger';
import { gatewayConfigFromEnv, type GatewayConfig } from './config';
import { startGateway } from './gateway';
import { startTracing } from '../kit/shared/observability/tracing';
import { exitOnSignals } from '../kit/shared/exit-on-signals';

let config: GatewayConfig;
try {
  config = gatewayConfigFromEnv();
} catch (err) {
  console.error(`gateway: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const logger = createLogger('gateway', config.logLevel);
const tracing = startTracing('gateway');
startGateway(config)
  .then((running) => {
    logger.info({ url: running.url, metricsPort: running.metricsPort, tracesExported: tracing.exporting }, 'gateway ready');
    exitOnSignals(running, tracing);
  })
  .catch((err: unknown) => {
    logger.fatal({ err }, 'gateway failed to start');
    process.exit(1);
  });
