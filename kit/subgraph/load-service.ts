import { join } from 'node:path';
import { agencyNamed } from '../shared/agencies';
import type { AgencyService } from './service';

/**
 * One agency's service, from its folder (subgraphs/<name>/service.ts, exporting `service`), for the
 * scripts that work on one agency at a time: each subgraph is its own program, so only one is ever
 * loaded in a process. A new agency needs no entry anywhere else.
 */
export function loadAgencyService(name: string): AgencyService {
  const agency = agencyNamed(name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(join(__dirname, '..', '..', 'subgraphs', agency.name, 'service')) as { service?: AgencyService };
  if (loaded.service?.agency !== agency)
    throw new Error(`subgraphs/${agency.name}/service must export \`service\`, defined for the ${agency.name} row of the agencies table`);
  return loaded.service;
}
