import { postgresAvailable } from '../support/postgres';
import { graphSuite } from './graph-suite';

// Decided when the file loads: skipped (with the reason printed) only outside CI.
const describeOnPostgres = postgresAvailable() ? describe : describe.skip;

describeOnPostgres('the federated graph through the gateway (PostgreSQL, one database per agency)', () => {
  graphSuite('postgres', {});
});
