import { Client } from 'pg';

/** duplicate_database, and the unique index it trips when two creators race past the existence check. */
const ALREADY_CREATED = new Set(['42P04', '23505']);

/**
 * `use` with a connection to the server's maintenance database (`postgres`), reached with everything
 * else in `url` (user, password, host, options) kept; closed however `use` ends.
 */
export async function onServer<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the database `url` names when it is missing. Its own connection carries no
 * statement_timeout: creating copies a template, which on a busy machine outlasts a timeout meant for
 * requests (as migrating does, which runs with the timeout lifted). Several services starting at once
 * may race to create it: the loser finds it made and carries on.
 */
export function ensurePostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  return onServer(url, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
    } catch (err) {
      if (!ALREADY_CREATED.has((err as { code?: string }).code ?? '')) throw err;
    }
  });
}
