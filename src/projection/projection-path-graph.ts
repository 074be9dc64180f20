import type { EdgeType } from '../domain/edge-type';
import type { PathGraph } from '../domain/path-graph';
import { Direction } from '../domain/repositories';
import type { PathQuery } from '../domain/thinking-reader';
import { typeFilter, type GraphProjection } from './graph-projection';

/**
 * The projection seen through the path-finding contract, with one request's filters (edge
 * types, direction, avoided nodes) applied at each step. Walks the CSR incidence lists in place:
 * nothing is copied per request but the avoid marks.
 */
export class ProjectionPathGraph implements PathGraph {
  readonly nodeCount: number;
  private readonly allowed: (edge: number) => boolean;
  private readonly avoided: Uint8Array;

  constructor(
    private readonly graph: GraphProjection,
    private readonly query: Pick<PathQuery, 'types' | 'direction' | 'avoid'>,
  ) {
    this.nodeCount = graph.nodeCount;
    this.allowed = typeFilter(graph, query.types);
    this.avoided = new Uint8Array(graph.nodeCount);
    for (const id of query.avoid) {
      const node = graph.indexOf(id);
      if (node !== undefined) this.avoided[node] = 1;
    }
  }

  forEachStep(node: number, visit: (to: number, edge: number, forward: boolean) => void): void {
    this.forEachIncident(node, (edge, other, outward) => {
      if (this.avoided[other] === 0) visit(other, edge, outward);
    });
  }

  forEachStepInto(node: number, visit: (from: number, edge: number, forward: boolean) => void): void {
    if (this.avoided[node] === 1) return;
    // A step from `other` into `node` walks the edge forward when `other` is its source.
    this.forEachIncident(
      node,
      (edge, other, outward) => {
        if (this.avoided[other] === 0 && this.directionAllows(!outward)) visit(other, edge, !outward);
      },
      true,
    );
  }

  degree(node: number): number {
    return this.graph.degree(node);
  }

  edgeType(edge: number): EdgeType {
    return this.graph.typeOf(edge);
  }

  edgeWeight(edge: number): number {
    return this.graph.weight[edge]!;
  }

  nodeId(node: number): string {
    return this.graph.ids[node]!;
  }

  /** Each allowed edge at `node`, its other end, and whether it leaves `node` (node is its source). */
  private forEachIncident(node: number, visit: (edge: number, other: number, outward: boolean) => void, anyDirection = false): void {
    const graph = this.graph;
    for (let i = graph.offset[node]!; i < graph.offset[node + 1]!; i++) {
      const edge = graph.incident[i]!;
      if (!this.allowed(edge)) continue;
      const outward = graph.source[edge] === node;
      const other = outward ? graph.target[edge]! : graph.source[edge]!;
      if (other === node) continue;
      if (anyDirection || this.directionAllows(outward)) visit(edge, other, outward);
    }
  }

  private directionAllows(forward: boolean): boolean {
    return this.query.direction === Direction.ANY || (this.query.direction === Direction.OUTGOING) === forward;
  }
}
