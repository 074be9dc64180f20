import { EdgeType } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
import type { PrinciplePair } from '../domain/thinking-reader';
import type { GraphProjection } from './graph-projection';

/** Direct principle-to-principle edges that a pair reports. */
const LINK_TYPES: ReadonlySet<EdgeType> = new Set([EdgeType.SUPPORTS, EdgeType.IN_TENSION_WITH, EdgeType.LEADS_TO]);

/** Every principle pair that shares an essay or is joined directly, once per graph version. */
export interface PrinciplePairIndex {
  readonly essays: number;
  /** Shared essays in id order, all of them. */
  readonly pairs: readonly PrinciplePair[];
}

interface PairCounts {
  shared: string[];
  direct: Set<EdgeType>;
}

/**
 * One pass over the essays (each essay's principles, pairwise) and one over the principles'
 * direct edges. Essays are visited in id order, so each pair's shared essays come sorted as
 * Cypher's ORDER BY e.id sorts them.
 */
export function analysePrinciplePairs(graph: GraphProjection): PrinciplePairIndex {
  const pairs = new Map<number, PairCounts>();
  const pairOf = (a: number, b: number): PairCounts => {
    const key = Math.min(a, b) * graph.nodeCount + Math.max(a, b);
    let counts = pairs.get(key);
    if (!counts) pairs.set(key, (counts = { shared: [], direct: new Set() }));
    return counts;
  };
  const essaysOf = new Map<number, number>();
  for (let essay = 0; essay < graph.nodeCount; essay++) {
    if (graph.kindOf(essay) !== NodeKind.ESSAY) continue;
    const principles = articulated(graph, essay);
    for (const principle of principles) essaysOf.set(principle, (essaysOf.get(principle) ?? 0) + 1);
    for (let i = 0; i < principles.length; i++) {
      for (let j = i + 1; j < principles.length; j++) pairOf(principles[i]!, principles[j]!).shared.push(graph.ids[essay]!);
    }
  }
  for (let edge = 0; edge < graph.edgeCount; edge++) {
    const [a, b] = [graph.source[edge]!, graph.target[edge]!];
    if (a === b || !LINK_TYPES.has(graph.typeOf(edge))) continue;
    if (graph.kindOf(a) === NodeKind.PRINCIPLE && graph.kindOf(b) === NodeKind.PRINCIPLE) pairOf(a, b).direct.add(graph.typeOf(edge));
  }
  const result: PrinciplePair[] = [];
  for (const [key, counts] of pairs) {
    // Node indices follow the ids' code-point order, as Cypher's `p.id < q.id` does.
    const [a, b] = [Math.floor(key / graph.nodeCount), key % graph.nodeCount];
    result.push({
      a: graph.ids[a]!,
      b: graph.ids[b]!,
      shared: counts.shared.length,
      sharedEssays: counts.shared,
      aEssays: essaysOf.get(a) ?? 0,
      bEssays: essaysOf.get(b) ?? 0,
      direct: [...counts.direct].sort(),
    });
  }
  return { essays: graph.population.get(NodeKind.ESSAY) ?? 0, pairs: result };
}

/** The distinct principles an essay articulates, in index (id) order. */
function articulated(graph: GraphProjection, essay: number): number[] {
  const principles = new Set<number>();
  for (let i = graph.offset[essay]!; i < graph.offset[essay + 1]!; i++) {
    const edge = graph.incident[i]!;
    if (graph.typeOf(edge) === EdgeType.ARTICULATES && graph.source[edge] === essay) principles.add(graph.target[edge]!);
  }
  return [...principles].sort((x, y) => x - y);
}
