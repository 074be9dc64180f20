import { BOUNDS } from '../../src/domain/bounds';
import { compareIds } from '../../src/domain/compare-ids';
import { EdgeListPathGraph } from '../../src/domain/edge-list-path-graph';
import { edgeTypesJoining, EdgeType } from '../../src/domain/edge-type';
import type { EdgeRecord, Neighbour, NodeRecord, Page, SearchHit } from '../../src/domain/graph-records';
import { findShortestSimplePaths } from '../../src/domain/k-shortest-paths';
import type { MeaningMatch } from '../../src/domain/meaning';
import { NodeKind } from '../../src/domain/node-kind';
import type { NodeSelection, SelectedNode } from '../../src/domain/node-selection';
import { sharedKindsFor, type DirectLink, type RelatedEvidence, type SharedVia, type TextEvidence } from '../../src/domain/relatedness';
import { Direction, type GraphReader, type Hop, type ListQuery } from '../../src/domain/repositories';
import { MORE_LIKE_THIS, searchWords } from '../../src/domain/search-text';
import type {
  FoundPath,
  GraphStructure,
  PathQuery,
  PrinciplePair,
  RoleSignal,
  Subgraph,
  SubgraphNode,
  SubgraphQuery,
  ThinkingReader,
} from '../../src/domain/thinking-reader';
import { InMemoryGraph, type GraphWorld, type Incidence } from './graph-world';

/*
 * Fakes of the domain's reader interfaces over a GraphWorld held in memory, for unit tests of
 * the code above them. They answer as the Neo4j repositories do (test/support/reader-contract.ts
 * holds both to the same answers), including where Neo4j's answer is a quirk rather than a
 * promise; each such place says so. Full-text matching is a plain word match: which nodes match
 * is the same as Lucene's, the scores are not.
 */

/** The properties the full-text index covers (schema/indexes.cypher). */
const TEXT_PROPERTIES = ['title', 'name', 'statement', 'summary', 'description', 'aliases'];
const PRINCIPLE_LINK_TYPES = edgeTypesJoining(NodeKind.PRINCIPLE, NodeKind.PRINCIPLE);

export function createInMemoryReaders(world: GraphWorld): { graph: InMemoryGraphReader; thinking: InMemoryThinkingReader } {
  const graph = new InMemoryGraph(world);
  return { graph: new InMemoryGraphReader(graph), thinking: new InMemoryThinkingReader(graph) };
}

export class InMemoryGraphReader implements GraphReader {
  constructor(private readonly graph: InMemoryGraph) {}

  async findNodes(ids: readonly string[]): Promise<(NodeRecord | null)[]> {
    return ids.map((id) => this.graph.record(id));
  }

  /** One neighbour per edge: by the edge's `order`, heavier first, then neighbour id. */
  async findNeighbours(kind: NodeKind, hop: Hop, first: number, ids: readonly string[]): Promise<Neighbour[][]> {
    return ids.map((id) => {
      if (this.graph.kindOf(id) !== kind) return [];
      return stepsOf(this.graph, id, hop)
        .sort((a, b) => orderOf(a.edge) - orderOf(b.edge) || b.edge.weight - a.edge.weight || compareIds(a.other, b.other))
        .slice(0, first)
        .map((step) => ({ node: this.graph.record(step.other)!, edge: step.edge }));
    });
  }

  async findSelected(kind: NodeKind, ids: readonly string[], selection: NodeSelection): Promise<(SelectedNode | null)[]> {
    return ids.map((id) => (this.graph.kindOf(id) === kind ? selectNode(this.graph, id, selection) : null));
  }

  async listNodes(query: ListQuery): Promise<Page<NodeRecord>> {
    const after = query.afterSlug;
    const listed = this.matching(query)
      .filter((record) => after === null || record.slug > after)
      .sort((a, b) => compareIds(a.slug, b.slug));
    const { selection } = query;
    const items = listed.slice(0, query.first).map((record) => (selection ? selectNode(this.graph, record.id, selection).record : record));
    const page = { items, hasNextPage: listed.length > query.first };
    return query.withTotal ? { ...page, total: this.matching(query).length } : page;
  }

  async countNodes(query: Omit<ListQuery, 'first' | 'afterSlug'>): Promise<number> {
    return this.matching(query).length;
  }

