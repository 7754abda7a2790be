import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Constructor, IMigrationGenerator } from '@mikro-orm/core';
import { MigrationGenerator } from '@mikro-orm/migrations';
import { APPEND_ONLY_TABLES, appendOnlyCall } from './append-only';
import type { MigrationDialect } from './folder';

interface Diff {
  up: string[];
  down: string[];
}

/**
 * MikroORM wraps a SQLite table rebuild in `pragma foreign_keys = off/on`, which SQLite ignores inside
 * a transaction; the kit turns foreign keys off for the whole migration transaction instead (lock.ts),
 * so the statements are left out rather than left to mislead.
 */
const FOREIGN_KEY_PRAGMA = /^(pragma foreign_keys = (on|off);?\s*)+$/i;

/** A template literal holding `sql` exactly. */
const literal = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

/** The repository's Prettier width: a longer call gets its argument on a line of its own, as Prettier would put it. */
const PRINT_WIDTH = 140;

function addSql(sql: string): string {
  const call = `    this.addSql(${literal(sql)});`;
  return call.length <= PRINT_WIDTH ? call : `    this.addSql(\n      ${literal(sql)},\n    );`;
}

/** The statements, one addSql each, a blank line where MikroORM groups them (per table), none doubled or trailing. */
function body(statements: string[]): string {
  const lines = statements
    .filter((sql) => !FOREIGN_KEY_PRAGMA.test(sql))
    .map((sql) => (sql ? addSql(sql) : ''))
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''));
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

/** The append-only tables (audit, frozen packs) a migration creates: they get their triggers in the same migration. */
function appendOnlyCreated(statements: string[]): string[] {
  const created = statements.map((sql) => /^create table [`"](\w+)[`"]/.exec(sql)?.[1]);
  return APPEND_ONLY_TABLES.filter((table) => created.includes(table));
}

/**
 * Writes migrations as this repository keeps them: every dialect's file of one run named alike (the
 * run's `stamp`), lint-clean as written, up only. There is no down: a migration applied in production
 * is undone by a new one (or a restore), never by dropping what it made.
 */
export function migrationGenerator(stamp: string, header: string, dialect: MigrationDialect): Constructor<IMigrationGenerator> {
  return class RepositoryMigrationGenerator extends MigrationGenerator {
    override async generate(diff: Diff, path?: string, name?: string): Promise<[string, string]> {
      if (!path || !name) throw new Error('a migration is generated into a named folder, under a name');
      const className = `Migration${stamp}_${name}`;
      const code = this.generateMigrationFile(className, diff);
      await writeFile(join(path, `${className}.ts`), code);
      return [code, `${className}.ts`];
    }

    generateMigrationFile(className: string, diff: Diff): string {
      const appendOnly = appendOnlyCreated(diff.up);
      return [
        `import { Migration } from '@mikro-orm/migrations';`,
        ...(appendOnly.length ? [`import { appendOnlyTriggers } from '../../../../kit/subgraph/migrations/append-only';`] : []),
        '',
        `/** ${header} */`,
        `export class ${className} extends Migration {`,
        '  override up(): void {',
        body(diff.up),
        ...(appendOnly.length ? ['', `    ${appendOnlyCall(dialect, appendOnly)}`] : []),
        '  }',
        '}',
        '',
      ].join('\n');
    }
  };
}
