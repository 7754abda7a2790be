import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DIST, REPO_ROOT } from '../../kit/shared/paths';
import { EXPLORER_ASSETS } from '../../gateway/explorer';

const SERVICE_CODE = ['gateway', 'kit', 'subgraphs', 'scripts'];

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The explorer page is bundled into one file (scripts/build-explorer.ts); the rest is compiled file by file. */
const EXPLORER_PAGE = join(REPO_ROOT, 'gateway', 'explorer-page') + sep;
const compiledFrom = (source: string) =>
  source.startsWith(EXPLORER_PAGE) ? join(EXPLORER_ASSETS, 'explorer.js') : join(DIST, relative(REPO_ROOT, source)).replace(/\.ts$/, '.js');

/**
 * Tests that start the compiled services (dist/) as processes need dist/ built from the source as it
 * is: otherwise they would test yesterday's code. `npm test` builds first; a test run on its own says so.
 */
export function assertServicesBuilt(): void {
  for (const root of SERVICE_CODE) {
    for (const source of sources(join(REPO_ROOT, root))) {
      const compiled = compiledFrom(source);
      if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
        throw new Error(
          `${relative(REPO_ROOT, compiled)} is missing or older than its source: run \`npm run build\` (this test runs the compiled services).`,
        );
      }
    }
  }
}
