import express, { type Express } from 'express';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, fromRepoRoot } from '../kit/shared/paths';

/**
 * A GraphQL explorer for developers (GraphiQL 5 with its explorer plugin), bundled at build time from the
 * installed packages (scripts/build-explorer.ts) and served by the gateway itself: no CDN, nothing fetched
 * from anywhere but this gateway and the development identity provider the page signs in with.
 * Development only; production has no explorer (and no introspection).
 */
export const EXPLORER_ASSETS = join(DIST, 'explorer');

/** Monaco's web workers by the label the editor asks for (the page falls back to the editor's own). */
export const EXPLORER_WORKERS = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
} as const;

/** What the page is given: see gateway/explorer-page/config.ts, which reads it. */
export interface ExplorerConfig {
  /** The development identity provider the persona picker signs in with (its /personas and /token). */
  identityProvider: string;
  /** One tab per example operation of gateway/operations, the multi-agency view first. */
  tabs: { query: string; variables?: string }[];
  workers: string[];
}

/** The operation a developer runs first, so one click after signing in shows the whole picture. */
const FIRST_TAB = 'multi-agency-view.graphql';

/** The example operations (gateway/operations), one explorer tab each, with their example variables. */
export function exampleTabs(): ExplorerConfig['tabs'] {
  const dir = fromRepoRoot('gateway/operations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => Number(b === FIRST_TAB) - Number(a === FIRST_TAB) || a.localeCompare(b))
    .map((f) => {
      const query = readFileSync(join(dir, f), 'utf8');
      const variables = /^# variables: (.+)$/m.exec(query)?.[1];
      return { query, ...(variables && { variables: JSON.stringify(JSON.parse(variables), null, 2) }) };
    });
}

/** JSON inside a <script>: nothing in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const page = (config: ExplorerConfig) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>No Wrong Door multi-agency graph: explorer</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/explorer/assets/explorer.css">
  <script type="module" src="/explorer/assets/explorer.js"></script>
</head>
<body>
  <div id="explorer"></div>
  <script id="explorer-config" type="application/json">${scriptJson(config)}</script>
</body>
</html>`;

/** Until `npm run build` has bundled the page, say so rather than serve a blank one. */
const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Explorer not built</title></head>
<body><p>The explorer has not been built: run <code>npm run build</code> (it bundles the page into dist/explorer).</p></body></html>`;

/** An issuer that is not a URL names no identity provider the page could ask: it signs in with none. */
function originOf(issuer: string): string | null {
  try {
    return new URL(issuer).origin;
  } catch {
    return null;
  }
}

/**
 * The browser may load and call only this gateway, and ask the development identity provider for a
 * token: a Content-Security-Policy says so, so nothing the page bundles can reach anywhere else.
 */
const contentSecurityPolicy = (identityProvider: string) =>
  [
    "default-src 'self'",
    `connect-src 'self' ${originOf(identityProvider) ?? ''}`.trim(),
    "worker-src 'self'",
    // Monaco sets styles on its elements. GraphiQL's fonts are inlined; Monaco's icon font is beside the bundle.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

export function mountExplorer(app: Express, options: { identityProvider: string }) {
  const config: ExplorerConfig = {
    identityProvider: options.identityProvider,
    tabs: exampleTabs(),
    workers: Object.keys(EXPLORER_WORKERS),
  };
  const html = page(config);
  const csp = contentSecurityPolicy(options.identityProvider);
  app.get('/explorer', (_req, res) => {
    const built = existsSync(join(EXPLORER_ASSETS, 'explorer.js'));
    res
      .set('content-security-policy', csp)
      .type('html')
      .send(built ? html : notBuilt);
  });
  // Revalidated on every load (ETag): after `npm run build` the browser gets the new bundle at once.
  app.use('/explorer/assets', express.static(EXPLORER_ASSETS, { index: false }), (_req, res) => {
    res.status(404).end();
  });
}
