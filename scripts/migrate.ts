import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { AGENCIES, agencyNamed } from '../kit/shared/agencies';
import { isProduction, secretFromEnv } from '../kit/shared/config';
import { databaseForAgency, resolveDatabase } from '../kit/subgraph/config';
import { openServiceDatabase } from '../kit/subgraph/database';
import { loadAgencyService } from '../kit/subgraph/load-service';

const USAGE = `npm run migrate -- [--agency NAME] [--create]

Applies each agency's pending migrations (subgraphs/<agency>/migrations) to its database, under the
same lock a starting subgraph takes, so it is safe beside running or starting replicas.
Databases: with --agency, DATABASE_URL or DATABASE_URL_FILE (as the subgraph is given it), else as for
every agency: <CODE>_DATABASE_URL or <CODE>_DATABASE_URL_FILE (e.g. HEALTH_DATABASE_URL), else data/<agency>.db.
A missing database is an error with NODE_ENV=production; --create makes it (empty) instead.`;

/** One agency, in this process (only one agency's code is ever loaded in a process). */
async function migrateAgency(name: string, create: boolean): Promise<void> {
  const agency = agencyNamed(name);
  // In a subgraph's container the URL is a mounted secret (DATABASE_URL_FILE), read as the subgraph reads it.
  const given = secretFromEnv(process.env, 'DATABASE_URL');
  const database = given ? resolveDatabase(given) : databaseForAgency(agency, process.env);
  let outcome = '';
  const orm = await openServiceDatabase(loadAgencyService(name), database, {
    create: create || !isProduction(process.env),
    onMigrated: ({ applied, adopted }) => {
      const done = applied.length > 0 ? `applied ${applied.join(', ')}` : 'up to date';
      outcome = adopted ? `made by the old start-up schema sync: its first migration recorded as applied; ${done}` : done;
    },
  });
  await orm.close(true);
  console.log(`${name}: ${outcome}`);
}

/** Every agency, each in a process of its own; one failing does not stop the others. Exit 1 if any failed. */
function migrateEvery(create: boolean): void {
  if (secretFromEnv(process.env, 'DATABASE_URL')) throw new Error("DATABASE_URL is one agency's database: name the agency with --agency");
  const failed = AGENCIES.filter((agency) => {
    const args = [__filename, '--agency', agency.name, ...(create ? ['--create'] : [])];
    const env = { ...process.env, DATABASE_URL: databaseForAgency(agency, process.env) };
    return spawnSync(process.execPath, args, { stdio: 'inherit', env }).status !== 0;
  });
  if (failed.length > 0) throw new Error(`not migrated: ${failed.map((a) => a.name).join(', ')}`);
}

const { values } = parseArgs({
  options: { agency: { type: 'string' }, create: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
Promise.resolve()
  .then(() => {
    if (values.help) return console.log(USAGE);
    return values.agency ? migrateAgency(values.agency, values.create ?? false) : migrateEvery(values.create ?? false);
  })
  .catch((err: unknown) => {
    console.error(`${values.agency ? `${values.agency}: ` : ''}${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
