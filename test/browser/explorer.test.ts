import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { GraphDatabase } from '../../src/graph/graph-database';
import type { Server } from '../../src/server/create-server';
import { launchChromium } from '../support/browser';
import { createTestServer } from '../support/graphql';
import { connectTestDatabase } from '../support/test-database';

/*
 * The /explore page in real headless Chromium against the real service over the seed graph.
 * The tests run in order on one page, as a person would use it: each step starts where the
 * last one left the page.
 */

const FIRST_CENTER = 'principle:culture-emerges-from-structure';
const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

let database: GraphDatabase;
let server: Server;
let graphqlUrl: string;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

type Positions = Record<string, { x: number; y: number }>;
const explorer = <T>(method: 'positions' | 'renderedPositions' | 'highlighted') =>
  page.evaluate((name) => (globalThis as any).thoughtgraphExplorer[name]() as unknown, method) as Promise<T>;

async function query(text: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  return ((await response.json()) as any).data;
}

async function mapIds(center: string): Promise<string[]> {
  const data = await query('query($c: ID!) { conceptMap(center: $c, depth: 1, limit: 80) { nodes { id hiddenNeighbors } } }', { c: center });
  return data.conceptMap.nodes.map((node: { id: string }) => node.id);
}

function watch(target: BrowserContext): void {
  target.on('request', (request) => requests.push(request.url()));
  target.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  target.on('weberror', (error) => consoleErrors.push(String(error.error())));
}

