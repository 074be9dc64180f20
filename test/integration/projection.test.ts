import { EdgeOrigin, EdgeType } from '../../src/domain/edge-type';
import { NodeKind } from '../../src/domain/node-kind';
import { GraphDatabase } from '../../src/graph/graph-database';
import { writeGraphBatch, type EdgeInput, type NodeInput } from '../../src/graph/graph-writer';
import { WriteRepository } from '../../src/graph/write-repository';
import { ProjectionBuilder } from '../../src/projection/graph-projection';
import { ProjectionManager } from '../../src/projection/projection-manager';
import type { Server } from '../../src/server/create-server';
import { createTestServer, execute } from '../support/graphql';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';
import { projectionContents } from '../support/projection-contents';
import { testDatabaseSettings } from '../support/test-database';

/*
 * Two service instances on one Neo4j (a private store: these tests write), each with its own
 * driver and projection, as two processes behind a load balancer would be.
 */

const POLL_MS = 100;

interface Instance {
  readonly database: GraphDatabase;
  readonly projection: ProjectionManager;
  readonly server: Server;
  /** The projection's log lines. */
  readonly lines: string[];
  run(query: string): Promise<Record<string, any>>;
}

let neo4j: PrivateNeo4j;
const instances: Instance[] = [];

async function startInstance(): Promise<Instance> {
  const database = GraphDatabase.connect(testDatabaseSettings({ uri: neo4j.neo4j.uri }));
  const lines: string[] = [];
  const projection = new ProjectionManager(database.topology(60_000), { pollMs: POLL_MS, maxEdges: 100_000, layout: false }, (line) => lines.push(line));
  database.onWrite((version) => projection.noteVersion(version));
  projection.start();
  const server = await createTestServer(database, 200_000, undefined, projection);
  const instance = {
    database,
    projection,
    server,
    lines,
    async run(query: string) {
      const answer = await execute(server.apollo, database, query, {}, undefined, projection);
      expect(answer.errors).toBeUndefined();
      return answer.data!;
    },
  };
  instances.push(instance);
  return instance;
}

const node = (kind: NodeKind, slug: string, label: string): NodeInput => ({
  id: `${kind.toLowerCase()}:${slug}`,
  kind,
  slug,
  properties: { [kind === NodeKind.ESSAY ? 'title' : 'name']: label },
});

const edge = (type: EdgeType, source: NodeInput, target: NodeInput): EdgeInput => ({
  type,
  source: source.id,
  sourceKind: source.kind,
  target: target.id,
  targetKind: target.kind,
  properties: {},
});

const P1 = node(NodeKind.PRINCIPLE, 'first', 'First');
const P2 = node(NodeKind.PRINCIPLE, 'second', 'Second');
const HUB = node(NodeKind.CONCEPT, 'hub', 'Hub');

/** One write transaction: an essay that articulates both principles, so they co-occur once more. */
function writeEssay(database: GraphDatabase, n: number): Promise<void> {
  const essay = node(NodeKind.ESSAY, `essay-${n}`, `Essay ${n}`);
  return database
    .executor()
    .writeTransaction((run) => writeGraphBatch(run, [essay], [edge(EdgeType.ARTICULATES, essay, P1), edge(EdgeType.ARTICULATES, essay, P2)]));
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const DEGREE = `{ centrality(kinds: [PRINCIPLE], metric: DEGREE, first: 1) { score node { id } } }`;
const LINK = `{ principleLinks(first: 1) { a { id } b { id } cooccurrences jaccard } }`;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ seed: false });
  await neo4j.database.executor().writeTransaction((run) => writeGraphBatch(run, [P1, P2, HUB], [edge(EdgeType.ABOUT, P1, HUB)]));
});

afterAll(async () => {
  for (const instance of instances) {
    instance.projection.stop();
    await instance.server.apollo.stop();
    await instance.database.close();
  }
  await neo4j.stop();
});