  /** Each word matches whole or as a prefix; the score is how many of the words match. */
  async search(text: string, kinds: readonly NodeKind[], first: number): Promise<SearchHit[]> {
    const words = searchWords(text);
    const matchesWord = (tokens: readonly string[], word: string) => tokens.some((token) => token.startsWith(word));
    return this.graph.ids
      .filter((id) => kinds.includes(this.graph.kindOf(id)!))
      .map((id) => ({ id, score: words.filter((word) => matchesWord(textTokens(this.graph, id), word)).length }))
      .filter((match) => match.score > 0)
      .sort((a, b) => b.score - a.score || compareIds(a.id, b.id))
      .slice(0, first)
      .map((match) => ({ node: this.graph.record(match.id)!, score: match.score }));
  }

  private matching(query: Omit<ListQuery, 'first' | 'afterSlug'>): NodeRecord[] {
    return this.graph.ids
      .filter((id) => this.graph.kindOf(id) === query.kind)
      .filter((id) => query.edges.every((filter) => stepsOf(this.graph, id, filter).some((step) => step.other === filter.id)))
      .filter((id) => Object.entries(query.properties).every(([key, value]) => this.graph.property(id, key) === value))
      .map((id) => this.graph.record(id)!);
  }
}

export class InMemoryThinkingReader implements ThinkingReader {
  /** Like the Cypher reader, it answers for whatever the graph holds: the world never changes. */
  readonly fixedVersion = null;
  readonly layoutVersion = null;

  constructor(
    private readonly graph: InMemoryGraph,
    private readonly version = 1,
  ) {}

  async readVersion(): Promise<number> {
    return this.version;
  }

  /**
   * As Cypher answers: every simple path of the shortest `groups` lengths (at most
   * BOUNDS.path.candidates), with full records, so callers rank and cut them as they do Cypher's.
   */
  async findPaths(query: PathQuery): Promise<FoundPath[]> {
    // Neo4j's pattern needs at least one hop and no node twice, so a node has no path to itself.
    if (!this.graph.has(query.from) || !this.graph.has(query.to) || query.from === query.to) return [];
    const ids = this.graph.ids.sort(compareIds);
    const nodes = ids.map((id) => ({ id, degree: this.graph.degree(id) }));
    const edges = this.graph.edges;
    const paths = new EdgeListPathGraph(nodes, edges, query);
    const options = { k: BOUNDS.path.candidates, maxHops: query.maxHops };
    const all = findShortestSimplePaths(paths, paths.indexOf(query.from), paths.indexOf(query.to), options);
    const lengths = [...new Set(all.map((path) => path.edges.length))].slice(0, query.groups);
    const found = all.filter((path) => lengths.includes(path.edges.length));
    return found.map((path) => ({
      nodes: path.nodes.map((node) => this.graph.record(ids[node]!)!),
      edges: path.edges.map((edge) => edges[edge]!),
    }));
  }

  async findRelatedEvidence(id: string, kind: NodeKind): Promise<RelatedEvidence> {
    // As Cypher answers: an unknown source has no evidence and a population of 0.
    if (this.graph.kindOf(id) !== kind) return { population: 0, shared: [], direct: [] };
    const sharedKinds = sharedKindsFor(kind);
    const shared: SharedVia[] = [];
    const direct: DirectLink[] = [];
    for (const { edge, other } of this.graph.incident(id)) {
      const otherKind = this.graph.kindOf(other)!;
      if (otherKind === kind) direct.push({ candidate: other, edge });
      else if (sharedKinds.includes(otherKind) && !shared.some((entry) => entry.via === other)) {
        const sharers = this.neighboursOf(other).filter((member) => this.graph.kindOf(member) === kind);
        const candidates = sharers.filter((member) => member !== id).sort(compareIds);
        shared.push({ via: other, viaKind: otherKind, sharers: sharers.length, candidates });
      }
    }
    return { population: this.population(kind), shared, direct };
  }

  /** Whole-word matches of the node's kind (the score is how many of the words it has); this world holds no vectors, so no meaning matches. */
  async findTextEvidence(id: string, kind: NodeKind, limit: number): Promise<TextEvidence | null> {
    if (!this.graph.has(id) || this.graph.kindOf(id) !== kind) return null;
    // The query's words as the analyzer reads them: "culture." asks for "culture".
    const words = distinctiveWords(this.graph, id).flatMap(analyzed);
    const matches = this.graph.ids
      .filter((other) => words.length > 0 && this.graph.kindOf(other) === kind)
      .map((other) => ({ id: other, score: words.filter((word) => textTokens(this.graph, other).includes(word)).length }))
      .filter((match) => match.score > 0)
      .sort((a, b) => b.score - a.score || compareIds(a.id, b.id))
      .slice(0, limit);
    return { words: matches, meaning: [], ideas: [] };
  }

