import { createLogger } from '../shared/logger';
import { startDevIdentityProvider } from './identity-provider';

const logger = createLogger('dev-identity-provider');
startDevIdentityProvider(Number(process.env.PORT ?? 4010))
  .then((idp) => {
    logger.info({ issuer: idp.issuer }, 'development identity provider ready');
    const shutdown = () => idp.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  })
  .catch((err) => {
    logger.fatal({ err: err instanceof Error ? err.message : err }, 'development identity provider refused to start');
    process.exit(1);
  });
