import { NODE_KINDS } from '../domain/node-kind';
import { forEachIncidence, type GraphProjection } from './graph-projection';

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
  private readonly walk: DistinctWalk;

  constructor(private readonly graph: GraphProjection) {
    this.distinct = new Int32Array(graph.nodeCount).fill(-1);
    this.walk = new DistinctWalk(graph);
  }

  isHub(node: number): boolean {
    return this.graph.degree(node) > HUB_DEGREE;
  }

  /** How many distinct nodes other than itself `node` has an edge to or from. */
  distinctNeighbours(node: number): number {
    if (this.distinct[node]! < 0) {
      let count = 0;
      this.walk.over(node, (_edge, neighbour, fresh) => {
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
      this.walk.over(hub, (_edge, neighbour, fresh) => {
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
      this.walk.over(hub, (edge, neighbour) => {
        if (graph.source[edge] === hub && this.isHub(neighbour)) found.push(edge);
      });
      edges = Uint32Array.from(found);
      this.hubEdges.set(hub, edges);
    }
    return edges;
  }
}

/**
 * The distinct nodes of a kind next to a node (the essays that share a principle), computed once
 * per version and kept: through a hub of 30,000 essays every request walked the same edges.
 * Holds at most two entries per edge for each kind asked (a few MB at 100k essays).
 */
export class SharerIndex {
  private readonly members = new Map<number, Uint32Array>();
  private readonly walk: DistinctWalk;

  constructor(private readonly graph: GraphProjection) {
    this.walk = new DistinctWalk(graph);
  }

  /** The nodes of kind `kindIndex` with an edge to `via`, ascending (scoring looks its few winners up in them). */
  of(via: number, kindIndex: number): Uint32Array {
    const key = via * NODE_KINDS.length + kindIndex;
    let members = this.members.get(key);
    if (!members) {
      const found: number[] = [];
      this.walk.over(via, (_edge, member, fresh) => {
        if (fresh && this.graph.kindIndexOf(member) === kindIndex) found.push(member);
      });
      members = Uint32Array.from(found).sort();
      this.members.set(key, members);
    }
    return members;
  }
}

/** Walks of a node's incidences that tell each neighbour's first meeting from the rest, on one scratch array of stamps. */
class DistinctWalk {
  private readonly stamps: Uint32Array;
  private stamp = 0;

  constructor(private readonly graph: GraphProjection) {
    this.stamps = new Uint32Array(graph.nodeCount);
  }

  /** Each incidence of `node` with its neighbour, and whether this walk meets that neighbour for the first time. */
  over(node: number, visit: (edge: number, neighbour: number, fresh: boolean) => void): void {
    const stamps = this.stamps;
    const stamp = ++this.stamp;
    forEachIncidence(this.graph, node, (edge, neighbour) => {
      const fresh = stamps[neighbour] !== stamp;
      stamps[neighbour] = stamp;
      visit(edge, neighbour, fresh);
    });
  }
}
