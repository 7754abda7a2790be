import { Migration } from '@mikro-orm/migrations';

/**
 * social-care, SQLite: the PostgreSQL migration of this name indexes every foreign key column. MikroORM's SQLite
 * platform has indexed them from the first migration, so there is nothing to do here; the migration
 * exists so both dialects have the same history.
 */
export class Migration20261203142120_foreign_key_indexes extends Migration {
  override up(): void {}
}
