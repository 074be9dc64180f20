import { EdgeListPathGraph, type ListedEdge } from '../../../src/domain/edge-list-path-graph';
import { EdgeType } from '../../../src/domain/edge-type';
import { findShortestSimplePaths } from '../../../src/domain/k-shortest-paths';
import type { IndexedPath } from '../../../src/domain/path-graph';
import { describeRank, explainPath } from '../../../src/domain/path-ranking';
import { rankFoundPaths } from '../../../src/domain/rank-found-paths';
import { Direction } from '../../../src/domain/repositories';
import { NodeKind } from '../../../src/domain/node-kind';
import type { EdgeRecord, NodeRecord } from '../../../src/domain/graph-records';
import { EdgeOrigin } from '../../../src/domain/edge-type';

/*
 * A small named world: a career ladder, a capability every role requires, and a hub (the
 * essay) that touches everything, with whole-graph degrees as the seed has them.
 */
const { GROWS_INTO, REQUIRES, ADDRESSES, LEADS_TO, PART_OF } = EdgeType;
const DEGREES: Record<string, number> = {
  'role:engineer': 9,
  'role:engineering-leader': 16,
  'role:ctpo': 11,
  'concept:technical-depth': 7,
  'essay:engineer-to-ctpo': 28,
  'concept:structure': 6,
  'concept:culture': 7,
  'concept:systems': 5,
};
const LABELS: Record<string, string> = {
  'role:engineer': 'Engineer',
  'role:engineering-leader': 'Engineering Leader',
  'role:ctpo': 'CTPO',
  'concept:technical-depth': 'Technical Depth',
  'essay:engineer-to-ctpo': 'From Engineer to CTPO',
  'concept:structure': 'Structure',
  'concept:culture': 'Culture',
  'concept:systems': 'Systems',
};
const edge = (source: string, type: EdgeType, target: string, weight = 1): ListedEdge => ({ source, type, target, weight });
const EDGES: ListedEdge[] = [
  edge('role:engineer', GROWS_INTO, 'role:engineering-leader'),
  edge('role:engineering-leader', GROWS_INTO, 'role:ctpo'),
  edge('role:engineer', REQUIRES, 'concept:technical-depth'),
  edge('role:engineering-leader', REQUIRES, 'concept:technical-depth'),
  edge('role:ctpo', REQUIRES, 'concept:technical-depth'),
  ...['role:engineer', 'role:engineering-leader', 'role:ctpo', 'concept:structure', 'concept:culture'].map((to) =>
    edge('essay:engineer-to-ctpo', to === 'concept:structure' || to === 'concept:culture' ? EdgeType.DISCUSSES : ADDRESSES, to),
  ),
  edge('concept:structure', LEADS_TO, 'concept:culture'),
  edge('concept:structure', PART_OF, 'concept:systems', 0.8),
];

function worldGraph(direction = Direction.ANY, types: EdgeType[] = [], avoid: string[] = []): EdgeListPathGraph {
  const nodes = Object.keys(DEGREES).map((id) => ({ id, degree: DEGREES[id]! }));
  return new EdgeListPathGraph(nodes, EDGES, { types, direction, avoid });
}

function paths(graph: EdgeListPathGraph, from: string, to: string, k: number, maxHops = 6): string[] {
  return findShortestSimplePaths(graph, graph.indexOf(from), graph.indexOf(to), { k, maxHops }).map((path) => spell(graph, path));
}

/** "role:engineer -GROWS_INTO-> role:engineering-leader <-REQUIRES- …" */
function spell(graph: EdgeListPathGraph, path: IndexedPath): string {
  return path.nodes
    .map((node, i) => {
      if (i === 0) return graph.nodeId(node);
      const type = graph.edgeType(path.edges[i - 1]!);
      return path.forward[i - 1] ? `-${type}-> ${graph.nodeId(node)}` : `<-${type}- ${graph.nodeId(node)}`;
    })
    .join(' ');
}

