import { EdgeType } from '../domain/edge-type';
import type { EdgeRecord, NodeRecord } from '../domain/graph-records';
import { findShortestSimplePaths } from '../domain/k-shortest-paths';
import { type NodeKind } from '../domain/node-kind';
import { sharedKindsFor, type DirectLink, type RelatedEvidence, type SharedVia, type TextMatch } from '../domain/relatedness';
import type {
  FoundPath,
  GraphStructure,
  PathQuery,
  Placement,
  PrinciplePair,
  RoleSignal,
  Subgraph,
  SubgraphNode,
  SubgraphQuery,
  ThinkingReader,
} from '../domain/thinking-reader';
import { typeFilter, type GraphProjection } from './graph-projection';
import { analysePrinciplePairs, type PrinciplePairIndex } from './principle-pairs';
import { ProjectionPathGraph } from './projection-path-graph';

/** What the projection cannot answer alone: full-text matching and node properties stay in Neo4j. */
export interface ProjectionCompanions {
  findSimilarText(kind: NodeKind, words: readonly string[], limit: number): Promise<TextMatch[]>;
  findNodes(ids: readonly string[]): Promise<(NodeRecord | null)[]>;
}

/** Per-version results that every request of that version shares. */
export interface ProjectionExtras {
  placements: ReadonlyMap<string, Placement> | null;
  principlePairs?: PrinciplePairIndex;
}

/**
 * The thinking queries' reads answered from one immutable projection: no request expands a hub
 * inside Neo4j, and every answer of a request belongs to the projection's version.
 */
export class ProjectedThinkingReader implements ThinkingReader {
  readonly fixedVersion: number;

  constructor(
    private readonly graph: GraphProjection,
    private readonly extras: ProjectionExtras,
    private readonly companions: ProjectionCompanions,
  ) {
    this.fixedVersion = graph.version;
  }

  async readVersion(): Promise<number> {
    return this.graph.version;
  }

  /** Exactly the k best simple paths (the ranking of path-ranking.ts), whatever `groups` says. */
  async findPaths(query: PathQuery): Promise<FoundPath[]> {
    const graph = this.graph;
    const [from, to] = [graph.indexOf(query.from), graph.indexOf(query.to)];
    if (from === undefined || to === undefined) return [];
    const paths = findShortestSimplePaths(new ProjectionPathGraph(graph, query), from, to, { k: query.k, maxHops: query.maxHops });
    const ids = [...new Set(paths.flatMap((path) => path.nodes.map((node) => graph.ids[node]!)))];
    const records = new Map((await this.companions.findNodes(ids)).flatMap((node) => (node ? [[node.id, node] as const] : [])));
    return paths.flatMap((path) => {
      const nodes = path.nodes.map((node) => records.get(graph.ids[node]!));
      if (nodes.some((node) => node === undefined)) return [];
      return [{ nodes: nodes as NodeRecord[], edges: path.edges.map((edge) => graph.edgeRecord(edge)) }];
    });
  }

  async findRelatedEvidence(id: string, kind: NodeKind): Promise<RelatedEvidence> {
    const graph = this.graph;
    const source = graph.indexOf(id);
    const population = graph.population.get(kind) ?? 0;
    if (source === undefined) return { population, shared: [], direct: [] };
    const kindIndex = graph.kindIndexOf(source);
    const sharedKinds = new Set(sharedKindsFor(kind));
    const seenVia = new Set<number>();
    const shared: SharedVia[] = [];
    const direct: DirectLink[] = [];
    forEachIncidence(graph, source, (edge, neighbour) => {
      if (graph.kindIndexOf(neighbour) === kindIndex) {
        if (neighbour !== source) direct.push({ candidate: graph.ids[neighbour]!, edge: graph.edgeRecord(edge) });
        return;
      }
      if (seenVia.has(neighbour) || !sharedKinds.has(graph.kindOf(neighbour))) return;
      seenVia.add(neighbour);
      shared.push(this.sharersOf(neighbour, kindIndex, source));
    });
    return { population, shared, direct };
  }

  findSimilarText(kind: NodeKind, words: readonly string[], limit: number): Promise<TextMatch[]> {
    return this.companions.findSimilarText(kind, words, limit);
  }

  async findSubgraph(query: SubgraphQuery): Promise<Subgraph> {
    const graph = this.graph;
    const kinds = new Set(query.kinds);
    const types = typeFilter(graph, query.types);
    const selected = selectMapNodes(graph, query, kinds, types);
    const truncated = selected.length > query.limit;
    const kept = selected.slice(0, query.limit);
    const inMap = new Set(kept);
    const nodes: SubgraphNode[] = kept.map((node) => ({
      id: graph.ids[node]!,
      kind: graph.kindOf(node),
      label: graph.labels[node]!,
      degree: graph.degree(node),
      hiddenNeighbors: countHidden(graph, node, inMap, kinds, types),
    }));
    const edges: EdgeRecord[] = [];
    for (const node of kept) {
      forEachIncidence(graph, node, (edge, neighbour) => {
        if (graph.source[edge] === node && inMap.has(neighbour) && types(edge)) edges.push(graph.edgeRecord(edge));
      });
    }
    return { nodes, edges, placements: this.extras.placements, truncated };
  }

