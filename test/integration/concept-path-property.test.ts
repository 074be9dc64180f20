import seedrandom from 'seedrandom';
import { EdgeListPathGraph } from '../../src/domain/edge-list-path-graph';
import { EdgeType } from '../../src/domain/edge-type';
import type { IndexedPath } from '../../src/domain/path-graph';
import { comparePaths } from '../../src/domain/path-ranking';
import { Direction } from '../../src/domain/repositories';
import { NodeKind } from '../../src/domain/node-kind';
import type { GraphDatabase } from '../../src/graph/graph-database';
import { writeGraphBatch, type EdgeInput, type NodeInput } from '../../src/graph/graph-writer';
import type { Server } from '../../src/server/create-server';
import type { ProjectionManager } from '../../src/projection/projection-manager';
import { createTestServer, execute, startTestProjection } from '../support/graphql';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';

/*
 * conceptPath against independent oracles, on a random graph in a store of its own (so no other
 * test sees it): a breadth-first search for the shortest length, and every simple path
 * enumerated by depth-first search, sorted by the path ranking, for the whole answer.
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
const edges: { source: string; target: string; type: EdgeType }[] = [];

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
    edges.push({ source, target, type: TYPES[edges.length % TYPES.length]! });
  }
  const nodeInputs: NodeInput[] = ids.map((id) => ({ id, kind: NodeKind.CONCEPT, slug: id.split(':')[1]!, properties: { name: id } }));
  const edgeInputs: EdgeInput[] = edges.map(({ source, target, type }) => ({
    type,
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

/** Every simple path of at most `maxHops` edges, by depth-first search over the edge list. */
function simplePaths(from: string, to: string, directed: boolean, maxHops: number): IndexedPath[] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const found: IndexedPath[] = [];
  const walk = (nodes: number[], steps: number[], forward: boolean[]): void => {
    const here = nodes.at(-1)!;
    if (here === index.get(to)) {
      found.push({ nodes: [...nodes], edges: [...steps], forward: [...forward] });
      return;
    }
    if (steps.length === maxHops) return;
    edges.forEach((edge, e) => {
      const next = index.get(edge.source) === here ? index.get(edge.target)! : !directed && index.get(edge.target) === here ? index.get(edge.source)! : -1;
      if (next >= 0 && !nodes.includes(next)) walk([...nodes, next], [...steps, e], [...forward, index.get(edge.source) === here]);
    });
  };
  walk([index.get(from)!], [], []);
  return found;
}

function rankingGraph(): EdgeListPathGraph {
  const degrees = new Map(ids.map((id) => [id, 0]));
  for (const { source, target } of edges) {
    degrees.set(source, degrees.get(source)! + 1);
    degrees.set(target, degrees.get(target)! + 1);
  }
  return new EdgeListPathGraph(
    ids.map((id) => ({ id, degree: degrees.get(id)! })),
    edges.map((edge) => ({ ...edge, weight: 1 })),
    { types: [], direction: Direction.ANY, avoid: [] },
  );
}

describe('conceptPath on a random graph', () => {
  it.each([
    ['ANY', false, 'cypher'],
    ['OUTGOING', true, 'cypher'],
    ['ANY', false, 'projection'],
    ['OUTGOING', true, 'projection'],
  ])('agrees with breadth-first search on the shortest length and with enumeration on the k paths (%s, %s, over %s)', async (direction, directed, mode) => {
    const graph = rankingGraph();
    const spell = (path: IndexedPath) => path.nodes.map((node) => ids[node]).join(' ');
    const random = seedrandom(`pairs-${direction}`);
    const mismatches: string[] = [];
    let connected = 0;
    let longer = 0;
    for (let i = 0; i < PAIRS; i += 1) {
      const from = ids[Math.floor(random() * NODES)]!;
      const to = ids[Math.floor(random() * NODES)]!;
      const expected = bfs(from, directed).get(to);
      const { data, errors } = await execute(
        server.apollo,
        database,
        `{ conceptPath(from: "${from}", to: "${to}", k: 3, maxHops: 6, direction: ${direction}) { length nodes { id } edges { source target forward } } }`,
        {},
        undefined,
        mode === 'projection' ? projection : null,
      );
      expect(errors).toBeUndefined();
      const paths = data!.conceptPath as { length: number; nodes: { id: string }[]; edges: { source: string; target: string; forward: boolean }[] }[];
      const want = expected !== undefined && expected <= 6 ? expected : null;
      const got = paths[0]?.length ?? null;
      if (want !== got) mismatches.push(`${from} → ${to}: BFS ${want}, conceptPath ${got}`);
      if (want !== null) connected += 1;
      const oracle =
        from === to
          ? [from]
          : simplePaths(from, to, directed, 6)
              .sort((a, b) => comparePaths(graph, a, b))
              .slice(0, 3)
              .map(spell);
      const answer = paths.map((found) => found.nodes.map((node) => node.id).join(' '));
      if (from !== to && answer.join(' | ') !== oracle.join(' | ')) mismatches.push(`${from} → ${to}: ${answer.join(' | ')} ≠ ${oracle.join(' | ')}`);
      if (paths.some((found) => found.length > paths[0]!.length)) longer += 1;
      for (const found of paths) {
        expect(found.length).toBeGreaterThanOrEqual(paths[0]!.length);
        expect(new Set(found.nodes.map((node) => node.id)).size).toBe(found.nodes.length);
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
    expect(connected).toBeGreaterThan(PAIRS / 5);
    expect(longer).toBeGreaterThan(0);
  });
});
