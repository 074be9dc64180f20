import Graph from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { BOUNDS } from '../domain/bounds';
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
 * Centrality scores over the whole graph, computed once per metric and kept until the graph's
 * fingerprint (its node and relationship counts) changes. One per process.
 */
export class CentralityCache {
  private fingerprint: string | null = null;
  private readonly scores = new Map<CentralityMetric, Promise<Scores>>();

  /** Drops the scores: called after this process's own writes, which may keep the counts. */
  invalidate(): void {
    this.fingerprint = null;
    this.scores.clear();
  }

  async rank(
    nodes: GraphReader,
    thinking: ThinkingReader,
    metric: CentralityMetric,
    kinds: readonly NodeKind[],
    first: number,
  ): Promise<RankedNode[]> {
    const scores = await this.scoresFor(thinking, metric);
    const top = [...scores.entries()]
      .filter(([, entry]) => kinds.includes(entry.kind))
      .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
      .slice(0, first);
    const records = await nodes.findNodes(top.map(([id]) => id));
    return top.flatMap(([, entry], index) => {
      const node = records[index];
      return node ? [{ node, score: round(entry.score), rank: index + 1 }] : [];
    });
  }

  private async scoresFor(thinking: ThinkingReader, metric: CentralityMetric): Promise<Scores> {
    const fingerprint = await thinking.readFingerprint();
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.scores.clear();
    }
    let scores = this.scores.get(metric);
    if (!scores) {
      scores = thinking.readStructure().then((structure) => computeCentrality(structure, metric));
      scores.catch(() => this.scores.delete(metric));
      this.scores.set(metric, scores);
    }
    return scores;
  }
}

export function computeCentrality(structure: GraphStructure, metric: CentralityMetric): Scores {
  if (metric === CentralityMetric.BETWEENNESS && structure.nodes.length > BOUNDS.betweennessMaxNodes) {
    throw new QueryTooComplexError(
      `Betweenness over ${structure.nodes.length} nodes is too costly (limit ${BOUNDS.betweennessMaxNodes}); use PAGERANK or DEGREE.`,
    );
  }
  const graph = new Graph({ type: metric === CentralityMetric.PAGERANK ? 'directed' : 'undirected', multi: true });
  const sortedNodes = [...structure.nodes].sort((a, b) => a.id.localeCompare(b.id));
  for (const node of sortedNodes) graph.addNode(node.id, { kind: node.kind });
  for (const edge of structure.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  }
  const values: Record<string, number> =
    metric === CentralityMetric.PAGERANK
      ? pagerank(graph, { getEdgeWeight: 'weight' })
      : metric === CentralityMetric.BETWEENNESS
        ? betweenness(graph, { normalized: true })
        : Object.fromEntries(graph.mapNodes((id) => [id, graph.degree(id)]));
  return new Map(sortedNodes.map((node) => [node.id, { kind: node.kind, score: values[node.id] ?? 0 }]));
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;
