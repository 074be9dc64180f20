import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSyntheticGraph } from '../../src/cli/synthetic-graph';
import { canonicalJson, DUMP_FORMAT, DUMP_VERSION, type GraphDump } from '../../src/domain/graph-dump';
import { readGraphDump } from '../../src/graph/graph-dump-repository';
import { DEFAULT_RESTART_POLICY } from '../../src/runtime/neo4j-supervisor';
import { runCli } from '../support/run-cli';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';
import { waitUntil } from '../support/service-process';

const BATCH = 100;
const COMMITTED = /^ {2}committed (\d+)\/(\d+) nodes, (\d+)\/(\d+) edges$/;

let store: PrivateNeo4j;
let dir: string;

beforeAll(async () => {
  // The restart waits long enough that the import's own retries (3 s) give up first: the import
  // must fail, not ride out the outage.
  store = await startPrivateNeo4j({ seed: false, restartPolicy: { ...DEFAULT_RESTART_POLICY, firstDelayMs: 8_000 } });
  dir = mkdtempSync(path.join(tmpdir(), 'thoughtgraph-resume-'));
});

afterAll(async () => {
  await store.stop();
  rmSync(dir, { recursive: true, force: true });
});

const dump = async () => readGraphDump(store.database.executor());

/** A synthetic graph as a dump file: a few hundred nodes, thousands of edges. */
function writeSyntheticDump(file: string): GraphDump {
  const graph = generateSyntheticGraph({ essays: 300, seed: 11 });
  const graphDump: GraphDump = {
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    nodes: [...graph.ideas, ...graph.essays].map((node) => ({ id: node.id, properties: node.properties })),
    edges: graph.edges.map((edge) => ({ type: edge.type, source: edge.source, target: edge.target, properties: edge.properties })),
  };
  writeFileSync(file, JSON.stringify(graphDump));
  return graphDump;
}

async function answersAgain(): Promise<boolean> {
  return store.database.ping().then(
    () => true,
    () => false,
  );
}

describe('npm run import after a crash', () => {
  it('reports only what committed when its Neo4j dies mid-way, and a second run completes the same graph', async () => {
    const file = path.join(dir, 'synthetic.json');
    const written = writeSyntheticDump(file);
    expect((await runCli('import', ['--batch', String(BATCH), file], store.neo4j.uri)).code).toBe(0);
    const uninterrupted = canonicalJson(await dump());
    expect(JSON.parse(uninterrupted).edges).toHaveLength(written.edges.length);
    await store.database.executor().write('MATCH (n) DETACH DELETE n');

    const killed = store.neo4j.pid!;
    let killAfterEdges = -1;
    const interrupted = await runCli('import', ['--batch', String(BATCH), file], store.neo4j.uri, (line) => {
      const edges = Number(COMMITTED.exec(line)?.[3] ?? -1);
      if (edges >= 1_000 && killAfterEdges < 0) {
        killAfterEdges = edges;
        process.kill(killed, 'SIGKILL');
      }
    });
    expect(killAfterEdges).toBeGreaterThanOrEqual(1_000);
    expect(interrupted.code).toBe(1);
    const reports = interrupted.stdout.split('\n').filter((line) => COMMITTED.test(line));
    const [, nodes, nodeTotal, edges, edgeTotal] = COMMITTED.exec(reports.at(-1)!)!.map(Number);
    expect([nodes, nodeTotal, edgeTotal]).toEqual([written.nodes.length, written.nodes.length, written.edges.length]);
    expect(edges).toBeLessThan(edgeTotal!);
    expect(interrupted.stderr).toContain(
      `Import stopped: ${nodes}/${nodeTotal} nodes, ${edges}/${edgeTotal} edges committed; the batch after them may or may not have. ` +
        'Run the same import again to complete the graph (importing is idempotent).',
    );

    // The supervisor brings the store back on the same port; everything reported is there, and
    // at most the one batch in flight beyond it.
    expect(await waitUntil(() => store.neo4j.state === 'up' && store.neo4j.pid !== killed, 180_000)).toBe(true);
    while (!(await answersAgain())) await new Promise((resolve) => setTimeout(resolve, 200));
    const afterCrash = await dump();
    expect(afterCrash.nodes).toHaveLength(written.nodes.length);
    expect(afterCrash.edges.length).toBeGreaterThanOrEqual(edges!);
    expect(afterCrash.edges.length).toBeLessThanOrEqual(edges! + BATCH);

    const resumed = await runCli('import', ['--batch', String(BATCH), file], store.neo4j.uri);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`Imported ${written.nodes.length} nodes and ${written.edges.length} edges`);
    expect(canonicalJson(await dump())).toBe(uninterrupted);
  }, 300_000);
});
