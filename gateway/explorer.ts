import type { Express } from 'express';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fromRepoRoot } from '../kit/shared/paths';

/**
 * A GraphQL explorer for developers (GraphiQL), served by the gateway itself from installed packages:
 * no CDN, nothing fetched from anywhere but this gateway. Development only; production has no explorer
 * (and no introspection).
 */
const ASSETS: Record<string, [pkg: string, file: string]> = {
  'react.js': ['react', 'umd/react.production.min.js'],
  'react-dom.js': ['react-dom', 'umd/react-dom.production.min.js'],
  'graphiql.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.css': ['graphiql', 'graphiql.min.css'],
};

/** A package's folder (its exports map may not expose these files, so they are found on disk). */
function packageRoot(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  while (
    !existsSync(join(dir, 'package.json')) ||
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== pkg
  ) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the ${pkg} package`);
    dir = up;
  }
  return dir;
}

/** The example operations (gateway/operations), one explorer tab each, with their example variables. */
function exampleTabs(): { query: string; variables?: string }[] {
  const dir = fromRepoRoot('gateway/operations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => {
      const query = readFileSync(join(dir, f), 'utf8');
      const variables = /^# variables: (.+)$/m.exec(query)?.[1];
      return { query, ...(variables && { variables: JSON.stringify(JSON.parse(variables), null, 2) }) };
    });
}

/** JSON inside a <script>: nothing in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const page = (tabs: { query: string; variables?: string }[]) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>No Wrong Door multi-agency graph: explorer</title>
  <link rel="stylesheet" href="/explorer/assets/graphiql.css">
  <style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="explorer"></div>
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script>
    // Every request needs a user's token: paste one into the Headers tab (npm start prints how to get one).
    const headers = JSON.stringify({ authorization: 'Bearer <token from the development identity provider>' }, null, 2);
    ReactDOM.createRoot(document.getElementById('explorer')).render(
      React.createElement(GraphiQL, {
        fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
        defaultHeaders: headers,
        isHeadersEditorEnabled: true,
        shouldPersistHeaders: false,
        defaultQuery: '# Sign in: put your token in the Headers tab below.\\n{ nwdCaseload(first: 5) { totalCount nodes { id givenName familyName accessPurpose { kind } } } }\\n',
        // The RAISE cycle step by step (gateway/operations), each with example variables to edit.
        defaultTabs: ${scriptJson(tabs)},
      }),
    );
  </script>
</body>
</html>`;

export function mountExplorer(app: Express) {
  const html = page(exampleTabs());
  app.get('/explorer', (_req, res) => {
    res.type('html').send(html);
  });
  app.get('/explorer/assets/:file', (req, res) => {
    const asset = ASSETS[req.params.file];
    if (!asset) {
      res.status(404).end();
      return;
    }
    res.sendFile(join(packageRoot(asset[0]), asset[1]), { maxAge: '1d' });
  });
}
