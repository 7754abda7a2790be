import 'reflect-metadata';
import { seedAgency } from '../kit/dev/synthetic/seed-agency';
import type { PopulationOptions } from '../kit/dev/synthetic/population';
import { openServiceDatabase } from '../kit/subgraph/database';
import { loadAgencyService } from '../kit/subgraph/load-service';

/** Empties one agency's database and fills it with its share of the synthetic population (run by scripts/seed). */
async function run() {
  const [name, database, optionsJson] = process.argv.slice(2);
  const service = loadAgencyService(name);
  const options = JSON.parse(optionsJson) as PopulationOptions;
  // Refilled on purpose: emptied, then migrated from nothing (a missing database is made).
  const orm = await openServiceDatabase(service, database, { create: true, fresh: true });
  try {
    await seedAgency(orm, service, options, true);
    // Read by the benchmark: peak memory of this agency's seeding process.
    console.log(`[${name}] peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  } finally {
    await orm.close(true);
  }
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
