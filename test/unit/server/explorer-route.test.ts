import express from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createExplorerRouter, EXPLORER_PATH } from '../../../src/server/explorer-route';

async function get(folder: string, url: string): Promise<{ status: number; type: string | null; text: string }> {
  const app = express().use(EXPLORER_PATH, createExplorerRouter(folder));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${url}`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  } finally {
    server.close();
  }
}

describe('the /explore route', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'explorer-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('serves the page at /explore and its assets beside it', async () => {
    writeFileSync(path.join(folder, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(folder, 'explorer.js'), 'void 0;');
    expect(await get(folder, '/explore')).toEqual({ status: 200, type: 'text/html; charset=utf-8', text: '<!doctype html><title>x</title>' });
    expect(await get(folder, '/explore/explorer.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8', text: 'void 0;' });
  });

  it('says how to build the page when the bundle is missing', async () => {
    expect(await get(path.join(folder, 'absent'), '/explore')).toEqual({
      status: 503,
      type: 'text/plain; charset=utf-8',
      text: 'The explorer is not built: run `npm run build`.\n',
    });
  });
});
