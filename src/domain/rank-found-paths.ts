import { compareCodeUnits } from './compare-ids';
import { EdgeListPathGraph, type ListedEdge, type ListedNode } from './edge-list-path-graph';
import type { EdgeRecord, NodeRecord } from './graph-records';
import type { IndexedPath } from './path-graph';
import { comparePaths, describeRank, explainPath } from './path-ranking';
import { Direction } from './repositories';
import type { FoundPath } from './thinking-reader';

export interface RankedPath {
  readonly nodes: readonly NodeRecord[];
  readonly edges: readonly EdgeRecord[];
  /** `forward[i]`: the path walks `edges[i]` from its source to its target. */
  readonly forward: readonly boolean[];
  /** 0..1, see path-ranking.ts: 1 for a direct edge, less through hubs and turns. */
  readonly score: number;
  /** The score in one line: "2 steps through Engineering Leader (degree 16), read in one direction". */
  readonly why: string;
}

/**
 * The first k of `found` in the order of path-ranking.ts, each with its score and why. The
 * paths are ranked over the small graph they make up together; a node's degree is the one
 * its record carries (over the whole graph), so any reader's candidates rank alike.
 */
export function rankFoundPaths(found: readonly FoundPath[], k: number): RankedPath[] {
  const nodeRecords = new Map(found.flatMap((path) => path.nodes.map((node) => [node.id, node] as const)));
  const edgeRecords = new Map(found.flatMap((path) => path.edges.map((edge) => [edgeKey(edge), edge] as const)));
  const nodes: ListedNode[] = [...nodeRecords.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
  const edges: ListedEdge[] = [...edgeRecords.values()].sort((a, b) => compareCodeUnits(edgeKey(a), edgeKey(b)));
  const graph = new EdgeListPathGraph(nodes, edges, { types: [], direction: Direction.ANY, avoid: [] });
  const edgeIndex = new Map(edges.map((edge, index) => [edgeKey(edge), index]));
  const unique = new Map<string, IndexedPath>();
  for (const path of found) {
    const indexed = toIndexedPath(graph, edgeIndex, path);
    if (new Set(indexed.nodes).size === indexed.nodes.length) unique.set(`${indexed.nodes.join(',')}|${indexed.edges.join(',')}`, indexed);
  }
  const ranked = [...unique.values()].sort((a, b) => comparePaths(graph, a, b)).slice(0, k);
  return ranked.map((path) => {
    const explanation = explainPath(graph, path);
    return {
      nodes: path.nodes.map((node) => nodeRecords.get(graph.nodeId(node))!),
      edges: path.edges.map((edge) => edgeRecords.get(edgeKey(graph.edgeAt(edge)))!),
      forward: path.forward,
      score: Math.round(explanation.score * 10000) / 10000,
      why: describeRank(explanation, path.edges.length, (node) => nodeRecords.get(graph.nodeId(node))!.label),
    };
  });
}

function toIndexedPath(graph: EdgeListPathGraph, edgeIndex: ReadonlyMap<string, number>, path: FoundPath): IndexedPath {
  return {
    nodes: path.nodes.map((node) => graph.indexOf(node.id)),
    edges: path.edges.map((edge) => edgeIndex.get(edgeKey(edge))!),
    forward: path.edges.map((edge, step) => edge.source === path.nodes[step]!.id),
  };
}

const edgeKey = (edge: ListedEdge): string => `${edge.source}|${edge.type}|${edge.target}`;
