import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import type { openServiceDatabase as openDatabase } from '../../kit/subgraph/database';
import type { loadAgencyService as loadService } from '../../kit/subgraph/load-service';
import { REPO_ROOT } from '../../kit/shared/paths';

/**
 * A copy of the repository (its code, schema and scripts, sharing node_modules) for a test that makes
 * the change a new agency needs and then builds and runs the result, as a developer of the copy would.
 */
export class RepositoryCopy {
  readonly root = mkdtempSync(join(tmpdir(), 'nwd-copy-'));

  constructor() {
    for (const part of ['gateway', 'kit', 'subgraphs', 'scripts', 'schema', 'package.json', 'tsconfig.json'])
      cpSync(join(REPO_ROOT, part), join(this.root, part), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(this.root, 'node_modules'), 'dir');
    // The copy builds its services, not this repository's tests.
    const tsconfig = JSON.parse(readFileSync(join(this.root, 'tsconfig.json'), 'utf8')) as { include: string[] };
    writeFileSync(
      join(this.root, 'tsconfig.json'),
      JSON.stringify({ ...tsconfig, include: tsconfig.include.filter((dir) => dir !== 'test') }),
    );
  }

  /** Adds one row to the agencies table (kit/shared/agencies.ts), at its end. */
  addAgencyRow(row: string): void {
    const tablePath = join(this.root, 'kit', 'shared', 'agencies.ts');
    const table = readFileSync(tablePath, 'utf8');
    const end = table.indexOf('] as const satisfies readonly AgencyDefinition[];');
    if (end < 0) throw new Error('the agencies table has changed shape: cannot add a row');
    writeFileSync(tablePath, `${table.slice(0, end)}${row}${table.slice(end)}`);
  }

  /** tsc over the copy, into its own dist/. */
  compile(): void {
    execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', this.root], { stdio: 'pipe' });
  }

  /** Runs one of the copy's compiled scripts (dist/scripts/<name>.js); its standard output. */
  script(name: string, args: string[] = []): string {
    return execFileSync(process.execPath, [join(this.root, 'dist', 'scripts', `${name}.js`), ...args], { encoding: 'utf8' });
  }

  /** A module of the copy's build (e.g. 'scripts/processes'), loaded from its dist/. */
  load<T>(path: string): T {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(join(this.root, 'dist', path)) as T;
  }

  /** Something to do on one agency's SQLite database, through the copy's own code (the services keep running). */
  async withDatabase<T>(agency: string, database: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const { openServiceDatabase } = this.load<{ openServiceDatabase: typeof openDatabase }>('kit/subgraph/database');
    const { loadAgencyService } = this.load<{ loadAgencyService: typeof loadService }>('kit/subgraph/load-service');
    const orm = await openServiceDatabase(loadAgencyService(agency), database);
    try {
      return await work(orm.em.fork());
    } finally {
      await orm.close(true);
    }
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
