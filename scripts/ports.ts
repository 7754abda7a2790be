import { createServer } from 'node:net';

/**
 * Below Linux's ephemeral range (32768–60999): a port found free there can be taken by any outgoing
 * connection before the service that was meant to have it listens (a subgraph then failed with
 * EADDRINUSE under a busy test run).
 */
const LOW = 20_000;
const HIGH = 32_767;

const tryListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

/** A port the OS says is free now, so tests and the soak never collide with a running `npm start`. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW + 1));
    if (await tryListen(port)) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH} after 50 tries`);
}