  /** This world holds no vectors. */
  async findMeaningEvidence(): Promise<{ meaning: MeaningMatch[]; ideas: { idea: string; matches: MeaningMatch[] }[] }> {
    return { meaning: [], ideas: [] };
  }

  async findSubgraph(query: SubgraphQuery): Promise<Subgraph> {
    const selected = this.selectMapNodes(query);
    const kept = selected.slice(0, query.limit);
    const inMap = new Set(kept);
    const hop = { types: query.types, direction: Direction.ANY };
    const nodes: SubgraphNode[] = kept.map((id) => {
      const hidden = new Set(stepsOf(this.graph, id, hop).map((step) => step.other));
      const shown = [...hidden].filter((other) => !inMap.has(other) && query.kinds.includes(this.graph.kindOf(other)!));
      const { kind, label, degree } = this.graph.record(id)!;
      return { id, kind, label, degree, hiddenNeighbors: shown.length };
    });
    const edges = kept.flatMap((id) =>
      stepsOf(this.graph, id, { types: query.types, direction: Direction.OUTGOING })
        .filter((step) => inMap.has(step.other))
        .map((step) => step.edge),
    );
    return { nodes, edges, placements: null, truncated: selected.length > query.limit };
  }

  async findPrinciplePairs(minShared: number, maxSharedEssays: number): Promise<{ essays: number; pairs: PrinciplePair[] }> {
    const principles = this.graph.ids.filter((id) => this.graph.kindOf(id) === NodeKind.PRINCIPLE).sort(compareIds);
    const pairs = principles.flatMap((a, i) => principles.slice(i + 1).map((b) => this.principlePair(a, b)));
    const kept = pairs
      .filter((pair) => (pair.shared > 0 || pair.direct.length > 0) && (pair.shared >= minShared || pair.direct.length > 0))
      .map((pair) => ({ ...pair, sharedEssays: pair.sharedEssays.slice(0, maxSharedEssays) }));
    // As Cypher answers: the essay count comes with the pairs, so with none it is 0.
    return { essays: kept.length > 0 ? this.population(NodeKind.ESSAY) : 0, pairs: kept };
  }

  async findRoleSignals(role: string): Promise<{ roleEssays: number; signals: RoleSignal[] }> {
    if (this.graph.kindOf(role) !== NodeKind.ROLE) return { roleEssays: 0, signals: [] };
    const applies = new Map<string, number>();
    for (const step of stepsOf(this.graph, role, { types: [EdgeType.APPLIES_TO], direction: Direction.INCOMING })) {
      applies.set(step.other, Math.max(applies.get(step.other) ?? -Infinity, step.edge.weight));
    }
    const essays = stepsOf(this.graph, role, { types: [EdgeType.ADDRESSES], direction: Direction.INCOMING }).map((step) => step.other);
    const essaysPer = new Map<string, Set<string>>();
    for (const essay of essays) {
      for (const { other: principle } of stepsOf(this.graph, essay, { types: [EdgeType.ARTICULATES], direction: Direction.OUTGOING })) {
        essaysPer.set(principle, (essaysPer.get(principle) ?? new Set()).add(essay));
      }
    }
    const signals = [...new Set([...applies.keys(), ...essaysPer.keys()])].map((principle) => ({
      principle,
      applies: applies.get(principle) ?? null,
      essays: essaysPer.get(principle)?.size ?? 0,
    }));
    // As Cypher answers: the role's essays are counted on the signals' rows, so with none it is 0.
    return { roleEssays: signals.length > 0 ? essays.length : 0, signals };
  }

  async readStructure(): Promise<GraphStructure> {
    return {
      nodes: this.graph.ids.map((id) => ({ id, kind: this.graph.kindOf(id)! })),
      edges: this.graph.edges.map(({ source, target, weight }) => ({ source, target, weight })),
    };
  }

  /** Up to limit + 1 ids, the center first, then most connected first, ties by id. */
  private selectMapNodes(query: SubgraphQuery): string[] {
    const { center } = query;
    if (center !== null && !this.graph.has(center)) return [];
    const reached = center === null ? null : this.reachWithin(center, query.depth, query.types);
    const candidates = this.graph.ids
      .filter((id) => id !== center && query.kinds.includes(this.graph.kindOf(id)!) && (reached === null || reached.has(id)))
      .sort((a, b) => this.graph.degree(b) - this.graph.degree(a) || compareIds(a, b));
    return [...(center === null ? [] : [center]), ...candidates].slice(0, query.limit + 1);
  }

