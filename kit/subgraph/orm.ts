import { existsSync } from 'node:fs';
import { DefaultLogger, MikroORM, type EntityClass, type LogContext, type LoggerOptions } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ensurePostgresDatabase } from './postgres-server';
import { sqliteConnectionSetup } from './sqlite-connection';

export interface OrmOptions {
  entities: EntityClass<unknown>[];
  /** postgres://… for PostgreSQL; anything else is a SQLite file path (or ':memory:'). */
  database: string;
  /**
   * Create the database when it does not exist (development). Without it a missing SQLite file or
   * PostgreSQL database is a MissingDatabaseError: production never starts afresh on an empty one.
   */
  create: boolean;
  /** Called with every round trip to the database: tests prove batching (no N+1), metrics count statements and round trips. */
  onQuery?: OnQuery;
  /** PostgreSQL: each connection's statement_timeout (AgencyConfig.statementTimeoutMs). */
  statementTimeoutMs?: number;
  debug?: boolean;
}

export type AgencyOrm = MikroORM;

/** `sql` sent in one round trip, the milliseconds until its answer, and how many statements it held (reads-together.ts sends several). */
export type OnQuery = (sql: string, tookMs: number, statements: number) => void;

/** What a round trip of several statements tells the logger (as MikroORM's logging options). */
export interface RoundTrip {
  statements: number;
}

/** The database a service was pointed at is not there; nothing was created in its place. */
export class MissingDatabaseError extends Error {}

class QueryHookLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly onQuery?: OnQuery,
  ) {
    super(options);
  }

  override logQuery(context: LogContext & { query: string }): void {
    this.onQuery?.(context.query, context.took ?? 0, typeof context.statements === 'number' ? context.statements : 1);
    super.logQuery(context);
  }
}

export function isPostgres(database: string): boolean {
  return /^postgres(ql)?:\/\//.test(database);
}

/** Where a PostgreSQL URL points, for messages: never its password. */
function describePostgres(database: string): { name: string; where: string } {
  const url = new URL(database);
  return { name: decodeURIComponent(url.pathname.slice(1)), where: `${url.hostname}:${url.port || '5432'}` };
}

/** A connection that fails because the database is absent (3D000) says so by name; any other failure is reported as it is. */
async function assertPostgresReachable(orm: MikroORM, database: string): Promise<void> {
  const check = await orm.checkConnection();
  if (check.ok) return;
  await orm.close(true);
  const { name, where } = describePostgres(database);
  if ((check.error as { code?: string } | undefined)?.code === '3D000')
    throw new MissingDatabaseError(
      `PostgreSQL database "${name}" does not exist on ${where}. In production a missing database is never created: ` +
        'restore it from backup, or create it deliberately (empty, or with `npm run migrate -- --create`).',
    );
  throw new Error(`cannot connect to PostgreSQL database "${name}" on ${where}: ${check.reason}`);
}

async function createPostgresIfMissing(database: string): Promise<void> {
  try {
    await ensurePostgresDatabase(database);
  } catch (err) {
    const { name, where } = describePostgres(database);
    throw new Error(`cannot create PostgreSQL database "${name}" on ${where}: ${(err as Error).message}`, { cause: err });
  }
}

/** Opens the agency's database (PostgreSQL or embedded SQLite). Its schema is the migrations' business (migrations/). */
export async function openAgencyDatabase(options: OrmOptions): Promise<AgencyOrm> {
  const { database, create } = options;
  // The file is checked before opening: SQLite creates a missing file as it opens it.
  if (!create && !isPostgres(database) && database !== ':memory:' && !existsSync(database))
    throw new MissingDatabaseError(
      `SQLite database file ${database} does not exist. In production a missing database is never created: ` +
        'restore it from backup, or create it deliberately with `npm run migrate -- --create`.',
    );
  const common = {
    entities: options.entities,
    debug: options.debug ? ['query' as const] : false,
    loggerFactory: (o: LoggerOptions) => new QueryHookLogger(o, options.onQuery),
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // MikroORM creates a missing SQLite database on connect unless told not to; PostgreSQL's is created
    // below, apart from the connections that carry the statement timeout.
    ensureDatabase: create && !isPostgres(database),
    // Entities are plain decorated classes; nothing is discovered from the file system.
    discovery: { warnWhenNoEntities: true },
  };
  if (!isPostgres(database)) return MikroORM.init({ ...common, driver: LibSqlDriver, dbName: database, pool: sqliteConnectionSetup() });
  if (create) await createPostgresIfMissing(database);
  const orm = await MikroORM.init({
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: database,
    ...(options.statementTimeoutMs && { driverOptions: { connection: { statement_timeout: options.statementTimeoutMs } } }),
  });
  await assertPostgresReachable(orm, database);
  return orm;
}
