import type { EdgeType } from './edge-type';

/**
 * The contract between path finding and whatever holds the topology: the in-memory projection
 * (typed arrays, integer indices) or a small graph read from Cypher. Nodes and edges are dense
 * integer indices so that the search allocates nothing per step.
 *
 * `forEachStep` applies the request's filters (edge types, direction, avoided nodes) itself: a
 * step it reports is one the path may take. Steps come in a deterministic order.
 */
export interface PathGraph {
  readonly nodeCount: number;
  /** Calls `visit` for each step out of `node`: the node it reaches, the edge, and whether the step walks the edge from its source to its target. */
  forEachStep(node: number, visit: (to: number, edge: number, forward: boolean) => void): void;
  /**
   * Optional: the steps that end at `node`, under the same filters (`from` is where the step
   * starts, `forward` as in `forEachStep`). When given, path searches measure distances to the
   * target and look only where a path of at most maxHops can still reach it.
   */
  forEachStepInto?(node: number, visit: (from: number, edge: number, forward: boolean) => void): void;
  /** Relationships of any type and direction at the node, over the whole graph (hubs have many). */
  degree(node: number): number;
  edgeType(edge: number): EdgeType;
  /** 0..1, default 1. */
  edgeWeight(edge: number): number;
  /** The node's stable id (`role:engineer`), for deterministic tie-breaks. */
  nodeId(node: number): string;
}

/** A simple path: `edges[i]` joins `nodes[i]` and `nodes[i + 1]`; `forward[i]` as in `forEachStep`. */
export interface IndexedPath {
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  readonly forward: readonly boolean[];
}
