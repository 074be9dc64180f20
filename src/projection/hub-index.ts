import type { GraphProjection } from './graph-projection';

/** A node with more edges than this is a hub: its edges are walked once per version, never per request. */
export const HUB_DEGREE = 64;

/**
 * What maps ask of hubs, worked out once per version and kept: a hub's distinct neighbours, its
 * distinct hub neighbours, and its edges to hubs. At 100k essays the 500 most connected nodes a
 * map keeps are hubs of thousands to tens of thousands of edges each, and walking them all on
 * every request was most of a map's cost. Holds a few entries per hub-to-hub edge, and one
 * number per node.
 */
export class HubIndex {
  private readonly distinct: Int32Array;
  private readonly hubNeighbours = new Map<number, Uint32Array>();
  private readonly hubEdges = new Map<number, Uint32Array>();
  private readonly stamps: Uint32Array;
  private stamp = 0;

  constructor(private readonly graph: GraphProjection) {
    this.distinct = new Int32Array(graph.nodeCount).fill(-1);
    this.stamps = new Uint32Array(graph.nodeCount);
  }

  isHub(node: number): boolean {
    return this.graph.degree(node) > HUB_DEGREE;
  }

  /** How many distinct nodes other than itself `node` has an edge to or from. */
  distinctNeighbours(node: number): number {
    if (this.distinct[node]! < 0) {
      let count = 0;
      this.walk(node, (_edge, neighbour, fresh) => {
        if (fresh && neighbour !== node) count += 1;
      });
      this.distinct[node] = count;
    }
    return this.distinct[node]!;
  }

  /** The hubs other than itself that `hub` has an edge to or from, each once. */
  hubNeighboursOf(hub: number): Uint32Array {
    let neighbours = this.hubNeighbours.get(hub);
    if (!neighbours) {
      const found: number[] = [];
      this.walk(hub, (_edge, neighbour, fresh) => {
        if (fresh && neighbour !== hub && this.isHub(neighbour)) found.push(neighbour);
      });
      neighbours = Uint32Array.from(found);
      this.hubNeighbours.set(hub, neighbours);
    }
    return neighbours;
  }

  /** The edges `hub` is the source of whose target is a hub, in its incidence order (a self-loop twice, as it is listed). */
  hubEdgesFrom(hub: number): Uint32Array {
    let edges = this.hubEdges.get(hub);
    if (!edges) {
      const graph = this.graph;
      const found: number[] = [];
      this.walk(hub, (edge, neighbour) => {
        if (graph.source[edge] === hub && this.isHub(neighbour)) found.push(edge);
      });
      edges = Uint32Array.from(found);
      this.hubEdges.set(hub, edges);
    }
    return edges;
  }

  /** Each incidence of `node` with its neighbour, and whether this walk meets that neighbour for the first time. */
  private walk(node: number, visit: (edge: number, neighbour: number, fresh: boolean) => void): void {
    const graph = this.graph;
    const stamps = this.stamps;
    const stamp = ++this.stamp;
    for (let i = graph.offset[node]!; i < graph.offset[node + 1]!; i++) {
      const edge = graph.incident[i]!;
      const neighbour = graph.other(edge, node);
      const fresh = stamps[neighbour] !== stamp;
      stamps[neighbour] = stamp;
      visit(edge, neighbour, fresh);
    }
  }
}
