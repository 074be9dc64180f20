import express, { type Router } from 'express';
import { readFileSync } from 'node:fs';
import { Kind, parse, print } from 'graphql';
import path from 'node:path';
import { projectPath } from '../runtime/project-paths';

/*
 * GraphiQL served from the service's own assets (the npm packages' UMD builds), so the
 * playground works with no internet. Each named operation of schema/examples.graphql opens in
 * a tab of its own.
 */

const ASSETS: Record<string, string> = {
  'react.js': 'react/umd/react.production.min.js',
  'react-dom.js': 'react-dom/umd/react-dom.production.min.js',
  'graphiql.js': 'graphiql/graphiql.min.js',
  'graphiql.css': 'graphiql/graphiql.min.css',
};

export const PLAYGROUND_ASSET_PATH = '/playground';

/** Starts GraphiQL from the page's JSON config; a file of its own, so the CSP allows no inline script. */
const START_SCRIPT = `const config = JSON.parse(document.getElementById('playground-config').textContent);
const fetcher = GraphiQL.createFetcher({ url: config.url });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: config.tabs,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }),
);
`;

export function createPlaygroundRouter(): Router {
  const router = express.Router();
  for (const [name, modulePath] of Object.entries(ASSETS)) {
    const file = resolvePackageFile(modulePath);
    router.get(`${PLAYGROUND_ASSET_PATH}/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: '1d', headers: { 'Content-Type': contentTypeOf(file) } });
    });
  }
  router.get(`${PLAYGROUND_ASSET_PATH}/start.js`, (_req, res) => {
    res.type('text/javascript; charset=utf-8').send(START_SCRIPT);
  });
  return router;
}

/** The example operations, one GraphiQL tab each, in file order. */
export function readExampleTabs(file = projectPath('schema', 'examples.graphql')): { query: string }[] {
  const document = parse(readFileSync(file, 'utf8'));
  return document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).map((definition) => ({ query: print(definition) }));
}

export function renderPlayground(graphqlPath: string, tabs: readonly { query: string }[]): string {
  // JSON inside a script element: escape "<" so no text can close the element.
  const config = JSON.stringify({ url: graphqlPath, tabs }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Thoughtgraph playground</title>
  <link rel="stylesheet" href="${PLAYGROUND_ASSET_PATH}/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the playground...</div>
  <script src="${PLAYGROUND_ASSET_PATH}/react.js"></script>
  <script src="${PLAYGROUND_ASSET_PATH}/react-dom.js"></script>
  <script src="${PLAYGROUND_ASSET_PATH}/graphiql.js"></script>
  <script id="playground-config" type="application/json">${config}</script>
  <script src="${PLAYGROUND_ASSET_PATH}/start.js"></script>
</body>
</html>
`;
}

/** `react/umd/...` is outside react's `exports`, so resolve the package, then the file. */
function resolvePackageFile(modulePath: string): string {
  const [scopeOrName, ...rest] = modulePath.split('/');
  const manifest = require.resolve(`${scopeOrName}/package.json`);
  return path.join(path.dirname(manifest), ...rest);
}

function contentTypeOf(file: string): string {
  return path.extname(file) === '.css' ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
}
