import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { portFromEnv } from '../kit/shared/config';
import { serverTlsFromEnv } from '../kit/shared/tls-files';

/**
 * `node dist/scripts/health-check.js`: the container's health check. Exits 0 when the service in this
 * container reports ready on its own port (PORT). A service on mutual TLS is asked with its own
 * certificate, which its internal CA signed for client use too; it is checked against that CA.
 */
export function checkReady(env: NodeJS.ProcessEnv, timeoutMs = 4_000): Promise<boolean> {
  const port = portFromEnv(env, 'PORT', 4000);
  const tls = serverTlsFromEnv(env);
  const options = { host: '127.0.0.1', port, path: '/health/ready', method: 'GET', timeout: timeoutMs };
  return new Promise((resolve) => {
    const done = (res: { statusCode?: number; resume(): void }) => {
      res.resume();
      resolve(res.statusCode === 200);
    };
    const req = tls ? httpsRequest({ ...options, ca: tls.clientCa, cert: tls.cert, key: tls.key }, done) : httpRequest(options, done);
    req.once('timeout', () => req.destroy(new Error('timed out')));
    req.once('error', () => resolve(false));
    req.end();
  });
}

if (require.main === module) {
  checkReady(process.env).then(
    (ready) => process.exit(ready ? 0 : 1),
    () => process.exit(1),
  );
}
