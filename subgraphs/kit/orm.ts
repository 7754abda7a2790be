import { DefaultLogger, MikroORM, type EntityClass, type LogContext, type LoggerOptions } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

export interface OrmOptions {
  entities: EntityClass<unknown>[];
  /** postgres://… for PostgreSQL; anything else is a SQLite file path (or ':memory:'). */
  database: string;
  /** Called with every SQL statement sent: used to prove batching (no N+1). */
  onQuery?: (sql: string) => void;
  debug?: boolean;
}

export type AgencyOrm = MikroORM;

class QueryHookLogger extends DefaultLogger {
  constructor(options: LoggerOptions, private readonly onQuery?: (sql: string) => void) {
    super(options);
  }

  override logQuery(context: LogContext & { query: string }): void {
    this.onQuery?.(context.query);
    super.logQuery(context);
  }
}

export function isPostgres(database: string): boolean {
  return /^postgres(ql)?:\/\//.test(database);
}

/** Opens the agency's database (PostgreSQL or embedded SQLite) and brings its schema up to date. */
export async function openAgencyDatabase(options: OrmOptions): Promise<AgencyOrm> {
  const common = {
    entities: options.entities,
    debug: options.debug ? ['query' as const] : false,
    loggerFactory: (o: LoggerOptions) => new QueryHookLogger(o, options.onQuery),
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Entities are plain decorated classes; nothing is discovered from the file system.
    discovery: { warnWhenNoEntities: true },
  };
  const orm = isPostgres(options.database)
    ? await MikroORM.init({ ...common, driver: PostgreSqlDriver, clientUrl: options.database })
    : await MikroORM.init({ ...common, driver: LibSqlDriver, dbName: options.database });
  await orm.schema.ensureDatabase();
  await orm.schema.updateSchema({ safe: true });
  return orm;
}
