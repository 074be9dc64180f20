import seedrandom from 'seedrandom';
import { EDGE_TYPES, EdgeOrigin } from '../../../src/domain/edge-type';
import { NODE_KINDS } from '../../../src/domain/node-kind';
import { ProjectionBuilder, type GraphProjection } from '../../../src/projection/graph-projection';
import { HUB_DEGREE, HubIndex } from '../../../src/projection/hub-index';
import { selectByWalks, selectMap, selectOverHubs } from '../../../src/projection/map-selection';

/*
 * A map of every kind over every edge type is found without walking hubs; it must be the map
 * that walking every kept node gives: the same nodes in the same order, the same hidden
 * neighbour counts and the same edges in the same order. Random graphs where a few nodes have
 * hundreds of edges (hubs), with parallel edges of several types and a few self-loops.
 */

function randomGraph(seed: string): Promise<GraphProjection> {
  const random = seedrandom(seed);
  const builder = new ProjectionBuilder();
  const count = 300 + Math.floor(random() * 300);
  const ids = Array.from({ length: count }, (_, n) => `${NODE_KINDS[n % NODE_KINDS.length]!.toLowerCase()}:n-${n}`);
  ids.forEach((id, n) => builder.addNode(id, NODE_KINDS[n % NODE_KINDS.length]!, id));
  const hubs = Array.from({ length: 8 }, () => ids[Math.floor(random() * count)]!);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const edge = (source: string, target: string) =>
    builder.addEdge(source, target, pick(EDGE_TYPES), 1, random() < 0.5 ? EdgeOrigin.ASSERTED : EdgeOrigin.INFERRED, null);
  for (const id of ids) {
    for (let i = Math.floor(random() * 6); i > 0; i--) edge(id, random() < 0.6 ? pick(hubs) : pick(ids));
    if (random() < 0.02) edge(id, id);
  }
  for (const hub of hubs) for (let i = Math.floor(random() * 8); i > 0; i--) edge(hub, pick(hubs));
  return builder.build(1);
}

describe('a map found over hubs', () => {
  it.each([1, 2, 3, 4, 5, 6])('is the map walking gives (graph %i)', async (seed) => {
    const graph = await randomGraph(`map-${seed}`);
    const hubs = new HubIndex(graph);
    const hubCount = graph.ids.filter((_, node) => hubs.isHub(node)).length;
    expect(hubCount).toBeGreaterThanOrEqual(5);
    const random = seedrandom(`queries-${seed}`);
    for (let q = 0; q < 40; q++) {
      const center = q % 10 === 0 ? null : graph.ids[Math.floor(random() * graph.nodeCount)]!;
      const query = { center, depth: Math.floor(random() * 3), kinds: NODE_KINDS, types: [], limit: 1 + Math.floor(random() * 120) };
      expect(selectOverHubs(graph, query, hubs)).toEqual(selectByWalks(graph, query));
    }
  });

  it('walks for anything else: some kinds, some edge types, or more than two hops', async () => {
    const graph = await randomGraph('map-other');
    const hubs = new HubIndex(graph);
    const center = graph.ids.find((_, node) => graph.degree(node) > HUB_DEGREE)!;
    for (const query of [
      { center, depth: 2, kinds: NODE_KINDS.slice(0, 2), types: [], limit: 50 },
      { center, depth: 2, kinds: NODE_KINDS, types: EDGE_TYPES.slice(0, 3), limit: 50 },
      { center, depth: 3, kinds: NODE_KINDS, types: [], limit: 50 },
    ]) {
      expect(selectMap(graph, query, hubs)).toEqual(selectByWalks(graph, query));
    }
    expect(selectMap(graph, { center: 'essay:none', depth: 2, kinds: NODE_KINDS, types: [], limit: 5 }, hubs)).toEqual({
      kept: [],
      hidden: [],
      edges: [],
      truncated: false,
    });
  });
});
