import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import { projectPath } from '../runtime/project-paths';

export const EXPLORER_PATH = '/explore';

/**
 * The /explore page from its bundle in dist/explorer (built by `npm run build`, so it needs no
 * network). Without the bundle the route says how to build it rather than answering 404.
 */
export function createExplorerRouter(folder = projectPath('dist', 'explorer')): Router {
  const router = express.Router();
  const index = `${folder}/index.html`;
  router.get(['/', '/index.html'], (_req, res) => {
    if (existsSync(index)) res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    else res.status(503).type('text/plain').send('The explorer is not built: run `npm run build`.\n');
  });
  router.use(express.static(folder, { index: false, redirect: false, maxAge: '1h' }));
  return router;
}