describe('the projection behind the thinking queries', () => {
  it('answers from Cypher until the projection is built, then from the projection, with the same answer', async () => {
    const instance = await startInstance();
    expect(instance.projection.status().mode).toBe('cypher');
    const before = await instance.run(DEGREE);
    await instance.projection.whenReady();
    expect(instance.projection.status()).toMatchObject({ mode: 'projection', nodes: 3, edges: 1 });
    expect(await instance.run(DEGREE)).toEqual(before);
    expect(before).toEqual({ centrality: [{ score: 1, node: { id: 'principle:first' } }] });
  });

  it('shows a write through one instance on its own next read, and on another instance within the poll bound', async () => {
    const [writer, reader] = [instances[0] ?? (await startInstance()), await startInstance()];
    await Promise.all([writer.projection.whenReady(), reader.projection.whenReady()]);
    const version = writer.projection.status().version!;
    await writeEssay(writer.database, 0);
    // The writer knows its own write at once: its next read is of the new version (from Cypher
    // until the rebuild lands), never of the old projection.
    expect(writer.projection.status().latestVersion).toBe(version + 1);
    expect(await writer.run(LINK)).toEqual({
      principleLinks: [{ a: { id: 'principle:first' }, b: { id: 'principle:second' }, cooccurrences: 1, jaccard: 1 }],
    });
    const seen = await until(
      () => reader.run(DEGREE),
      (data) => data.centrality[0].score === 2,
    );
    expect(seen).toEqual({ centrality: [{ score: 2, node: { id: 'principle:first' } }] });
    await reader.projection.whenReady();
    expect(reader.projection.status()).toMatchObject({ mode: 'projection', version: version + 1 });
  });

  it('returns only whole versions while writes land and the projection rebuilds under concurrent reads', async () => {
    const reader = instances[1]!;
    const writer = instances[0]!;
    let writing = true;
    const writes = (async () => {
      try {
        for (let n = 1; n <= 30; n++) {
          await writeEssay(writer.database, n);
          // Room for the reader's poll and rebuild, so that some reads land on fresh projections.
          await new Promise((resolve) => setTimeout(resolve, 3 * POLL_MS));
        }
      } finally {
        writing = false;
      }
    })();
    const answers: { cooccurrences: number; jaccard: number }[] = [];
    const projected: { cooccurrences: number; jaccard: number }[] = [];
    while (writing) {
      // The request context picks its reader synchronously when the operation starts.
      const fromProjection = reader.projection.serving() !== null;
      const data = await reader.run(LINK);
      answers.push(data.principleLinks[0]);
      if (fromProjection) projected.push(data.principleLinks[0]);
      // A cached answer resolves without I/O: let the writer's timers run between reads.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writes;
    // Every essay articulates both principles in one transaction: a read that saw part of a
    // write would count an essay for one principle and not the other (Jaccard below 1). The
    // projection serves whole versions only; the Cypher fallback reads committed data, so one
    // query may see a write that lands while it runs, and is not held to this.
    expect(projected.length).toBeGreaterThan(0);
    for (const answer of projected) expect(answer.jaccard).toBe(1);
    // The projection's versions only move forward; a Cypher read may see a write this instance
    // has not polled yet, so the order holds per store, and is checked on the projection's.
    const counts = projected.map((answer) => answer.cooccurrences);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    const final = await until(
      () => reader.run(LINK),
      (data) => data.principleLinks[0].cooccurrences === 31,
    );
    expect(final.principleLinks[0]).toEqual({ a: { id: 'principle:first' }, b: { id: 'principle:second' }, cooccurrences: 31, jaccard: 1 });
  });

  it('catches up from the change log after logged writes, to the projection a whole read gives', async () => {
    const [writer, reader] = [instances[0]!, instances[1]!];
    const start = await writer.database.readVersion();
    await until(
      async () => reader.projection.status(),
      (status) => status.mode === 'projection' && status.version === start,
    );
    const logged = reader.lines.length;
    // The editors' writes, each its own transaction naming what it touched.
    const writes = new WriteRepository(writer.database.executor());
    await writes.upsertNode(NodeKind.CONCEPT, 'fresh', { name: 'Fresh' });
    await writes.link({ from: 'principle:first', to: 'concept:fresh', type: EdgeType.ABOUT, weight: 0.5, note: 'new', origin: EdgeOrigin.INFERRED });
    await writes.unlink('principle:first', EdgeType.ABOUT, 'concept:hub');
    await writes.upsertNode(NodeKind.PRINCIPLE, 'second', { name: 'Second, renamed' });
    expect(await writes.deleteNode('essay:essay-3')).toBe(2);
    const version = await writer.database.readVersion();
    await until(
      async () => reader.projection.status(),
      (status) => status.mode === 'projection' && status.version === version,
    );
    const caughtUp = reader.lines.slice(logged);
    expect(caughtUp.length).toBeGreaterThan(0);
    for (const line of caughtUp) expect(line).toMatch(/^Projection caught up from version \d+ to \d+: [0-5] nodes changed, in \d+ ms\.$/);
    const whole = new ProjectionBuilder();
    expect(await reader.database.topology(60_000).readTopology(whole)).toBe(version);
    const held = reader.projection.serving()!.graph;
    expect(projectionContents(held)).toEqual(projectionContents(await whole.build(version)));
    expect(held.labels[held.indexOf('principle:second')!]).toBe('Second, renamed');
    expect(held.indexOf('essay:essay-3')).toBeUndefined();
    // A write that names nothing (the bulk loaders) costs a whole read, never a stale answer.
    await writeEssay(writer.database, 99);
    await until(
      async () => reader.projection.status(),
      (status) => status.mode === 'projection' && status.version === version + 1,
    );
    expect(reader.lines.slice(logged + caughtUp.length)).toEqual([
      `Projection reads the graph whole: the change log does not cover every write since version ${version}.`,
      'Building the projection: 35 nodes, 63 edges read...',
      expect.stringMatching(/^Projection at version \d+: 35 nodes, 63 edges, built in \d+ ms\.$/),
    ]);
  });

  it("keeps a map's shape across an edit: the held layout, carried to the new version, places maps until its own lands", async () => {
    const database = GraphDatabase.connect(testDatabaseSettings({ uri: neo4j.neo4j.uri }));
    const projection = new ProjectionManager(database.topology(60_000), { pollMs: POLL_MS, maxEdges: 100_000, layout: true });
    database.onWrite((version) => projection.noteVersion(version));
    try {
      projection.start();
      await projection.whenReady();
      const held = projection.serving()!;
      expect(projection.status().layout).toBe('ready');
      const writes = new WriteRepository(database.executor());
      // One write, so one catch-up: a node with no edges yet (it goes on the ring outside the layout).
      await writes.upsertNode(NodeKind.CONCEPT, 'newcomer', { name: 'Newcomer' });
      // Served at the new version as soon as it caught up; its own layout is still in the worker.
      await projection.whenReady(false);
      const caughtUp = projection.serving()!;
      expect(caughtUp.graph.version).toBe(held.graph.version + 1);
      expect(projection.status().layout).toBe('carried');
      expect(caughtUp.extras.layoutVersion).toBe(held.graph.version);
      for (const [id, place] of held.extras.placements!) expect(caughtUp.extras.placements!.get(id)).toEqual(place);
      expect(caughtUp.extras.placements!.get('concept:newcomer')).toEqual({ cluster: expect.any(Number), x: expect.any(Number), y: expect.any(Number) });
      await projection.whenReady();
      expect(projection.status().layout).toBe('ready');
      expect(projection.serving()!.extras.layoutVersion).toBe(held.graph.version + 1);
    } finally {
      projection.stop();
      await database.close();
    }
  });

  it('leaves the thinking queries to Cypher when the graph is over the memory budget', async () => {
    const database = GraphDatabase.connect(testDatabaseSettings({ uri: neo4j.neo4j.uri }));
    const projection = new ProjectionManager(database.topology(60_000), { pollMs: POLL_MS, maxEdges: 10, layout: false });
    try {
      projection.start();
      const status = await until(
        async () => projection.status(),
        (value) => value.reason?.startsWith('over budget') ?? false,
      );
      expect(status).toMatchObject({ mode: 'cypher', nodes: 0 });
      expect(status.reason).toContain('more than 10 edges');
    } finally {
      projection.stop();
      await database.close();
    }
  });
});
