import { build, type BuildOptions } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../kit/shared/paths';
import { EXPLORER_ASSETS, EXPLORER_WORKERS } from '../gateway/explorer';

/**
 * Part of `npm run build`: bundles the explorer page (GraphiQL and its explorer plugin, from the installed
 * packages) into dist/explorer, which the gateway serves in development. Everything the page loads is in
 * that folder, Monaco's web workers included, so the browser fetches nothing from anywhere else.
 */
async function run() {
  rmSync(EXPLORER_ASSETS, { recursive: true, force: true });
  const common: BuildOptions = {
    bundle: true,
    minify: true,
    legalComments: 'linked',
    target: ['chrome120', 'firefox120', 'safari17'],
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: EXPLORER_ASSETS,
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: { explorer: join(REPO_ROOT, 'gateway', 'explorer-page', 'main.tsx') },
    // One file: what GraphiQL imports lazily (Monaco, Prettier) is inlined, so all of Monaco's styles
    // land in explorer.css too (esbuild would leave a lazy chunk's CSS for the page to load itself).
    format: 'esm',
    assetNames: 'files/[name]-[hash]',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  });
  // Monaco's workers (editor, JSON for the variables and headers, GraphQL for the query), as the page asks for them.
  await build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(EXPLORER_WORKERS).map(([label, module]) => [`${label}.worker`, module])),
    format: 'iife',
  });
}

run().catch((err: unknown) => {
  console.error(`build-explorer: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