describe('k shortest simple paths on a small named world', () => {
  it('puts the career ladder first: one direction through a role beats a turn through a capability or the hub', () => {
    expect(paths(worldGraph(), 'role:engineer', 'role:ctpo', 4)).toEqual([
      'role:engineer -GROWS_INTO-> role:engineering-leader -GROWS_INTO-> role:ctpo',
      'role:engineer -REQUIRES-> concept:technical-depth <-REQUIRES- role:ctpo',
      'role:engineer <-ADDRESSES- essay:engineer-to-ctpo -ADDRESSES-> role:ctpo',
      'role:engineer -GROWS_INTO-> role:engineering-leader -REQUIRES-> concept:technical-depth <-REQUIRES- role:ctpo',
    ]);
  });

  it('goes on to longer paths when the shortest length has fewer than k, never visiting a node twice', () => {
    expect(paths(worldGraph(), 'concept:structure', 'concept:culture', 10)).toEqual([
      'concept:structure -LEADS_TO-> concept:culture',
      'concept:structure <-DISCUSSES- essay:engineer-to-ctpo -DISCUSSES-> concept:culture',
    ]);
  });

  it('follows the request’s direction and edge types, and goes around avoided nodes', () => {
    expect(paths(worldGraph(Direction.INCOMING), 'role:ctpo', 'role:engineer', 3)).toEqual([
      'role:ctpo <-GROWS_INTO- role:engineering-leader <-GROWS_INTO- role:engineer',
    ]);
    expect(paths(worldGraph(Direction.OUTGOING), 'role:ctpo', 'role:engineer', 3)).toEqual([]);
    expect(paths(worldGraph(Direction.ANY, [REQUIRES]), 'role:engineer', 'role:ctpo', 3)).toEqual([
      'role:engineer -REQUIRES-> concept:technical-depth <-REQUIRES- role:ctpo',
    ]);
    expect(paths(worldGraph(Direction.ANY, [], ['role:engineering-leader', 'concept:technical-depth']), 'role:engineer', 'role:ctpo', 3)).toEqual([
      'role:engineer <-ADDRESSES- essay:engineer-to-ctpo -ADDRESSES-> role:ctpo',
    ]);
  });

  it('answers nothing when every path is longer than maxHops, and the path once maxHops allows it', () => {
    expect(paths(worldGraph(), 'role:engineer', 'concept:systems', 5, 2)).toEqual([]);
    expect(paths(worldGraph(), 'role:engineer', 'concept:systems', 1, 3)).toEqual([
      'role:engineer <-ADDRESSES- essay:engineer-to-ctpo -DISCUSSES-> concept:structure -PART_OF-> concept:systems',
    ]);
  });
});

describe('ranking a path', () => {
  it('scores 1 for a direct edge, degree^-0.5 per node passed, halved per turn, and says why', () => {
    const graph = worldGraph();
    const [ladder, capability, hub] = findShortestSimplePaths(graph, graph.indexOf('role:engineer'), graph.indexOf('role:ctpo'), { k: 3, maxHops: 2 });
    const [direct] = findShortestSimplePaths(graph, graph.indexOf('concept:structure'), graph.indexOf('concept:culture'), { k: 1, maxHops: 2 });
    const label = (node: number) => LABELS[graph.nodeId(node)]!;
    const read = (path: IndexedPath) => {
      const explanation = explainPath(graph, path);
      return { score: Number(explanation.score.toFixed(4)), why: describeRank(explanation, path.edges.length, label) };
    };
    expect([ladder, capability, hub, direct].map((path) => read(path!))).toEqual([
      { score: 0.25, why: '2 steps through Engineering Leader (degree 16), read in one direction' },
      { score: 0.189, why: '2 steps through Technical Depth (degree 7), changing direction once' },
      { score: 0.0945, why: '2 steps through From Engineer to CTPO (degree 28), changing direction once' },
      { score: 1, why: '1 step directly, read in one direction' },
    ]);
  });

  it('ranks paths read from any reader by the same order, dropping walks and duplicates', () => {
    const node = (id: string): NodeRecord => ({ id, kind: NodeKind.ROLE, slug: id.split(':')[1]!, label: LABELS[id]!, degree: DEGREES[id]!, properties: {} });
    const record = (source: string, type: EdgeType, target: string): EdgeRecord => ({
      source,
      type,
      target,
      weight: 1,
      note: null,
      origin: EdgeOrigin.ASSERTED,
      properties: {},
    });
    const viaDepth = {
      nodes: ['role:engineer', 'concept:technical-depth', 'role:ctpo'].map(node),
      edges: [record('role:engineer', REQUIRES, 'concept:technical-depth'), record('role:ctpo', REQUIRES, 'concept:technical-depth')],
    };
    const ladder = {
      nodes: ['role:engineer', 'role:engineering-leader', 'role:ctpo'].map(node),
      edges: [record('role:engineer', GROWS_INTO, 'role:engineering-leader'), record('role:engineering-leader', GROWS_INTO, 'role:ctpo')],
    };
    const walk = {
      nodes: ['role:engineer', 'concept:technical-depth', 'role:engineer', 'role:engineering-leader', 'role:ctpo'].map(node),
      edges: [record('role:engineer', REQUIRES, 'concept:technical-depth'), record('role:engineer', REQUIRES, 'concept:technical-depth'), ...ladder.edges],
    };
    const ranked = rankFoundPaths([viaDepth, walk, ladder, viaDepth], 5);
    expect(ranked.map(({ nodes, forward, score, why }) => ({ ids: nodes.map((n) => n.id), forward, score, why }))).toEqual([
      {
        ids: ['role:engineer', 'role:engineering-leader', 'role:ctpo'],
        forward: [true, true],
        score: 0.25,
        why: '2 steps through Engineering Leader (degree 16), read in one direction',
      },
      {
        ids: ['role:engineer', 'concept:technical-depth', 'role:ctpo'],
        forward: [true, false],
        score: 0.189,
        why: '2 steps through Technical Depth (degree 7), changing direction once',
      },
    ]);
  });
});