  async findPrinciplePairs(minShared: number, maxSharedEssays: number): Promise<{ essays: number; pairs: PrinciplePair[] }> {
    this.extras.principlePairs ??= analysePrinciplePairs(this.graph);
    const { essays, pairs } = this.extras.principlePairs;
    return {
      essays,
      pairs: pairs
        .filter((pair) => pair.shared >= minShared || pair.direct.length > 0)
        .map((pair) => ({ ...pair, sharedEssays: pair.sharedEssays.slice(0, maxSharedEssays) })),
    };
  }

  async findRoleSignals(role: string): Promise<{ roleEssays: number; signals: RoleSignal[] }> {
    const graph = this.graph;
    const roleIndex = graph.indexOf(role);
    if (roleIndex === undefined) return { roleEssays: 0, signals: [] };
    const applies = new Map<number, number>();
    const essaysPer = new Map<number, Set<number>>();
    let roleEssays = 0;
    forEachIncidence(graph, roleIndex, (edge, neighbour) => {
      const type = graph.typeOf(edge);
      if (type === EdgeType.APPLIES_TO && graph.target[edge] === roleIndex) {
        applies.set(neighbour, Math.max(applies.get(neighbour) ?? -Infinity, graph.weight[edge]!));
      } else if (type === EdgeType.ADDRESSES && graph.target[edge] === roleIndex) {
        roleEssays += 1;
        forEachIncidence(graph, neighbour, (articulates, principle) => {
          if (graph.typeOf(articulates) !== EdgeType.ARTICULATES || graph.source[articulates] !== neighbour) return;
          const essays = essaysPer.get(principle) ?? new Set<number>();
          essays.add(neighbour);
          essaysPer.set(principle, essays);
        });
      }
    });
    const principles = [...new Set([...applies.keys(), ...essaysPer.keys()])];
    return {
      roleEssays,
      signals: principles.map((principle) => ({
        principle: graph.ids[principle]!,
        applies: applies.get(principle) ?? null,
        essays: essaysPer.get(principle)?.size ?? 0,
      })),
    };
  }

  async readStructure(): Promise<GraphStructure> {
    const graph = this.graph;
    return {
      nodes: graph.ids.map((id, node) => ({ id, kind: graph.kindOf(node) })),
      edges: Array.from(graph.source, (source, edge) => ({
        source: graph.ids[source]!,
        target: graph.ids[graph.target[edge]!]!,
        weight: graph.weight[edge]!,
      })),
    };
  }

  /** The distinct nodes of the source's kind at `via`: how many (the source included), and which. */
  private sharersOf(via: number, kindIndex: number, source: number): SharedVia {
    const graph = this.graph;
    const members = new Set<number>();
    forEachIncidence(graph, via, (_edge, member) => {
      if (graph.kindIndexOf(member) === kindIndex) members.add(member);
    });
    members.delete(source);
    return {
      via: graph.ids[via]!,
      viaKind: graph.kindOf(via),
      sharers: members.size + 1,
      candidates: [...members].map((member) => graph.ids[member]!),
    };
  }
}

/** Calls `visit` with each edge at `node` and the node at its other end. */
export function forEachIncidence(graph: GraphProjection, node: number, visit: (edge: number, neighbour: number) => void): void {
  for (let i = graph.offset[node]!; i < graph.offset[node + 1]!; i++) {
    const edge = graph.incident[i]!;
    visit(edge, graph.other(edge, node));
  }
}

/**
 * The map's nodes, most connected first (ties by id), the center always first: the nodes within
 * `depth` hops of the center over the request's edge types (the walk may pass through nodes of
 * other kinds), or the whole graph. Up to limit + 1, so the caller can tell it was cut.
 */
function selectMapNodes(
  graph: GraphProjection,
  query: SubgraphQuery,
  kinds: ReadonlySet<NodeKind>,
  types: (edge: number) => boolean,
): number[] {
  const byConnection = (a: number, b: number): number => graph.degree(b) - graph.degree(a) || a - b;
  if (query.center === null) {
    const all = [];
    for (let node = 0; node < graph.nodeCount; node++) if (kinds.has(graph.kindOf(node))) all.push(node);
    return all.sort(byConnection).slice(0, query.limit + 1);
  }
  const center = graph.indexOf(query.center);
  if (center === undefined) return [];
  const reached = reachWithin(graph, center, query.depth, types);
  const others = reached.filter((node) => node !== center && kinds.has(graph.kindOf(node))).sort(byConnection);
  return [center, ...others.slice(0, query.limit)];
}

/** Breadth-first: every node within `depth` edges of `start`, `start` included. */
function reachWithin(graph: GraphProjection, start: number, depth: number, types: (edge: number) => boolean): number[] {
  const seen = new Set<number>([start]);
  let frontier = [start];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: number[] = [];
    for (const node of frontier) {
      forEachIncidence(graph, node, (edge, neighbour) => {
        if (!seen.has(neighbour) && types(edge)) {
          seen.add(neighbour);
          next.push(neighbour);
        }
      });
    }
    frontier = next;
  }
  return [...seen];
}

/** Neighbours over the request's edge types, of the request's kinds, not in the map: what expanding would add. */
function countHidden(
  graph: GraphProjection,
  node: number,
  inMap: ReadonlySet<number>,
  kinds: ReadonlySet<NodeKind>,
  types: (edge: number) => boolean,
): number {
  const hidden = new Set<number>();
  forEachIncidence(graph, node, (edge, neighbour) => {
    if (!inMap.has(neighbour) && types(edge) && kinds.has(graph.kindOf(neighbour))) hidden.add(neighbour);
  });
  return hidden.size;
}
