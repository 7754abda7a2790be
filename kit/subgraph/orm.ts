import { createHash } from 'node:crypto';
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
  constructor(
    options: LoggerOptions,
    private readonly onQuery?: (sql: string) => void,
  ) {
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
  await bringSchemaUpToDate(orm);
  return orm;
}

const FINGERPRINT_TABLE = 'schema_fingerprint';

/**
 * Applies the schema diff only when the entities changed since it was last applied. MikroORM 6.6.16
 * misreads SQLite CHECK constraints on enums with more than two values, so its diff is never empty
 * there and every start would copy whole tables; a fingerprint of the wanted schema avoids that.
 * Safe mode: columns and tables are never dropped.
 */
async function bringSchemaUpToDate(orm: MikroORM): Promise<void> {
  const wanted = createHash('sha256')
    .update(await orm.schema.getCreateSchemaSQL({ wrap: false }))
    .digest('hex');
  const connection = orm.em.getConnection();
  await connection.execute(`create table if not exists ${FINGERPRINT_TABLE} (id integer primary key, fingerprint varchar(64) not null)`);
  const rows = (await connection.execute(`select fingerprint from ${FINGERPRINT_TABLE} where id = 1`)) as { fingerprint: string }[];
  if (rows[0]?.fingerprint === wanted) return;
  if (isPostgres(orm.config.get('clientUrl') ?? '')) {
    await orm.schema.updateSchema({ safe: true });
  } else {
    // SQLite alters a table by copying it and dropping the old one, which foreign keys forbid. MikroORM
    // turns them back on after each table, so turn them off once for the whole diff instead.
    const diff = (await orm.schema.getUpdateSchemaSQL({ safe: true, wrap: false })).replace(/pragma foreign_keys = (on|off);/g, '');
    await connection.execute('pragma foreign_keys = off');
    try {
      await orm.schema.execute(diff);
    } finally {
      await connection.execute('pragma foreign_keys = on');
    }
  }
  await connection.execute(`delete from ${FINGERPRINT_TABLE}`);
  await connection.execute(`insert into ${FINGERPRINT_TABLE} (id, fingerprint) values (1, ?)`, [wanted]);
}
