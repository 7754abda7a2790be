import { AbstractSqlDriver, type AbstractSqlConnection } from '@mikro-orm/knex';
import type { AgencyOrm } from '../orm';

const isSqlDriver = (driver: unknown): driver is AbstractSqlDriver => driver instanceof AbstractSqlDriver;

/** Both databases an agency can run on are SQL ones; migrations need what only those have (knex, raw statements). */
export function sqlDriver(orm: AgencyOrm): AbstractSqlDriver {
  const driver = orm.em.getDriver();
  if (!isSqlDriver(driver)) throw new Error('migrations need an SQL database');
  return driver;
}

export function sqlConnection(orm: AgencyOrm): AbstractSqlConnection {
  return sqlDriver(orm).getConnection();
}
