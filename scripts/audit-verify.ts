import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AGENCIES, agencyNamed, type AgencyDefinition } from '../kit/shared/agencies';
import { verifyAuditChain, type ChainReport } from '../kit/subgraph/audit/chain';
import { databaseForAgency } from '../kit/subgraph/config';
import { openServiceDatabase } from '../kit/subgraph/database';
import { loadAgencyService } from '../kit/subgraph/load-service';

/**
 * npm run audit:verify [-- --agency health]: walks each agency's audit chain and reports the first
 * broken link. Exits 1 when any chain is broken. Databases as for npm start: <AGENCY>_DATABASE_URL or data/<agency>.db.
 */
export async function verifyAgency(name: string, database: string): Promise<ChainReport> {
  const orm = await openServiceDatabase(loadAgencyService(name), database);
  try {
    return await verifyAuditChain(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}

async function run() {
  const { values } = parseArgs({ options: { agency: { type: 'string' } } });
  const agencies: readonly AgencyDefinition[] = values.agency ? [agencyNamed(values.agency)] : AGENCIES;
  let broken = false;
  for (const agency of agencies) {
    const report = await verifyAgency(agency.name, databaseForAgency(agency, process.env));
    if (report.ok) console.log(`${agency.name}: audit chain intact (${report.records} records)`);
    else {
      broken = true;
      const first = report.firstBroken!;
      console.log(
        `${agency.name}: audit chain BROKEN after ${report.records} good records; first broken link: record ${first.seq}: ${first.reason}`,
      );
    }
  }
  process.exit(broken ? 1 : 0);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
