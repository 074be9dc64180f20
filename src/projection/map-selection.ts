import { NODE_KINDS, type NodeKind } from '../domain/node-kind';
import type { SubgraphQuery } from '../domain/thinking-reader';
import { forEachIncidence, typeFilter, type GraphProjection } from './graph-projection';
import type { HubIndex } from './hub-index';

/** A map's nodes (most connected first, the center first), how many neighbours each hides, and its edges. */
export interface MapSelection {
  readonly kept: readonly number[];
  /** For each kept node: its neighbours that expanding it would add (distinct, of the request's kinds, over its edge types, not on the map). */
  readonly hidden: readonly number[];
  /** The edges between kept nodes, over the request's types: by the source's place in `kept`, then in edge order. */
  readonly edges: readonly number[];
  readonly truncated: boolean;
}

/**
 * The map a query asks for. A map of every kind over every edge type, at most two hops from its
 * center (what the explorer and `conceptMap` ask by default), is found from the hubs' kept
 * summaries (`HubIndex`) and the small nodes' own edges; any other by walking every kept node's
 * edges. Both give the same map (a property test compares them on random graphs).
 */
export function selectMap(graph: GraphProjection, query: SubgraphQuery, hubs: HubIndex): MapSelection {
  const everything = query.types.length === 0 && NODE_KINDS.every((kind) => query.kinds.includes(kind));
  return everything && (query.center === null || query.depth <= 2) ? selectOverHubs(graph, query, hubs) : selectByWalks(graph, query);
}

/** The map by walking: every node within reach, then every kept node's edges. */
export function selectByWalks(graph: GraphProjection, query: SubgraphQuery): MapSelection {
  const kinds = kindMask(query.kinds);
  const types = typeFilter(graph, query.types);
  const center = query.center === null ? undefined : graph.indexOf(query.center);
  if (query.center !== null && center === undefined) return { kept: [], hidden: [], edges: [], truncated: false };
  const reached = center === undefined ? null : reachWithin(graph, center, query.depth, types);
  const selected = inConnectionOrder(graph, center, query.limit, (node) => kinds[graph.kindIndexOf(node)] === 1 && (reached === null || reached[node] === 1));
  const kept = selected.slice(0, query.limit);
  const inMap = new Uint8Array(graph.nodeCount);
  for (const node of kept) inMap[node] = 1;
  // One walk of each kept node's edges finds both its hidden neighbours and the map's edges it is the source of.
  const seen = new Uint32Array(graph.nodeCount);
  const edges: number[] = [];
  const hidden = kept.map((node) => walkMapNode(graph, node, inMap, kinds, types, seen, edges));
  return { kept, hidden, edges, truncated: selected.length > query.limit };
}

/**
 * The map of every kind over every edge type without walking a hub: a hub reached within two
 * hops is a hub next to the center or to one of its neighbours (the hubs' neighbour lists are
 * kept), and a small node is one with an edge to the center's neighbourhood (its own few edges
 * say). A kept hub hides its distinct neighbours (kept) less those on the map: the kept hubs
 * among its hub neighbours, and the kept small nodes that found it on their walks.
 */
