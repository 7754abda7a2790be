import { graphSuite } from './graph-suite';

describe('the federated graph through the gateway (embedded SQLite)', () => {
  graphSuite('sqlite', {});
});