beforeAll(async () => {
  database = connectTestDatabase();
  server = await createTestServer(database);
  graphqlUrl = await server.listen(0, '127.0.0.1');
  origin = new URL(graphqlUrl).origin;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  watch(context);
  page = await context.newPage();
  await servePageUnderStrictCsp(page);
  await page.goto(`${origin}/explore`);
  await page.getByRole('status').filter({ hasText: 'Map of' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server.stop();
  await database.close();
});

describe('/explore in headless Chromium', () => {
  it('opens on the map of a principle, with a legend, the node list and its panel', async () => {
    const ids = await mapIds(FIRST_CENTER);
    expect(Object.keys(await explorer<Positions>('positions')).sort()).toEqual([...ids].sort());
    await expect(page.locator('#node-title').textContent()).resolves.toBe('Culture Emerges from Structure');
    expect(await page.locator('#map-nodes option').count()).toBe(ids.length + 1);
    expect(await page.locator('.legend-kinds li').allTextContents()).toEqual(expect.arrayContaining(['principle', 'concept', 'essay']));
    expect(await page.locator('.legend-clusters li').count()).toBeGreaterThan(0);
  });

  it('searches as you type, marks the match, and opens the node picked with the keyboard', async () => {
    await page.locator('#search').fill('technical dep');
    const hits = (await query('{ search(query: "technical dep", first: 8) { node { kind label } } }')).search;
    const options = page.getByRole('option');
    await options.first().waitFor();
    expect(await options.locator('.label').allTextContents()).toEqual(hits.map((hit: any) => hit.node.label));
    const wanted = await options.evaluateAll((items) => items.findIndex((item) => item.querySelector('.label')?.textContent === 'Technical Depth'));
    expect(await options.nth(wanted).locator('mark').allTextContents()).toEqual(['Technical', 'Dep']);
    for (let step = 0; step <= wanted; step += 1) await page.locator('#search').press('ArrowDown');
    await page.locator('#search').press('Enter');
    await page.locator('#node-title', { hasText: /^Technical Depth$/ }).waitFor();
  });

  it('expands a clicked node in place: new neighbours appear, every drawn node keeps its position', async () => {
    await showMapOf('Culture Emerges from Structure');
    const before = await explorer<Positions>('positions');
    const target = await nodeWithNewNeighbours(Object.keys(before));
    await clickNode(target);
    await page.getByRole('status').filter({ hasText: 'Added' }).waitFor();
    const after = await explorer<Positions>('positions');
    const expected = [...new Set([...Object.keys(before), ...(await mapIds(target))])].sort();
    expect(Object.keys(after).sort()).toEqual(expected);
    for (const [id, position] of Object.entries(before)) expect([id, after[id]]).toEqual([id, position]);
  });

  it('finds the career path from Engineer to CTPO (GROWS_INTO edges), shows its reading and highlights them on the map', async () => {
    await page.locator('#paths summary').click();
    await page.locator('#path-from').fill('role:engineer');
    await page.locator('#path-to').fill('role:ctpo');
    await page.locator('#path-k').fill('1');
    await page.getByRole('checkbox', { name: 'grows into' }).check();
    await page.getByRole('button', { name: 'Find paths' }).click();
    await page.locator('#path-readings').waitFor();
    expect(await page.locator('#path-readings .reading').allTextContents()).toEqual(['Engineer grows into Engineering Leader, who grows into CTPO']);
    const [route] = (
      await query('{ conceptPath(from: "role:engineer", to: "role:ctpo", k: 1, edgeTypes: [GROWS_INTO]) { nodes { id } edges { source type target } } }')
    ).conceptPath;
    const expected = [
      ...route.nodes.map((node: { id: string }) => node.id),
      ...route.edges.map((edge: { source: string; type: string; target: string }) => `${edge.source}|${edge.type}|${edge.target}`),
    ];
    expect(await explorer<string[]>('highlighted')).toEqual(expected.sort());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-path-1280x800.png') });
  });

  it('opens an essay with its related thoughts and the reasons the service gives', async () => {
    await page.locator('#search').fill('engineer to ctpo');
    const option = page.getByRole('option').filter({ hasText: /CTPO/ }).filter({ hasText: 'essay' }).first();
    await option.click();
    const id = 'essay:engineer-to-ctpo';
    const data = await query(
      'query($id: ID!) { node(id: $id) { label } relatedThoughts(id: $id, first: 5) { score node { label } reasons { description share } } }',
      { id },
    );
    await page.locator('#node-title', { hasText: data.node.label }).waitFor();
    await page.locator('#related-thoughts').waitFor();
    await expect(page.locator('#node-title').textContent()).resolves.toBe(data.node.label);
    const shown = await page.locator('#related-thoughts > li').evaluateAll((items) =>
      items.map((item) => ({
        label: item.querySelector('.link-button')?.textContent,
        reasons: [...item.querySelectorAll('.reasons li')].map((li) => ({
          share: li.querySelector('.share')?.textContent,
          text: li.querySelector('.reason-text')?.textContent,
          bar: li.getAttribute('style'),
        })),
      })),
    );
    // Each reason as the service words it, with its share of the score, and a bar that part of the line long.
    const format = (value: number) => value.toFixed(2).replace(/\.?0+$/, '') || '0';
    expect(shown).toEqual(
      data.relatedThoughts.map((thought: any) => ({
        label: thought.node.label,
        reasons: thought.reasons.map((reason: any) => ({
          share: `+${format(reason.share)}`,
          text: reason.description,
          bar: `--share: ${Math.round((reason.share / thought.score) * 100)}%;`,
        })),
      })),
    );
    expect(shown.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-1280x800.png') });
  });

  it('downloads the map as GEXF with positions in the viz namespace', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#exports a[data-format="gexf"]').click()]);
    expect(download.suggestedFilename()).toBe('thoughtgraph-map.gexf');
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
    const drawn = Object.keys(await explorer<Positions>('positions'));
    const center = new URL((await page.locator('#exports a[data-format="gexf"]').getAttribute('href')) ?? '', origin).searchParams.get('center')!;
    const exported = [...text.matchAll(/<node id="([^"]+)"/g)].map((match) => match[1]);
    expect(exported.sort()).toEqual((await mapIds(center)).sort());
    expect(drawn).toEqual(expect.arrayContaining(exported));
  });

  it('shows principle links as a matrix whose cells tell Jaccard and lift', async () => {
    await page.locator('#principles summary').click();
    const cell = page.locator('#principle-matrix .cell').first();
    await cell.waitFor();
    await cell.focus();
    const links = (await query('{ principleLinks(first: 100) { a { name } b { name } jaccard lift } }')).principleLinks;
    const detail = (await page.locator('#matrix-detail').textContent()) ?? '';
    expect(links.some((link: any) => detail.startsWith(`${link.a.name} & ${link.b.name}:`) || detail.startsWith(`${link.b.name} & ${link.a.name}:`))).toBe(
      true,
    );
    expect(detail).toMatch(/Jaccard \d(\.\d+)?, lift \d+(\.\d+)?/);
  });

  it('is usable on a phone-sized screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    watch(phone);
    const small = await phone.newPage();
    await small.goto(`${origin}/explore`);
    await small.getByRole('status').filter({ hasText: 'Map of' }).waitFor();
    await small.locator('#node-title').waitFor();
    const overflow = await small.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBe(0);
    await small.screenshot({ path: path.join(SCREENSHOTS, 'explorer-phone-390x844.png') });
    await phone.close();
  });

  it('sent no request off 127.0.0.1 and logged no console error', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

/**
 * The page is served here under the strict policy the security headers may bring (no inline
 * script or style, no eval): a violation is a console error, which the last test refuses.
 */
async function servePageUnderStrictCsp(target: Page): Promise<void> {
  await target.route('**/explore', async (route) => {
    const response = await route.fetch();
    const policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'";
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
}

async function showMapOf(label: string): Promise<void> {
  await page.locator('#search').fill(label);
  await page.getByRole('option').filter({ hasText: label }).first().click();
  await page.locator('#node-title').filter({ hasText: label }).waitFor();
}

/** A drawn node whose own neighbourhood holds nodes not yet drawn. */
async function nodeWithNewNeighbours(drawn: string[]): Promise<string> {
  for (const id of drawn) {
    if ((await mapIds(id)).some((other) => !drawn.includes(other))) return id;
  }
  throw new Error('No drawn node has undrawn neighbours');
}

/** Clicks the node on the canvas where it is drawn, as a person would. */
async function clickNode(id: string): Promise<void> {
  await page.waitForTimeout(300);
  const box = (await page.locator('#map').boundingBox())!;
  const at = (await explorer<Positions>('renderedPositions'))[id]!;
  await page.mouse.click(box.x + at.x, box.y + at.y);
}
