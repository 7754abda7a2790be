import { logLevelFromEnv, portFromEnv } from '../shared/config';
import { createLogger } from '../shared/logger';
import { startDevIdentityProvider } from './identity-provider';

const logger = createLogger('dev-identity-provider', logLevelFromEnv(process.env));
startDevIdentityProvider(portFromEnv(process.env, 'PORT', 4010))
  .then((idp) => {
    logger.info({ issuer: idp.issuer }, 'development identity provider ready');
    const shutdown = () => idp.stop().then(() => process.exit(0));
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
  })
  .catch((err: unknown) => {
    logger.fatal({ err: err instanceof Error ? err.message : err }, 'development identity provider refused to start');
    process.exit(1);
  });
