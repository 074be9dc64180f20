import seedrandom from 'seedrandom';
import { EdgeType } from '../../src/domain/edge-type';
import { NodeKind } from '../../src/domain/node-kind';
import type { GraphDatabase } from '../../src/graph/graph-database';
import { writeGraphBatch, type EdgeInput, type NodeInput } from '../../src/graph/graph-writer';
import type { Server } from '../../src/server/create-server';
import type { ProjectionManager } from '../../src/projection/projection-manager';
import { createTestServer, execute, startTestProjection } from '../support/graphql';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';

/*
 * conceptPath against an independent breadth-first search, on a random graph in a store of its
 * own (so no other test sees it).
 */

const NODES = 150;
const EDGES = 260;
const PAIRS = 80;
const TYPES = [EdgeType.LEADS_TO, EdgeType.PART_OF, EdgeType.PREVENTS];

let store: PrivateNeo4j;
let database: GraphDatabase;
let server: Server;
let projection: ProjectionManager;
const ids = Array.from({ length: NODES }, (_, i) => `concept:synthetic-${i}`);
const edges: { source: string; target: string }[] = [];

beforeAll(async () => {
  store = await startPrivateNeo4j({ seed: false });
  database = store.database;
  const random = seedrandom('concept-path-property');
  const seen = new Set<string>();
  while (edges.length < EDGES) {
    const source = ids[Math.floor(random() * NODES)]!;
    const target = ids[Math.floor(random() * NODES)]!;
    if (source === target || seen.has(`${source}>${target}`) || seen.has(`${target}>${source}`)) continue;
    seen.add(`${source}>${target}`);
    edges.push({ source, target });
  }
  const nodeInputs: NodeInput[] = ids.map((id) => ({ id, kind: NodeKind.CONCEPT, slug: id.split(':')[1]!, properties: { name: id } }));
  const edgeInputs: EdgeInput[] = edges.map(({ source, target }, index) => ({
    type: TYPES[index % TYPES.length]!,
    source,
    sourceKind: NodeKind.CONCEPT,
    target,
    targetKind: NodeKind.CONCEPT,
    properties: {},
  }));
  await database.executor().writeTransaction((run) => writeGraphBatch(run, nodeInputs, edgeInputs));
  server = await createTestServer(database);
  projection = await startTestProjection(database);
});

afterAll(async () => {
  projection.stop();
  await server.apollo.stop();
  await store.stop();
});

/** Distances from `from` by breadth-first search, following edges forwards only or either way. */
function bfs(from: string, directed: boolean): Map<string, number> {
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const { source, target } of edges) {
    next.get(source)!.push(target);
    if (!directed) next.get(target)!.push(source);
  }
  const distance = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const neighbour of next.get(node)!) {
      if (!distance.has(neighbour)) {
        distance.set(neighbour, distance.get(node)! + 1);
        queue.push(neighbour);
      }
    }
  }
  return distance;
}

describe('conceptPath on a random graph', () => {
  it.each([
    ['ANY', false, 'cypher'],
    ['OUTGOING', true, 'cypher'],
    ['ANY', false, 'projection'],
    ['OUTGOING', true, 'projection'],
  ])('agrees with breadth-first search on path lengths (%s, %s, over %s)', async (direction, directed, mode) => {
    const random = seedrandom(`pairs-${direction}`);
    const mismatches: string[] = [];
    let connected = 0;
    for (let i = 0; i < PAIRS; i += 1) {
      const from = ids[Math.floor(random() * NODES)]!;
      const to = ids[Math.floor(random() * NODES)]!;
      const expected = bfs(from, directed).get(to);
      const { data, errors } = await execute(
        server.apollo,
        database,
        `{ conceptPath(from: "${from}", to: "${to}", k: 3, maxHops: 8, direction: ${direction}) { length nodes { id } edges { source target forward } } }`,
        {},
        undefined,
        mode === 'projection' ? projection : null,
      );
      expect(errors).toBeUndefined();
      const paths = data!.conceptPath as { length: number; nodes: { id: string }[]; edges: { source: string; target: string; forward: boolean }[] }[];
      const want = expected !== undefined && expected <= 8 ? expected : null;
      const got = paths[0]?.length ?? null;
      if (want !== got) mismatches.push(`${from} → ${to}: BFS ${want}, conceptPath ${got}`);
      if (want !== null) connected += 1;
      for (const found of paths) {
        expect(found.length).toBeGreaterThanOrEqual(paths[0]!.length);
        expect(found.nodes[0]!.id).toBe(from);
        expect(found.nodes.at(-1)!.id).toBe(to);
        found.edges.forEach((edge, step) => {
          const [a, b] = [found.nodes[step]!.id, found.nodes[step + 1]!.id];
          expect(edge.forward ? [edge.source, edge.target] : [edge.target, edge.source]).toEqual([a, b]);
          if (directed) expect(edge.forward).toBe(true);
        });
      }
    }
    expect(mismatches).toEqual([]);
    expect(connected).toBeGreaterThan(PAIRS / 4);
  });
});
