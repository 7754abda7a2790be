import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AgencyName } from '../kit/subgraph/agency';
import { openDatabaseFor } from '../kit/subgraph/agency';
import { verifyAuditChain } from '../kit/subgraph/audit/chain';
import { AGENCIES, loadService, REPO_ROOT } from './agencies';

/**
 * npm run audit:verify [-- --agency health]: walks each agency's audit chain and reports the first
 * broken link. Exits 1 when any chain is broken. Databases as for npm start: <AGENCY>_DATABASE_URL or data/<agency>.db.
 */
export async function verifyAgency(name: AgencyName, database: string) {
  const orm = await openDatabaseFor(loadService(name), database);
  try {
    return await verifyAuditChain(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}

async function run() {
  const { values } = parseArgs({ options: { agency: { type: 'string' } } });
  const agencies = values.agency ? AGENCIES.filter((a) => a.name === values.agency) : AGENCIES;
  if (agencies.length === 0) throw new Error(`--agency must be one of ${AGENCIES.map((a) => a.name).join(', ')}`);
  let broken = false;
  for (const { name } of agencies) {
    const database = process.env[`${name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`] ?? join(REPO_ROOT, 'data', `${name}.db`);
    const report = await verifyAgency(name, database);
    if (report.ok) console.log(`${name}: audit chain intact (${report.records} records)`);
    else {
      broken = true;
      console.log(`${name}: audit chain BROKEN after ${report.records} good records; first broken link: record ${report.firstBroken!.seq}: ${report.firstBroken!.reason}`);
    }
  }
  process.exit(broken ? 1 : 0);
}

if (require.main === module) {
  run().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
