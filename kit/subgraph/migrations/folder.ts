import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { Migration } from '@mikro-orm/migrations';
import { isPostgres } from '../orm';

/**
 * PostgreSQL and SQLite each get their own generated set: their DDL differs (types, constraints, how
 * a table is altered), and each set is exactly what MikroORM's generator writes for that dialect.
 */
export const MIGRATION_DIALECTS = ['postgresql', 'sqlite'] as const;
export type MigrationDialect = (typeof MIGRATION_DIALECTS)[number];

export const dialectOf = (database: string): MigrationDialect => (isPostgres(database) ? 'postgresql' : 'sqlite');

export type MigrationClass = new (driver: AbstractSqlDriver, config: Configuration) => Migration;

export interface AgencyMigration {
  /** The file's name without extension, as recorded in mikro_orm_migrations. */
  name: string;
  class: MigrationClass;
}

/** subgraphs/<agency>/migrations/<dialect> under `root` (the repository for sources, dist/ for compiled code). */
export function migrationsFolder(root: string, agency: string, dialect: MigrationDialect): string {
  return join(root, 'subgraphs', agency, 'migrations', dialect);
}

const MIGRATION_FILE = /^(Migration\w+)\.(js|ts)$/;

/**
 * An agency's migrations for one dialect, oldest first (names start with their creation time), none
 * if it has none yet. Read from its folder beside the running code (compiled .js in dist/, .ts when
 * tests run the source), so a new agency needs no list of them anywhere else.
 */
export function listMigrations(agency: string, dialect: MigrationDialect): AgencyMigration[] {
  const folder = migrationsFolder(join(__dirname, '..', '..', '..'), agency, dialect);
  const files = existsSync(folder) ? readdirSync(folder).filter((file) => MIGRATION_FILE.test(file) && !file.endsWith('.d.ts')) : [];
  return files.sort().map((file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(join(folder, file)) as Record<string, unknown>);
    const found = exported.find((value): value is MigrationClass => typeof value === 'function' && value.prototype instanceof Migration);
    if (!found) throw new Error(`subgraphs/${agency}/migrations/${dialect}/${file} exports no Migration class`);
    return { name: MIGRATION_FILE.exec(file)![1], class: found };
  });
}

/** An agency's migrations for one dialect; an agency without any is told how to make them rather than started on no schema. */
export function loadMigrations(agency: string, dialect: MigrationDialect): AgencyMigration[] {
  const migrations = listMigrations(agency, dialect);
  if (migrations.length === 0)
    throw new Error(
      `subgraphs/${agency}/migrations/${dialect} holds no migrations: generate them with \`npm run migration:create -- --agency ${agency} --name initial\``,
    );
  return migrations;
}
