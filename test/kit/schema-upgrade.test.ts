import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedAgency } from '../../kit/dev/synthetic/seed-agency';
import { openServiceDatabase as openDatabaseFor } from '../../kit/subgraph/database';
import { service as socialCareService } from '../../subgraphs/social-care/service';
import { YoungPerson } from '../../subgraphs/social-care/entities/young-person';
import { TEST_TODAY } from '../support/agency';

/**
 * An embedded database from an earlier version must open with a newer schema and keep its data.
 * (SQLite rebuilds altered tables; with foreign keys on, dropping the old copy used to fail.)
 */
describe('schema upgrade on an existing embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nwd-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies a changed schema to a populated SQLite file without losing rows', async () => {
    const file = join(dir, 'social-care.db');
    let orm = await openDatabaseFor(socialCareService, file);
    await seedAgency(orm, socialCareService, { size: 40, seed: 'upgrade', asOf: TEST_TODAY }, false);
    // As if the entities had changed since the schema was last applied.
    await orm.em.getConnection().execute("update schema_fingerprint set fingerprint = 'from-an-older-version'");
    await orm.close(true);

    let queries = 0;
    orm = await openDatabaseFor(socialCareService, file, () => queries++);
    expect(queries).toBeGreaterThan(20); // the tables were rebuilt
    expect(await orm.em.fork().count(YoungPerson)).toBe(40);
    await orm.close(true);

    queries = 0;
    orm = await openDatabaseFor(socialCareService, file, () => queries++);
    expect(queries).toBeLessThan(5); // and the next start leaves them alone
    await orm.close(true);
  });
});