  /** Nodes within `depth` edges of the request's types, of any kind, in either direction. */
  private reachWithin(start: string, depth: number, types: readonly EdgeType[]): Set<string> {
    const reached = new Set([start]);
    let frontier = [start];
    for (let level = 0; level < depth; level++) {
      const next = frontier.flatMap((id) => stepsOf(this.graph, id, { types, direction: Direction.ANY }).map((step) => step.other));
      frontier = [...new Set(next)].filter((id) => !reached.has(id));
      frontier.forEach((id) => reached.add(id));
    }
    return reached;
  }

  private principlePair(a: string, b: string): PrinciplePair {
    const essaysOf = (principle: string) =>
      stepsOf(this.graph, principle, { types: [EdgeType.ARTICULATES], direction: Direction.INCOMING }).map((step) => step.other);
    const [aEssays, bEssays] = [essaysOf(a), essaysOf(b)];
    const shared = aEssays.filter((essay) => bEssays.includes(essay)).sort(compareIds);
    const links = stepsOf(this.graph, a, { types: PRINCIPLE_LINK_TYPES, direction: Direction.ANY }).filter((step) => step.other === b);
    const direct = [...new Set(links.map((step) => step.edge.type))].sort();
    return { a, b, shared: shared.length, sharedEssays: shared, aEssays: aEssays.length, bEssays: bEssays.length, direct };
  }

  private neighboursOf(id: string): string[] {
    return [...new Set(this.graph.incident(id).map((incidence) => incidence.other))];
  }

  private population(kind: NodeKind): number {
    return this.graph.ids.filter((id) => this.graph.kindOf(id) === kind).length;
  }
}

/** The edges a hop walks from `id` (every type when `types` is empty), one step per edge. */
function stepsOf(graph: InMemoryGraph, id: string, hop: Hop): Incidence[] {
  return graph
    .incident(id)
    .filter(
      ({ edge, outgoing }) =>
        (hop.types.length === 0 || hop.types.includes(edge.type)) && (hop.direction === Direction.ANY || outgoing === (hop.direction === Direction.OUTGOING)),
    );
}

/** A node as a selection reads it; its neighbour lists in neighbour-id order, one entry per edge. */
function selectNode(graph: InMemoryGraph, id: string, selection: NodeSelection): SelectedNode {
  const edges = new Map(
    selection.edges.map((list) => [
      list.key,
      stepsOf(graph, id, list.hop)
        .map((step) => step.other)
        .sort(compareIds)
        .slice(0, list.first)
        .map((other) => selectNode(graph, other, list.selection)),
    ]),
  );
  return { record: graph.selectedRecord(id, selection.properties, selection.degree), edges };
}

/** WORKED_AT's `order` sorts a career; other edges have none (0). */
function orderOf(edge: EdgeRecord): number {
  return typeof edge.properties.order === 'number' ? edge.properties.order : 0;
}

/** The lower-cased words of what the full-text index covers, split as Lucene's standard analyzer splits them. */
function textTokens(graph: InMemoryGraph, id: string): string[] {
  return analyzed(TEXT_PROPERTIES.flatMap((key) => [graph.property(id, key) ?? []].flat().filter((value) => typeof value === 'string')).join(' '));
}

function analyzed(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** MORE_LIKE_THIS applied to a node's text, as the Cypher applies it. */
function distinctiveWords(graph: InMemoryGraph, id: string): string[] {
  const text = MORE_LIKE_THIS.fields.flatMap((key) => {
    const value = graph.property(id, key);
    return typeof value === 'string' ? [value] : [];
  });
  const separators = new RegExp(`[${MORE_LIKE_THIS.separators.map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);
  const stopWords = new Set<string>(MORE_LIKE_THIS.stopWords);
  const uses = new Map<string, number>();
  for (const word of ` ${text.join(' ')}`.toLowerCase().split(separators)) {
    if ([...word].length >= MORE_LIKE_THIS.minLength && !stopWords.has(word)) uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  return [...uses]
    .sort(([a, usesA], [b, usesB]) => usesB - usesA || [...b].length - [...a].length || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MORE_LIKE_THIS.words)
    .map(([word]) => word);
}
