import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canonicalJson, validateDump } from '../../src/domain/graph-dump';
import { readGraphDump } from '../../src/graph/graph-dump-repository';
import { runCli } from '../support/run-cli';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';

let store: PrivateNeo4j;
let dir: string;

beforeAll(async () => {
  store = await startPrivateNeo4j({ seed: true });
  dir = mkdtempSync(path.join(tmpdir(), 'thoughtgraph-files-'));
});

afterAll(async () => {
  await store.stop();
  rmSync(dir, { recursive: true, force: true });
});

const dump = async () => canonicalJson(await readGraphDump(store.database.executor()));

describe('npm run ingest', () => {
  it('ingests a folder with progress, names the file and line of a bad one, and exits non-zero', async () => {
    const essays = path.join(dir, 'essays');
    rmSync(essays, { recursive: true, force: true });
    writeFileSync(path.join(dir, 'placeholder'), '');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(essays, 'nested'), { recursive: true });
    writeFileSync(path.join(essays, 'a-good.md'), '---\ntitle: Good Essay\nroles: [ctpo]\n---\nAbout culture.\n');
    writeFileSync(path.join(essays, 'nested', 'b-bad.md'), '---\ntitle: Bad Essay\ndate: 2026-13-01\n---\n');
    writeFileSync(path.join(essays, 'notes.txt'), 'not markdown');
    const result = await runCli('ingest', [essays], store.neo4j.uri);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`[1/2] ${path.join(essays, 'a-good.md')}: essay:good-essay: created, 1 edge(s) added, 0 removed. 1 suggestion(s).`);
    expect(result.stdout).toContain('1 of 2 file(s) ingested.');
    expect(result.stderr).toContain(`${path.join(essays, 'nested', 'b-bad.md')}:3: "date" must be a real date as YYYY-MM-DD, not "2026-13-01".`);

    const again = await runCli('ingest', [path.join(essays, 'a-good.md')], store.neo4j.uri);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('essay:good-essay: already up to date; ingesting did not change anything.');
  });
});

describe('npm run export and npm run import', () => {
  it('round-trips the graph: export, wipe, import gives the identical graph, and importing again changes nothing', async () => {
    const before = await dump();
    const file = path.join(dir, 'graph.json');
    const exported = await runCli('export', [file], store.neo4j.uri);
    expect(exported.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${before}\n`);
    const parsed = validateDump(JSON.parse(readFileSync(file, 'utf8')));
    expect(parsed.nodes.length).toBeGreaterThanOrEqual(59);
    expect(parsed.edges.length).toBeGreaterThanOrEqual(124);

    await store.database.executor().write('MATCH (n) DETACH DELETE n');
    expect(await dump()).not.toBe(before);

    const imported = await runCli('import', [file], store.neo4j.uri);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`Imported ${parsed.nodes.length} nodes and ${parsed.edges.length} edges`));
    expect(await dump()).toBe(before);

    expect((await runCli('import', [file], store.neo4j.uri)).code).toBe(0);
    expect(await dump()).toBe(before);
  });

  it('refuses a file that is not a valid dump, naming the problem, and writes nothing', async () => {
    const before = await dump();
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'thoughtgraph-graph',
        version: 1,
        nodes: [
          { id: 'role:a', properties: {} },
          { id: 'concept:b', properties: {} },
        ],
        edges: [{ type: 'GROWS_INTO', source: 'role:a', target: 'concept:b', properties: {} }],
      }),
    );
    const result = await runCli('import', [file], store.neo4j.uri);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}: edges[0]: GROWS_INTO cannot run Role → Concept.`);
    expect(await dump()).toBe(before);
  });
});
