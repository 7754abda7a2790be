import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import { loadAgencyService } from '../kit/subgraph/load-service';

/** Prints one agency's subgraph SDL, built from its code, on stdout. Run once per agency, each in its own process. */
async function run() {
  const schema = await loadAgencyService(process.argv[2]).buildSchema();
  process.stdout.write(printSubgraphSchema(schema));
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
