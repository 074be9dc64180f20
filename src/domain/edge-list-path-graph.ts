import type { EdgeType } from './edge-type';
import type { PathGraph } from './path-graph';
import { Direction } from './repositories';

export interface ListedNode {
  readonly id: string;
  /** Relationships at the node over the whole graph, not only the listed ones. */
  readonly degree: number;
}

export interface ListedEdge {
  readonly type: EdgeType;
  readonly source: string;
  readonly target: string;
  readonly weight: number;
}

export interface StepFilter {
  /** Empty: any type. */
  readonly types: readonly EdgeType[];
  readonly direction: Direction;
  readonly avoid: readonly string[];
}

/**
 * A PathGraph over plain node and edge lists (a neighbourhood read from Cypher, a test's small
 * world), with the request's filters applied as the contract asks. Node indices follow the
 * order of `nodes`, edge indices that of `edges`; adjacency is held in typed arrays.
 */
export class EdgeListPathGraph implements PathGraph {
  readonly nodeCount: number;
  private readonly index = new Map<string, number>();
  private readonly sources: Int32Array;
  private readonly targets: Int32Array;
  private readonly outgoing: Adjacency;
  private readonly incoming: Adjacency;
  private readonly avoided: Uint8Array;

  constructor(
    private readonly nodes: readonly ListedNode[],
    private readonly edges: readonly ListedEdge[],
    private readonly filter: StepFilter,
  ) {
    this.nodeCount = nodes.length;
    nodes.forEach((node, i) => this.index.set(node.id, i));
    this.sources = Int32Array.from(edges, (edge) => this.indexOf(edge.source));
    this.targets = Int32Array.from(edges, (edge) => this.indexOf(edge.target));
    const kept = edges.map((edge, i) => this.sources[i]! >= 0 && this.targets[i]! >= 0 && (filter.types.length === 0 || filter.types.includes(edge.type)));
    this.outgoing = buildAdjacency(nodes.length, this.sources, kept);
    this.incoming = buildAdjacency(nodes.length, this.targets, kept);
    this.avoided = new Uint8Array(nodes.length);
    for (const id of filter.avoid) if (this.index.has(id)) this.avoided[this.index.get(id)!] = 1;
  }

  /** The node's index, or -1 when it is not in the lists. */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  forEachStep(node: number, visit: (to: number, edge: number, forward: boolean) => void): void {
    if (this.filter.direction !== Direction.INCOMING) this.walk(this.outgoing, this.targets, node, true, visit);
    if (this.filter.direction !== Direction.OUTGOING) this.walk(this.incoming, this.sources, node, false, visit);
  }

  forEachStepInto(node: number, visit: (from: number, edge: number, forward: boolean) => void): void {
    if (this.avoided[node] === 1) return;
    // A step into `node` along an edge it is the target of walks that edge forwards.
    if (this.filter.direction !== Direction.INCOMING) this.walkFrom(this.incoming, this.sources, node, true, visit);
    if (this.filter.direction !== Direction.OUTGOING) this.walkFrom(this.outgoing, this.targets, node, false, visit);
  }

  degree(node: number): number {
    return this.nodes[node]!.degree;
  }

  edgeType(edge: number): EdgeType {
    return this.edges[edge]!.type;
  }

  edgeWeight(edge: number): number {
    return this.edges[edge]!.weight;
  }

  nodeId(node: number): string {
    return this.nodes[node]!.id;
  }

  edgeAt(edge: number): ListedEdge {
    return this.edges[edge]!;
  }

  private walk(adjacency: Adjacency, ends: Int32Array, node: number, forward: boolean, visit: (to: number, edge: number, forward: boolean) => void): void {
    for (let i = adjacency.offsets[node]!; i < adjacency.offsets[node + 1]!; i += 1) {
      const edge = adjacency.edges[i]!;
      const to = ends[edge]!;
      if (this.avoided[to] === 0) visit(to, edge, forward);
    }
  }

  private walkFrom(
    adjacency: Adjacency,
    ends: Int32Array,
    node: number,
    forward: boolean,
    visit: (from: number, edge: number, forward: boolean) => void,
  ): void {
    for (let i = adjacency.offsets[node]!; i < adjacency.offsets[node + 1]!; i += 1) {
      const edge = adjacency.edges[i]!;
      const from = ends[edge]!;
      if (this.avoided[from] === 0) visit(from, edge, forward);
    }
  }
}

interface Adjacency {
  readonly offsets: Int32Array;
  readonly edges: Int32Array;
}

/** Compressed rows: the kept edges at each node (by `ends`), in edge order. */
function buildAdjacency(nodeCount: number, ends: Int32Array, kept: readonly boolean[]): Adjacency {
  const offsets = new Int32Array(nodeCount + 1);
  ends.forEach((node, edge) => {
    if (kept[edge]) offsets[node + 1]! += 1;
  });
  for (let i = 0; i < nodeCount; i += 1) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, nodeCount);
  const edges = new Int32Array(offsets[nodeCount]!);
  ends.forEach((node, edge) => {
    if (kept[edge]) edges[fill[node]!++] = edge;
  });
  return { offsets, edges };
}
