import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { AgencyName } from '../kit/subgraph/agency';
import { loadService } from './agencies';

/** Prints one agency's subgraph SDL, built from its code, on stdout. Run once per agency, each in its own process. */
async function run() {
  const name = process.argv[2] as AgencyName;
  const schema = await loadService(name).buildSchema();
  process.stdout.write(printSubgraphSchema(schema));
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
