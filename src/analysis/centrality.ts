import Graph from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { BOUNDS } from '../domain/bounds';
import { compareIds } from '../domain/compare-ids';
import { QueryTooComplexError } from '../domain/errors';
import type { NodeRecord } from '../domain/graph-records';
import type { NodeKind } from '../domain/node-kind';
import type { GraphReader } from '../domain/repositories';
import type { GraphStructure, ThinkingReader } from '../domain/thinking-reader';

export enum CentralityMetric {
  PAGERANK = 'PAGERANK',
  BETWEENNESS = 'BETWEENNESS',
  DEGREE = 'DEGREE',
}

export interface RankedNode {
  readonly node: NodeRecord;
  readonly score: number;
  /** 1 for the highest score. */
  readonly rank: number;
}

type Scores = ReadonlyMap<string, { kind: NodeKind; score: number }>;

/**
 * Centrality scores over the whole graph, computed once per metric and graph version: every
 * write (through any instance, a CLI or a script) raises the version, so no stale score is
 * served. One per process.
 */
export class CentralityCache {
  private version: number | null = null;
  private readonly scores = new Map<string, Promise<Scores>>();

  async rank(nodes: GraphReader, thinking: ThinkingReader, request: CentralityRequest): Promise<RankedNode[]> {
    const scores = await this.scoresFor(thinking, request.metric, request.weighted);
    const top = [...scores.entries()]
      .filter(([, entry]) => request.kinds.includes(entry.kind))
      .sort((a, b) => b[1].score - a[1].score || compareIds(a[0], b[0]))
      .slice(0, request.first);
    const records = await nodes.findNodes(top.map(([id]) => id));
    return top.flatMap(([, entry], index) => {
      const node = records[index];
      return node ? [{ node, score: round(entry.score), rank: index + 1 }] : [];
    });
  }

  private async scoresFor(thinking: ThinkingReader, metric: CentralityMetric, weighted: boolean): Promise<Scores> {
    const version = await thinking.readVersion();
    if (version !== this.version) {
      this.version = version;
      this.scores.clear();
    }
    const key = `${metric}:${weighted}`;
    let scores = this.scores.get(key);
    if (!scores) {
      scores = thinking.readStructure().then((structure) => computeCentrality(structure, metric, weighted));
      scores.catch(() => this.scores.delete(key));
      this.scores.set(key, scores);
    }
    return scores;
  }
}

export interface CentralityRequest {
  readonly metric: CentralityMetric;
  /** Betweenness only: shortest paths by distance 1 / weight instead of hop count. */
  readonly weighted: boolean;
  readonly kinds: readonly NodeKind[];
  readonly first: number;
}

/**
 * PageRank follows edge direction and weight (a strength). Betweenness counts hops unless
 * `weighted`, where a step costs 1 / weight, so strong ties are short. Degree counts edges.
 */
export function computeCentrality(structure: GraphStructure, metric: CentralityMetric, weighted = false): Scores {
  if (metric === CentralityMetric.BETWEENNESS && structure.nodes.length > BOUNDS.betweennessMaxNodes) {
    throw new QueryTooComplexError(
      `Betweenness over ${structure.nodes.length} nodes is too costly (limit ${BOUNDS.betweennessMaxNodes}); use PAGERANK or DEGREE.`,
    );
  }
  const graph = new Graph({ type: metric === CentralityMetric.PAGERANK ? 'directed' : 'undirected', multi: true });
  const sortedNodes = [...structure.nodes].sort((a, b) => compareIds(a.id, b.id));
  for (const node of sortedNodes) graph.addNode(node.id, { kind: node.kind });
  for (const edge of structure.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  }
  const values: Record<string, number> =
    metric === CentralityMetric.PAGERANK
      ? pagerank(graph, { getEdgeWeight: 'weight' })
      : metric === CentralityMetric.BETWEENNESS
        ? betweenness(graph, { normalized: true, getEdgeWeight: weighted ? inverseWeight : null })
        : Object.fromEntries(graph.mapNodes((id) => [id, graph.degree(id)]));
  return new Map(sortedNodes.map((node) => [node.id, { kind: node.kind, score: values[node.id] ?? 0 }]));
}

const inverseWeight = (_edge: string, attributes: { weight?: number }): number => 1 / Math.max(attributes.weight ?? 1, 1e-6);

const round = (value: number): number => Math.round(value * 1e6) / 1e6;
