import { parseArgs } from 'node:util';
import { DEFAULT_POPULATION, populationOptionsFromEnv } from '../kit/dev/synthetic/population';
import { AGENCIES, agencyNamed, type AgencyDefinition } from '../kit/shared/agencies';
import { databaseForAgency } from '../kit/subgraph/config';
import { ukDate } from '../kit/subgraph/dates';
import { seedInParallel } from './seed-in-parallel';

const USAGE = `npm run seed -- [--size N] [--seed TEXT] [--as-of YYYY-MM-DD] [--agency NAME]

(Re)fills the agencies' databases with one deterministic synthetic population: the same young people
in all of them, each agency under its own identifier. Defaults: --size ${DEFAULT_POPULATION.size}, --seed ${DEFAULT_POPULATION.seed},
--as-of today, every agency. Databases: <AGENCY>_DATABASE_URL (e.g. HEALTH_DATABASE_URL=postgres://...), else data/<agency>.db.`;

async function run() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      agency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  // The same validation the services use when they seed on first start.
  const options = populationOptionsFromEnv({ SEED_SIZE: values.size, SEED: values.seed, SEED_AS_OF: values['as-of'] }, ukDate(new Date()));
  const agencies: readonly AgencyDefinition[] = values.agency ? [agencyNamed(values.agency)] : AGENCIES;

  console.log(`Seeding ${options.size.toLocaleString('en-GB')} synthetic young people (seed "${options.seed}", as of ${options.asOf})`);
  const started = Date.now();
  for (const result of await seedInParallel(agencies, (agency) => databaseForAgency(agency, process.env), options))
    console.log(`  ${result.agency}: done in ${result.seconds.toFixed(1)} s, peak ${result.peakMiB} MiB`);
  console.log(`  all agencies, in parallel: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

run().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