export function selectOverHubs(graph: GraphProjection, query: SubgraphQuery, hubs: HubIndex): MapSelection {
  const center = query.center === null ? undefined : graph.indexOf(query.center);
  if (query.center !== null && center === undefined) return { kept: [], hidden: [], edges: [], truncated: false };
  let accept: (node: number) => boolean = () => true;
  if (center !== undefined) {
    const reached = new Uint8Array(graph.nodeCount);
    const near = new Uint8Array(graph.nodeCount);
    reached[center] = 1;
    const around: number[] = [];
    if (query.depth >= 1) {
      forEachIncidence(graph, center, (_edge, neighbour) => {
        if (reached[neighbour] === 1) return;
        reached[neighbour] = 1;
        near[neighbour] = 1;
        around.push(neighbour);
      });
    }
    if (query.depth >= 2) {
      for (const node of around) {
        if (hubs.isHub(node)) for (const hub of hubs.hubNeighboursOf(node)) reached[hub] = 1;
        else forEachIncidence(graph, node, (_edge, neighbour) => (reached[neighbour] = 1));
      }
    }
    const twoHops = query.depth >= 2;
    accept = (node) => reached[node] === 1 || (twoHops && !hubs.isHub(node) && someNeighbour(graph, node, (neighbour) => near[neighbour] === 1));
  }
  const selected = inConnectionOrder(graph, center, query.limit, accept);
  const kept = selected.slice(0, query.limit);
  const inMap = new Uint8Array(graph.nodeCount);
  const rank = new Int32Array(graph.nodeCount);
  kept.forEach((node, i) => {
    inMap[node] = 1;
    rank[node] = i;
  });

  const hidden = new Array<number>(kept.length).fill(0);
  const edges: number[] = [];
  // Kept small nodes walk their own edges, and tell each kept hub next to them that they are there.
  const smallOnMap = new Int32Array(graph.nodeCount);
  const seen = new Uint32Array(graph.nodeCount);
  kept.forEach((node, i) => {
    if (hubs.isHub(node)) return;
    const stamp = node + 1;
    let count = 0;
    for (let at = graph.offset[node]!; at < graph.offset[node + 1]!; at++) {
      const edge = graph.incident[at]!;
      const neighbour = graph.other(edge, node);
      const fresh = seen[neighbour] !== stamp;
      seen[neighbour] = stamp;
      if (inMap[neighbour] === 1) {
        const hub = neighbour !== node && hubs.isHub(neighbour);
        // An edge between two kept nodes is taken by its small end: from its source, or from here when the source is a hub.
        if (graph.source[edge] === node || hub) edges.push(edge);
        if (hub && fresh) smallOnMap[neighbour]! += 1;
      } else if (fresh) {
        count += 1;
      }
    }
    hidden[i] = count;
  });
  kept.forEach((node, i) => {
    if (!hubs.isHub(node)) return;
    let hubsOnMap = 0;
    for (const hub of hubs.hubNeighboursOf(node)) hubsOnMap += inMap[hub]!;
    hidden[i] = hubs.distinctNeighbours(node) - hubsOnMap - smallOnMap[node]!;
    for (const edge of hubs.hubEdgesFrom(node)) if (inMap[graph.target[edge]!] === 1) edges.push(edge);
  });
  // The order walking gives: by the source's place on the map, then edge order.
  edges.sort((a, b) => rank[graph.source[a]!]! - rank[graph.source[b]!]! || a - b);
  return { kept, hidden, edges, truncated: selected.length > query.limit };
}

/** Which kind indices a request keeps. */
type KindMask = Uint8Array;

function kindMask(kinds: readonly NodeKind[]): KindMask {
  const mask = new Uint8Array(NODE_KINDS.length);
  for (const kind of kinds) mask[NODE_KINDS.indexOf(kind)] = 1;
  return mask;
}

/**
 * The center (when there is one), then the accepted nodes most connected first (ties by id), up
 * to limit + 1 so the caller can tell the map was cut. Reads the projection's one order by
 * connection instead of sorting what was reached.
 */
function inConnectionOrder(graph: GraphProjection, center: number | undefined, limit: number, accept: (node: number) => boolean): number[] {
  const selected = center === undefined ? [] : [center];
  const wanted = limit + 1;
  for (const node of graph.byConnection()) {
    if (selected.length >= wanted) break;
    if (node !== center && accept(node)) selected.push(node);
  }
  return selected;
}

function someNeighbour(graph: GraphProjection, node: number, test: (neighbour: number) => boolean): boolean {
  for (let at = graph.offset[node]!; at < graph.offset[node + 1]!; at++) if (test(graph.other(graph.incident[at]!, node))) return true;
  return false;
}

/** Breadth-first: marks every node within `depth` edges of `start`, `start` included. */
function reachWithin(graph: GraphProjection, start: number, depth: number, types: (edge: number) => boolean): Uint8Array {
  const reached = new Uint8Array(graph.nodeCount);
  reached[start] = 1;
  let frontier = [start];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (let i = graph.offset[node]!; i < graph.offset[node + 1]!; i++) {
        const edge = graph.incident[i]!;
        const neighbour = graph.other(edge, node);
        if (reached[neighbour] === 0 && types(edge)) {
          reached[neighbour] = 1;
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return reached;
}

/**
 * The neighbours of `node` that expanding it would add (distinct, of the request's kinds, over
 * its edge types, not on the map), and the map's edges that leave it, pushed onto `edges`.
 * `seen` is scratch shared by the calls of one map (a node's own stamp tells which neighbours
 * it already counted).
 */
function walkMapNode(
  graph: GraphProjection,
  node: number,
  inMap: Uint8Array,
  kinds: KindMask,
  types: (edge: number) => boolean,
  seen: Uint32Array,
  edges: number[],
): number {
  const stamp = node + 1;
  let hidden = 0;
  for (let i = graph.offset[node]!; i < graph.offset[node + 1]!; i++) {
    const edge = graph.incident[i]!;
    const neighbour = graph.other(edge, node);
    if (inMap[neighbour] === 1) {
      if (graph.source[edge] === node && types(edge)) edges.push(edge);
      continue;
    }
    if (seen[neighbour] === stamp || kinds[graph.kindIndexOf(neighbour)] !== 1 || !types(edge)) continue;
    seen[neighbour] = stamp;
    hidden += 1;
  }
  return hidden;
}
