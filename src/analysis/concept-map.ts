import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import seedrandom from 'seedrandom';
import { NODE_KINDS, type NodeKind } from '../domain/node-kind';
import { compareIds, sortByKey } from '../domain/compare-ids';
import { NotFoundError } from '../domain/errors';
import type { EdgeOrigin, EdgeType } from '../domain/edge-type';
import { requireNodeId } from '../domain/node-id';
import type { SubgraphQuery, ThinkingReader } from '../domain/thinking-reader';

export interface MapNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly degree: number;
  readonly hiddenNeighbors: number;
  readonly cluster: number;
  readonly x: number;
  readonly y: number;
}

export interface MapEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: EdgeType;
  readonly weight: number;
  readonly origin: EdgeOrigin;
}

export interface ConceptMap {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  readonly truncated: boolean;
}

export type MapRequest = Omit<SubgraphQuery, 'kinds'> & { readonly kinds: readonly NodeKind[] | null };

/** The seed of every random choice, so the same request gives the same map to the byte. */
const LAYOUT_SEED = 'thoughtgraph';
const LAYOUT_ITERATIONS = 60;

/**
 * A subgraph ready to draw: the nodes within `depth` of `center` (or the whole graph), the most
 * connected kept when over `limit`. Positions and clusters are the slice of one layout of the
 * whole graph when the projection has one (a node keeps its place in every map); until then,
 * Louvain communities and a ForceAtlas2 layout computed on what is returned.
 */
export async function buildConceptMap(thinking: ThinkingReader, request: MapRequest): Promise<ConceptMap> {
  if (request.center !== null) requireNodeId(request.center, 'center');
  const kinds = request.kinds && request.kinds.length > 0 ? request.kinds : NODE_KINDS;
  const subgraph = await thinking.findSubgraph({ ...request, kinds });
  // A subgraph around a center always holds it: none means there is no such node.
  if (request.center !== null && subgraph.nodes.length === 0) throw new NotFoundError('center', request.center);
  const mapEdges = sortByKey(
    subgraph.edges.map((edge) => ({
      id: `${edge.source}|${edge.type}|${edge.target}`,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      weight: edge.weight,
      origin: edge.origin,
    })),
    (edge) => [edge.source, edge.type, edge.target],
  );
  const sorted = [...subgraph.nodes].sort((a, b) => compareIds(a.id, b.id));
  const placement =
    subgraph.placements ??
    layOut(
      sorted.map((node) => node.id),
      mapEdges,
    );
  return {
    nodes: sorted.map((node) => ({
      id: node.id,
      kind: node.kind,
      label: node.label,
      degree: node.degree,
      hiddenNeighbors: node.hiddenNeighbors,
      ...placement.get(node.id)!,
    })),
    edges: mapEdges,
    truncated: subgraph.truncated,
  };
}

/** Communities and positions; both depend only on the (sorted) input and the fixed seed. */
export function layOut(
  ids: readonly string[],
  edges: readonly { source: string; target: string; weight: number }[],
): Map<string, { cluster: number; x: number; y: number }> {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of ids) graph.addNode(id);
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    if (graph.hasEdge(edge.source, edge.target)) {
      graph.updateEdgeAttribute(edge.source, edge.target, 'weight', (weight: number) => weight + edge.weight);
    } else {
      graph.addEdge(edge.source, edge.target, { weight: edge.weight });
    }
  }
  const communities = graph.order > 0 ? louvain(graph, { rng: seedrandom(LAYOUT_SEED), getEdgeWeight: 'weight' }) : {};
  circular.assign(graph, { scale: 100 });
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: LAYOUT_ITERATIONS,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: false },
    });
  }
  const placement = new Map<string, { cluster: number; x: number; y: number }>();
  graph.forEachNode((id, attributes) => {
    placement.set(id, { cluster: communities[id] ?? 0, x: round(attributes.x as number), y: round(attributes.y as number) });
  });
  return placement;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
