import { EdgeType } from '../domain/edge-type';
import { hasMeaning, type MeaningMatch } from '../domain/meaning';
import type { NodeRecord } from '../domain/graph-records';
import { findShortestSimplePaths } from '../domain/k-shortest-paths';
import type { NodeKind } from '../domain/node-kind';
import {
  ideaKindsFor,
  ideasToSearch,
  NO_TEXT_EVIDENCE,
  sharedKindsFor,
  type DirectLink,
  type LinkedIdea,
  type RelatedEvidence,
  type SharedVia,
  type TextEvidence,
} from '../domain/relatedness';
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
import { forEachIncidence, type GraphProjection } from './graph-projection';
import { analysePrinciplePairs, type PrinciplePairIndex } from './principle-pairs';
import { ProjectionPathGraph } from './projection-path-graph';
import { NO_TURNS, type ComputeTurns } from './compute-turns';
import { HubIndex, SharerIndex } from './hub-index';
import { selectMap } from './map-selection';

/** What the projection cannot answer alone: the vectors stay in Neo4j (node properties too: see outlineNodes). */
export interface ProjectionCompanions {
  /** The meaning half of the text evidence, for the ideas the projection picked (ThinkingRepository.findMeaningEvidence). */
  findMeaningEvidence(
    id: string,
    kind: NodeKind,
    limit: number,
    ideas: readonly string[],
  ): Promise<{ meaning: MeaningMatch[]; ideas: { idea: string; matches: MeaningMatch[] }[] }>;
}

/** Per-version results that every request of that version shares. */
export interface ProjectionExtras {
  /** Where map nodes go: a whole-graph layout (this version's, or an older one's carried over), or null (laid out per request). */
  placements: ReadonlyMap<string, Placement> | null;
  /** The version whose layout `placements` come from. */
  layoutVersion?: number;
  principlePairs?: PrinciplePairIndex;
  /** The distinct nodes of a kind next to a node (sharersOf), kept for the version: a hub's are the same for every request. */
  sharers?: SharerIndex;
  /** What maps ask of hubs, kept for the version. */
  hubs?: HubIndex;
  /**
   * The nodes nearest each linked idea by meaning, by the kind searched and the idea's id, kept
   * for the version: they do not depend on the source, and a popular principle is linked from
   * thousands. Vectors written during the version are seen from the next one, as cached answers see them.
   */
  ideaMatches?: Map<string, readonly MeaningMatch[]>;
}

/**
 * The thinking queries' reads answered from one immutable projection: no request expands a hub
 * inside Neo4j, and every answer of a request belongs to the projection's version.
 */
export class ProjectedThinkingReader implements ThinkingReader {
  readonly fixedVersion: number;
  readonly layoutVersion: number | null;
  /** Taken once: a layout that lands during a request does not change its map halfway. */
  private readonly placements: ReadonlyMap<string, Placement> | null;

  constructor(
    private readonly graph: GraphProjection,
    private readonly extras: ProjectionExtras,
    private readonly companions: ProjectionCompanions,
    private readonly turns: Pick<ComputeTurns, 'turn'> = NO_TURNS,
  ) {
    this.fixedVersion = graph.version;
    this.placements = extras.placements;
    this.layoutVersion = extras.placements ? (extras.layoutVersion ?? graph.version) : null;
  }

  async readVersion(): Promise<number> {
    return this.graph.version;
  }

  /** Exactly the k best simple paths (the ranking of path-ranking.ts), whatever `groups` says; nodes as outlines. */
  async findPaths(query: PathQuery): Promise<FoundPath[]> {
    await this.turns.turn();
    const graph = this.graph;
    const [from, to] = [graph.indexOf(query.from), graph.indexOf(query.to)];
    if (from === undefined || to === undefined) return [];
    const paths = findShortestSimplePaths(new ProjectionPathGraph(graph, query), from, to, { k: query.k, maxHops: query.maxHops });
    return paths.map((path) => ({
      nodes: path.nodes.map((node) => graph.outline(node)),
      edges: path.edges.map((edge) => graph.edgeRecord(edge)),
    }));
  }

  async outlineNodes(ids: readonly string[]): Promise<(NodeRecord | null)[]> {
    return ids.map((id) => {
      const node = this.graph.indexOf(id);
      return node === undefined ? null : this.graph.outline(node);
    });
  }

