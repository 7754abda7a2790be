import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the proxy treats what passes through it: as it is, late, or mangled. */
export type FaultMode = { kind: 'pass' } | { kind: 'delay'; ms: number } | { kind: 'garbage' } | { kind: 'wrongShape' };

export interface FaultProxy {
  url: string;
  mode: FaultMode;
  /** Requests forwarded to the agency and not yet answered. */
  inFlight: number;
  close(): Promise<void>;
}

/**
 * An HTTP proxy between the gateway and one agency, for fault tests: it forwards everything unless told
 * to answer late (beyond the gateway's budget), with an HTML error page in a 200, or with JSON that is
 * not an answer to what was asked.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const proxy: FaultProxy = { url: '', mode: { kind: 'pass' }, inFlight: 0, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    const mode = proxy.mode;
    if (mode.kind === 'garbage') {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway (synthetic)</body></html>');
      return;
    }
    if (mode.kind === 'wrongShape') {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _entities: 'not a list' } }));
      return;
    }
    const forward = () => {
      proxy.inFlight += 1;
      res.on('close', () => (proxy.inFlight -= 1));
      const upstream = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (mode.kind === 'delay') setTimeout(forward, mode.ms);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${targetUrl.pathname}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
