import { createServer } from 'node:net';

/**
 * Below Linux's ephemeral range (32768–60999): a port found free there can be taken by any outgoing
 * connection before the service that was meant to have it listens (a subgraph then failed with
 * EADDRINUSE under a busy test run).
 */
const LOW = 20_000;
const HIGH = 32_767;

/**
 * Each jest worker (a process of its own) draws from its own slice of the range, in turn: a port found
 * free is handed to a child that listens on it a moment later, and two workers drawing at random from
 * the whole range could be handed the same port in that moment (a gateway then failed with EADDRINUSE,
 * once in two CI runs). In turn, a worker hands a port out again only after the rest of its slice.
 */
const SLICES = 16;
const SLICE = Math.floor((HIGH - LOW + 1) / SLICES);
const worker = Number(process.env.JEST_WORKER_ID ?? 0);
const sliceStart = LOW + (worker % SLICES) * SLICE;
let next = Math.floor(Math.random() * SLICE);

const tryListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

/** A port the OS says is free now, so tests and the soak never collide with a running `npm start`. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = sliceStart + (next++ % SLICE);
    if (await tryListen(port)) return port;
  }
  throw new Error(`no free port between ${sliceStart} and ${sliceStart + SLICE - 1} after 50 tries`);
}
