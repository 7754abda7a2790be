import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AgencyDataSource } from '../../gateway/agencies/agency-data-source';
import { createLogger } from '../../kit/shared/logger';

// An agency that is never ready: every readiness probe the gateway sends is counted and refused.
let server: Server;
let probes = 0;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/health/ready') probes++;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const HALF_OPEN_AFTER_MS = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const openCircuit = async (source: AgencyDataSource) => {
  for (let i = 0; i < 2; i++)
    await source.breaker
      .execute(() => {
        throw new Error('agency down');
      })
      .catch(() => undefined);
};

describe('the readiness probes of an open circuit', () => {
  const make = () =>
    new AgencyDataSource('health', {
      url,
      budgets: {
        subgraphTimeoutMs: 1_000,
        requestDeadlineMs: 5_000,
        maxConnectionsPerAgency: 2,
        breakerFailures: 2,
        breakerHalfOpenAfterMs: HALF_OPEN_AFTER_MS,
      },
      logger: createLogger('gateway', 'silent'),
      authorise: () => Promise.resolve(),
    });

  it('go on while the agency is not ready', async () => {
    const source = make();
    probes = 0;
    await openCircuit(source);
    await sleep(HALF_OPEN_AFTER_MS * 8);
    await source.close();
    expect(probes).toBeGreaterThanOrEqual(2);
  });

  it('stop when the gateway stops: a stopped gateway asks nobody anything', async () => {
    const source = make();
    probes = 0;
    await openCircuit(source);
    await sleep(HALF_OPEN_AFTER_MS * 3);
    await source.close();
    const atClose = probes;
    let changes = 0;
    source.breaker.onStateChange(() => changes++);
    await sleep(HALF_OPEN_AFTER_MS * 8);
    expect(probes).toBe(atClose);
    // Not even tried: no half-open circuit, no failed fetch on closed connections.
    expect(changes).toBe(0);
  });
});
