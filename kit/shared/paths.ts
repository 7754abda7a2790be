import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** The repository (or image) root: the nearest folder above this file holding this project's package.json. */
function findRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'nwd-multi-agency-graph')
      return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the project root above ${__dirname}`);
  }
}

export const REPO_ROOT = findRoot();
/** Where `tsc` puts the compiled code (the processes the scripts start run from here). */
export const DIST = join(REPO_ROOT, 'dist');

/** Paths in configuration are resolved one way: relative to the repository root, whatever the working directory. */
export function fromRepoRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}
