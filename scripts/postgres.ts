import { onServer } from '../kit/subgraph/postgres-server';

/**
 * Drops databases on a PostgreSQL server (`server`: a URL without a database name), so a run starts
 * empty (the services create and seed them) and leaves nothing behind.
 */
export function dropDatabases(server: string, names: string[]): Promise<void> {
  return onServer(server, async (client) => {
    for (const name of names) {
      if (!/^[a-z_0-9]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
}

/** Which of `names` the PostgreSQL server (`server`: a URL without a database name) does not hold. */
export function missingDatabases(server: string, names: string[]): Promise<string[]> {
  return onServer(server, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [names]);
    return names.filter((name) => !rows.some((row) => row.datname === name));
  });
}