  async findRelatedEvidence(id: string, kind: NodeKind): Promise<RelatedEvidence> {
    await this.turns.turn();
    const graph = this.graph;
    const source = graph.indexOf(id);
    const population = graph.population.get(kind) ?? 0;
    if (source === undefined) return { population, shared: [], direct: [] };
    const kindIndex = graph.kindIndexOf(source);
    const sharedKinds = new Set(sharedKindsFor(kind));
    const seenVia = new Set<number>();
    const shared: SharedVia[] = [];
    const sharedNodes: Uint32Array[] = [];
    const sharers = (this.extras.sharers ??= new SharerIndex(graph));
    const direct: DirectLink[] = [];
    forEachIncidence(graph, source, (edge, neighbour) => {
      if (graph.kindIndexOf(neighbour) === kindIndex) {
        if (neighbour !== source) direct.push({ candidate: graph.ids[neighbour]!, edge: graph.edgeRecord(edge) });
        return;
      }
      if (seenVia.has(neighbour) || !sharedKinds.has(graph.kindOf(neighbour))) return;
      seenVia.add(neighbour);
      const members = sharers.of(neighbour, kindIndex);
      sharedNodes.push(members);
      shared.push(sharedVia(graph, neighbour, members, source));
    });
    return {
      population,
      shared,
      direct,
      nodes: { ids: graph.ids, indexOf: (candidate) => graph.indexOf(candidate), shared: sharedNodes, inIdOrder: graph.inIdOrder() },
    };
  }

  /**
   * The word matches from the projection's text index (scored as the full-text index scores
   * them); the meaning matches from Neo4j's vector indexes, one round trip for a node of a kind
   * that has vectors: its own nearest nodes, and those of the linked ideas this version has not
   * searched yet. (Whether a node has a vector is not the projection's to know: vectors are
   * written in pages that name no node, so that projections are not rebuilt per page.)
   */
  async findTextEvidence(id: string, kind: NodeKind, limit: number): Promise<TextEvidence | null> {
    const graph = this.graph;
    const source = graph.indexOf(id);
    if (source === undefined || graph.kindOf(source) !== kind) return null;
    const words = graph.text.match(id, kind, limit) ?? [];
    if (!hasMeaning(kind)) return { ...NO_TEXT_EVIDENCE, words };
    const chosen = ideasToSearch(this.linkedIdeas(source));
    const known = (this.extras.ideaMatches ??= new Map<string, readonly MeaningMatch[]>());
    const key = (idea: string) => `${kind} ${idea}`;
    const missing = chosen.filter((idea) => !known.has(key(idea.id))).map((idea) => idea.id);
    const { meaning, ideas } = await this.companions.findMeaningEvidence(id, kind, limit, missing);
    for (const found of ideas) known.set(key(found.idea), found.matches);
    for (const idea of missing) if (!known.has(key(idea))) known.set(key(idea), []);
    const withMatches = chosen.map((idea) => ({ idea, matches: known.get(key(idea.id))! })).filter((found) => found.matches.length > 0);
    return { words, meaning, ideas: withMatches };
  }

  /** The principles and concepts (other than its own kind) `source` links, each with the distinct nodes of its kind that link it. */
  private linkedIdeas(source: number): LinkedIdea[] {
    const graph = this.graph;
    const kindIndex = graph.kindIndexOf(source);
    const ideaKinds = new Set(ideaKindsFor(graph.kindOf(source)));
    const sharers = (this.extras.sharers ??= new SharerIndex(graph));
    const linked = new Map<number, LinkedIdea>();
    forEachIncidence(graph, source, (_edge, neighbour) => {
      const kind = graph.kindOf(neighbour);
      if (linked.has(neighbour) || !ideaKinds.has(kind)) return;
      linked.set(neighbour, { id: graph.ids[neighbour]!, kind, sharers: sharers.of(neighbour, kindIndex).length });
    });
    return [...linked.values()];
  }

  async findSubgraph(query: SubgraphQuery): Promise<Subgraph> {
    await this.turns.turn();
    const graph = this.graph;
    const map = selectMap(graph, query, (this.extras.hubs ??= new HubIndex(graph)));
    const nodes: SubgraphNode[] = map.kept.map((node, i) => ({
      id: graph.ids[node]!,
      kind: graph.kindOf(node),
      label: graph.labels[node]!,
      degree: graph.degree(node),
      hiddenNeighbors: map.hidden[i]!,
    }));
    return { nodes, edges: map.edges.map((edge) => graph.edgeRecord(edge)), placements: this.placements, truncated: map.truncated };
  }

  async findPrinciplePairs(minShared: number, maxSharedEssays: number): Promise<{ essays: number; pairs: PrinciplePair[] }> {
    await this.turns.turn();
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
    await this.turns.turn();
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
    await this.turns.turn();
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
}

/**
 * How many nodes of the source's kind share `via` (`members`, the source among them), and which
 * others; their ids are built only if read. Scoring on node indices skips the source itself.
 */
function sharedVia(graph: GraphProjection, via: number, members: Uint32Array, source: number): SharedVia {
  let candidates: string[] | null = null;
  return {
    via: graph.ids[via]!,
    viaKind: graph.kindOf(via),
    sharers: members.length,
    get candidates() {
      return (candidates ??= Array.from(
        members.filter((member) => member !== source),
        (member) => graph.ids[member]!,
      ));
    },
  };
}
