import { EDGE_TYPES, EdgeOrigin, type EdgeType } from '../domain/edge-type';
import type { EdgeRecord, NodeRecord } from '../domain/graph-records';
import { NODE_KINDS, type NodeKind } from '../domain/node-kind';
import { compareCodeUnits, isPlainId } from '../domain/compare-ids';
import type { NodeWords, TopologyRow, TopologySink } from '../domain/topology';
import { TextIndex, TextIndexBuilder } from './text-index';
import { inChunks, NO_PAUSES, type Slices } from './time-slices';

const ORIGINS = [EdgeOrigin.ASSERTED, EdgeOrigin.INFERRED] as const;

/**
 * The graph's topology at one version, in memory, immutable: nodes sorted by id in code-point
 * order, as Cypher's ORDER BY sorts them (so index order breaks ties as the fallback does),
 * edges sorted by (source, type, target), and a CSR incidence list (both directions) per node.
 * Typed arrays keep a 10k-essay graph (10k nodes, 150k edges) to a few MB and let the thinking
 * queries walk it without allocating per step.
 */
export class GraphProjection {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Nodes of each kind, by kind. */
  readonly population: ReadonlyMap<NodeKind, number>;

  constructor(
    readonly version: number,
    readonly ids: readonly string[],
    private readonly kinds: Uint8Array,
    readonly labels: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    readonly source: Uint32Array,
    readonly target: Uint32Array,
    private readonly types: Uint8Array,
    readonly weight: Float64Array,
    private readonly origins: Uint8Array,
    private readonly notes: ReadonlyMap<number, string>,
    /** Incidences of node i: `incident[offset[i] .. offset[i + 1])`, edge indices. */
    readonly offset: Uint32Array,
    readonly incident: Uint32Array,
    /** The nodes' words, for the word signal of relatedThoughts. */
    readonly text: TextIndex = TextIndex.empty(),
  ) {
    this.nodeCount = ids.length;
    this.edgeCount = source.length;
    const population = new Map<NodeKind, number>(NODE_KINDS.map((kind) => [kind, 0]));
    for (const kind of kinds) population.set(NODE_KINDS[kind]!, population.get(NODE_KINDS[kind]!)! + 1);
    this.population = population;
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  kindOf(node: number): NodeKind {
    return NODE_KINDS[this.kinds[node]!]!;
  }

  kindIndexOf(node: number): number {
    return this.kinds[node]!;
  }

  /** Relationships at the node, of any type and direction (a self-loop counts twice, as in Cypher). */
  degree(node: number): number {
    return this.offset[node + 1]! - this.offset[node]!;
  }

  typeOf(edge: number): EdgeType {
    return EDGE_TYPES[this.types[edge]!]!;
  }

  typeIndexOf(edge: number): number {
    return this.types[edge]!;
  }

  /** The end of `edge` that is not `node`. */
  other(edge: number, node: number): number {
    const source = this.source[edge]!;
    return source === node ? this.target[edge]! : source;
  }

  edgeRecord(edge: number): EdgeRecord {
    return {
      type: this.typeOf(edge),
      source: this.ids[this.source[edge]!]!,
      target: this.ids[this.target[edge]!]!,
      weight: this.weight[edge]!,
      note: this.notes.get(edge) ?? null,
      origin: ORIGINS[this.origins[edge]!]!,
      properties: {},
    };
  }

  /** The node as this version holds it, without its properties: id, kind, slug, label, degree. */
  outline(node: number): NodeRecord {
    const id = this.ids[node]!;
    return { id, kind: this.kindOf(node), slug: id.slice(id.indexOf(':') + 1), label: this.labels[node]!, degree: this.degree(node), properties: {} };
  }

  /**
   * Whether index order is the answers' id order (compareIds): nodes are sorted by code point,
   * which is that order when every id is a plain node id, as the domain makes them.
   */
  inIdOrder(): boolean {
    this.plainIds ??= this.ids.every(isPlainId);
    return this.plainIds;
  }

  private plainIds: boolean | undefined;

  /** Every node, most connected first, ties by index (id order): the order maps keep nodes in. */
  byConnection(): Uint32Array {
    if (!this.connectionOrder) {
      const order = Uint32Array.from({ length: this.nodeCount }, (_, node) => node);
      this.connectionOrder = order.sort((a, b) => this.degree(b) - this.degree(a) || a - b);
    }
    return this.connectionOrder;
  }

  /**
   * The node arrays after a change: `added` (sorted) merged in by id, `gone` left out, labels
   * from `rowOf`; `renumbered` maps an old index to its new one (-1: gone). When no node came or
   * went, the ids and their index are this projection's own.
   */
  private async nodesAfter(added: readonly TopologyRow[], gone: Uint8Array, rowOf: ReadonlyMap<string, TopologyRow>, slices: Slices) {
    const relabelled = (old: number): string => rowOf.get(this.ids[old]!)?.label ?? this.labels[old]!;
    if (added.length === 0 && !gone.includes(1)) {
      const labels = [...this.labels];
      for (const [id, row] of rowOf) labels[this.index.get(id)!] = row.label;
      return { ids: this.ids, kinds: this.kinds, labels, index: this.index, renumbered: Int32Array.from({ length: this.nodeCount }, (_, old) => old) };
    }
    const ids: string[] = [];
    const kinds: number[] = [];
    const labels: string[] = [];
    const renumbered = new Int32Array(this.nodeCount).fill(-1);
    const push = (id: string, kind: number, label: string): void => {
      ids.push(id);
      kinds.push(kind);
      labels.push(label);
    };
    let next = 0;
    for (let old = 0; old < this.nodeCount; old++) {
      const id = this.ids[old]!;
      for (; next < added.length && added[next]!.id < id; next++) push(added[next]!.id, NODE_KINDS.indexOf(added[next]!.kind), added[next]!.label);
      if (gone[old]) continue;
      renumbered[old] = ids.length;
      push(id, this.kinds[old]!, relabelled(old));
    }
    for (; next < added.length; next++) push(added[next]!.id, NODE_KINDS.indexOf(added[next]!.kind), added[next]!.label);
    return { ids, kinds: Uint8Array.from(kinds), labels, index: await indexIds(ids, slices), renumbered };
  }

  private connectionOrder: Uint32Array | null = null;

  /**
   * This projection with the changes of a later version applied: the same projection as a whole
   * read at that version gives (a unit test builds both). Each touched node keeps its new row or,
   * without one, goes with every edge at it; the other nodes keep their edges. Linear in the
   * graph: ids stay in code-point order, so the kept edges keep their (source, type, target)
   * order under the new indices and only the touched nodes' edges are sorted, then merged in.
   */
  async withChanges(version: number, touched: readonly string[], rows: readonly TopologyRow[], slices: Slices = NO_PAUSES): Promise<GraphProjection> {
    const rowOf = new Map(rows.map((row) => [row.id, row]));
    const gone = new Uint8Array(this.nodeCount);
    const rewritten = new Uint8Array(this.nodeCount);
    for (const id of touched) {
      const old = this.index.get(id);
      if (old === undefined) continue;
      rewritten[old] = 1;
      if (!rowOf.has(id)) gone[old] = 1;
    }
    const added = rows.filter((row) => !this.index.has(row.id)).sort((a, b) => compareCodeUnits(a.id, b.id));
    const { renumbered, ...after } = await this.nodesAfter(added, gone, rowOf, slices);
    const { index } = after;

    // The touched nodes' edges, sorted as a whole read sorts them (their targets are only placed here).
    const fresh = new ProjectionBuilder({ words: false });
    for (const row of rows) {
      fresh.addNode(row.id, row.kind, row.label);
      for (const edge of row.out) if (index.has(edge.target)) fresh.addNode(edge.target, row.kind, '');
    }
    for (const row of rows) for (const edge of row.out) fresh.addEdge(row.id, edge.target, edge.type, edge.weight, edge.origin, edge.note);
    const incoming = await fresh.sortedEdgesIn(index, slices);

    // One merge of the kept edges (already in order) with the fresh ones, a chunk at a time.
    const held = { source: this.source, target: this.target, types: this.types, weights: this.weight, origins: this.origins, notes: this.notes };
    const merge = new EdgeMerge(held, incoming, { renumbered, rewritten, gone, nodes: after.ids.length });
    await inChunks(this.edgeCount, slices, (from, to) => merge.keep(from, to));
    return assemble(version, after, merge.finish(), slices, await this.text.withChanges(touched, rows, slices));
  }

  /** A rough size of what the projection holds, for the memory budget and /readyz. */
  approximateBytes(): number {
    const strings = this.ids.reduce((sum, id, i) => sum + 2 * (id.length + this.labels[i]!.length) + 96, 0);
    return strings + this.edgeCount * (4 + 4 + 1 + 8 + 1 + 8) + this.offset.byteLength + this.text.approximateBytes();
  }
}

/** Calls `visit` with each edge at `node` and the node at its other end. */
export function forEachIncidence(graph: GraphProjection, node: number, visit: (edge: number, neighbour: number) => void): void {
  for (let i = graph.offset[node]!; i < graph.offset[node + 1]!; i++) {
    const edge = graph.incident[i]!;
    visit(edge, graph.other(edge, node));
  }
}

/** A test for "this edge has one of the request's types"; every edge passes when none are given. */
export function typeFilter(graph: GraphProjection, types: readonly EdgeType[]): (edge: number) => boolean {
  if (types.length === 0) return () => true;
  const allowed = new Uint8Array(EDGE_TYPES.length);
  for (const type of types) allowed[EDGE_TYPES.indexOf(type)] = 1;
  return (edge) => allowed[graph.typeIndexOf(edge)] === 1;
}

/**
 * Collects the topology as Neo4j streams it (any order) and builds a `GraphProjection`. Edges
 * whose ends are not nodes of a known kind are dropped.
 */
export class ProjectionBuilder implements TopologySink {
  private readonly nodeIds: string[] = [];
  private readonly nodeKinds: number[] = [];
  private readonly nodeLabels: string[] = [];
  private readonly position = new Map<string, number>();
  private readonly edgeEnds: number[] = [];
  private readonly edgeTypes: number[] = [];
  private readonly edgeWeights: number[] = [];
  private readonly edgeOrigins: number[] = [];
  private readonly edgeNotes = new Map<number, string>();
  /** Null for a catch-up's builder: only its edges are used, and the text index is caught up on its own. */
  private readonly text: TextIndexBuilder | null;

  constructor(options: { words: boolean } = { words: true }) {
    this.text = options.words ? new TextIndexBuilder() : null;
  }

  addNode(id: string, kind: NodeKind, label: string, words?: NodeWords): void {
    if (this.position.has(id)) return;
    this.text?.add(id, kind, words);
    this.position.set(id, this.nodeIds.length);
    this.nodeIds.push(id);
    this.nodeKinds.push(NODE_KINDS.indexOf(kind));
    this.nodeLabels.push(label);
  }

  addEdge(source: string, target: string, type: EdgeType, weight: number, origin: EdgeOrigin, note: string | null): void {
    const from = this.position.get(source);
    const to = this.position.get(target);
    if (from === undefined || to === undefined) return;
    if (note) this.edgeNotes.set(this.edgeTypes.length, note);
    this.edgeEnds.push(from, to);
    this.edgeTypes.push(EDGE_TYPES.indexOf(type));
    this.edgeWeights.push(weight);
    this.edgeOrigins.push(origin === EdgeOrigin.INFERRED ? 1 : 0);
  }

  /**
   * The projection of what was added. Nodes that arrive in id order (as the topology read sends
   * them) are not sorted again; the edges are placed by source in one counting pass, then each
   * source's few edges sorted by type and target. Long loops pause between chunks (`slices`).
   */
  async build(version: number, slices: Slices = NO_PAUSES): Promise<GraphProjection> {
    const sorted = this.nodeIds.every((id, i) => i === 0 || this.nodeIds[i - 1]! < id);
    const order = sorted ? null : this.nodeIds.map((_, i) => i).sort((a, b) => compareCodeUnits(this.nodeIds[a]!, this.nodeIds[b]!));
    const rank = order ? new Uint32Array(order.length) : Uint32Array.from(this.nodeIds, (_, i) => i);
    order?.forEach((old, i) => (rank[old] = i));
    const ids = order ? order.map((old) => this.nodeIds[old]!) : this.nodeIds;
    const kinds = order ? Uint8Array.from(order, (old) => this.nodeKinds[old]!) : Uint8Array.from(this.nodeKinds);
    const labels = order ? order.map((old) => this.nodeLabels[old]!) : this.nodeLabels;
    const nodes = { ids, kinds, labels, index: await indexIds(ids, slices) };
    return assemble(version, nodes, await this.sortedEdges(rank, rank.length, slices), slices, this.text?.build() ?? TextIndex.empty());
  }

  /** The edges by (source, type, target), each node at its index in `index` (which holds every node added). */
  sortedEdgesIn(index: ReadonlyMap<string, number>, slices: Slices): Promise<ProjectedEdges> {
    return this.sortedEdges(
      Uint32Array.from(this.nodeIds, (id) => index.get(id)!),
      index.size,
      slices,
    );
  }

  /** The edges by (source, type, target), node `i` (in the order added) at index `rank[i]` of `nodes`. */
  private async sortedEdges(rank: Uint32Array, nodes: number, slices: Slices): Promise<ProjectedEdges> {
    const count = this.edgeTypes.length;
    const ends = this.edgeEnds;
    // By source: a counting sort. Within a source: by type, then target.
    const start = new Uint32Array(nodes + 1);
    await inChunks(count, slices, (from, to) => {
      for (let e = from; e < to; e++) start[rank[ends[2 * e]!]! + 1]! += 1;
    });
    for (let i = 0; i < nodes; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, nodes);
    const order = new Uint32Array(count);
    const within = new Float64Array(count);
    await inChunks(count, slices, (from, to) => {
      for (let e = from; e < to; e++) {
        order[fill[rank[ends[2 * e]!]!]!++] = e;
        within[e] = this.edgeTypes[e]! * nodes + rank[ends[2 * e + 1]!]!;
      }
    });
    await inChunks(nodes, slices, (from, to) => {
      for (let node = from; node < to; node++) sortRun(order, start[node]!, start[node + 1]!, within);
    });
    const notes = new Map<number, string>();
    const placedAt = new Uint32Array(count);
    const sorted = {
      source: new Uint32Array(count),
      target: new Uint32Array(count),
      types: new Uint8Array(count),
      weights: new Float64Array(count),
      origins: new Uint8Array(count),
      notes,
    };
    await inChunks(count, slices, (from, to) => {
      for (let e = from; e < to; e++) {
        const old = order[e]!;
        sorted.source[e] = rank[ends[2 * old]!]!;
        sorted.target[e] = rank[ends[2 * old + 1]!]!;
        sorted.types[e] = this.edgeTypes[old]!;
        sorted.weights[e] = this.edgeWeights[old]!;
        sorted.origins[e] = this.edgeOrigins[old]!;
        placedAt[old] = e;
      }
    });
    for (const [old, note] of this.edgeNotes) notes.set(placedAt[old]!, note);
    return sorted;
  }
}

/** `order[from .. to)` sorted by `key` (one source's edges: a handful, so insertion sort unless many). */
function sortRun(order: Uint32Array, from: number, to: number, key: Float64Array): void {
  if (to - from > 32) {
    order.subarray(from, to).sort((a, b) => key[a]! - key[b]!);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const edge = order[i]!;
    let j = i - 1;
    for (; j >= from && key[order[j]!]! > key[edge]!; j--) order[j + 1] = order[j]!;
    order[j + 1] = edge;
  }
}

/** The index of each id, built a chunk at a time (a Map of 100k ids takes tens of milliseconds). */
async function indexIds(ids: readonly string[], slices: Slices): Promise<Map<string, number>> {
  const index = new Map<string, number>();
  await inChunks(ids.length, slices, (from, to) => {
    for (let i = from; i < to; i++) index.set(ids[i]!, i);
  });
  return index;
}

/** A projection's nodes, in id order, with the index of each id. */
interface ProjectedNodes {
  readonly ids: readonly string[];
  readonly kinds: Uint8Array;
  readonly labels: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** Edges as a merge writes them: its notes still being added. */
type EdgesBeingWritten = ProjectedEdges & { readonly notes: Map<number, string> };

/** A projection's edges, sorted by (source, type, target). */
interface ProjectedEdges {
  readonly source: Uint32Array;
  readonly target: Uint32Array;
  readonly types: Uint8Array;
  readonly weights: Float64Array;
  readonly origins: Uint8Array;
  readonly notes: ReadonlyMap<number, string>;
}

/** The projection of these nodes and edges at `version`, with its incidence lists. */
async function assemble(version: number, nodes: ProjectedNodes, edges: ProjectedEdges, slices: Slices, text: TextIndex): Promise<GraphProjection> {
  const { offset, incident } = await incidence(nodes.ids.length, edges.source, edges.target, slices);
  return new GraphProjection(
    version,
    nodes.ids,
    nodes.kinds,
    nodes.labels,
    nodes.index,
    edges.source,
    edges.target,
    edges.types,
    edges.weights,
    edges.origins,
    edges.notes,
    offset,
    incident,
    text,
  );
}

/** The order edges are kept in: by source, then type, then target (node indices among `nodes`). */
function edgeKey(source: number, type: number, target: number, nodes: number): number {
  return (source * EDGE_TYPES.length + type) * nodes + target;
}

/** CSR incidence: for each node, the edges at it in edge order (so deterministic). */
async function incidence(nodes: number, source: Uint32Array, target: Uint32Array, slices: Slices): Promise<{ offset: Uint32Array; incident: Uint32Array }> {
  const offset = new Uint32Array(nodes + 1);
  await inChunks(source.length, slices, (from, to) => {
    for (let e = from; e < to; e++) {
      offset[source[e]! + 1]! += 1;
      offset[target[e]! + 1]! += 1;
    }
  });
  for (let i = 0; i < nodes; i++) offset[i + 1]! += offset[i]!;
  const fill = offset.slice(0, nodes);
  const incident = new Uint32Array(2 * source.length);
  await inChunks(source.length, slices, (from, to) => {
    for (let e = from; e < to; e++) {
      incident[fill[source[e]!]!++] = e;
      incident[fill[target[e]!]!++] = e;
    }
  });
  return { offset, incident };
}

/**
 * Merges a projection's kept edges (renumbered, in their order) with a catch-up's fresh ones
 * (sorted), a chunk of kept edges at a time: `keep` over consecutive ranges, then `finish`.
 * The counters live on the object between chunks and in locals within one.
 */
class EdgeMerge {
  /** Where each kept edge went (-1: it went with a touched or gone node). */
  private readonly movedTo: Int32Array;
  private readonly out: EdgesBeingWritten;
  private written = 0;
  private f = 0;

  constructor(
    private readonly held: ProjectedEdges,
    private readonly fresh: ProjectedEdges,
    private readonly change: { readonly renumbered: Int32Array; readonly rewritten: Uint8Array; readonly gone: Uint8Array; readonly nodes: number },
  ) {
    const count = held.source.length + fresh.source.length;
    this.movedTo = new Int32Array(held.source.length).fill(-1);
    this.out = {
      source: new Uint32Array(count),
      target: new Uint32Array(count),
      types: new Uint8Array(count),
      weights: new Float64Array(count),
      origins: new Uint8Array(count),
      notes: new Map(),
    };
  }

  /** Kept edges [from, to), with every fresh edge that comes before each. */
  keep(from: number, to: number): void {
    const { source: oldSource, target: oldTarget, types: oldTypes, weights: oldWeight, origins: oldOrigins } = this.held;
    const { renumbered, rewritten, gone, nodes } = this.change;
    const { fresh, out, movedTo } = this;
    const freshCount = fresh.source.length;
    let written = this.written;
    let f = this.f;
    for (let e = from; e < to; e++) {
      const start = oldSource[e]!;
      const end = oldTarget[e]!;
      if (rewritten[start] === 1 || gone[end] === 1) continue;
      const key = edgeKey(renumbered[start]!, oldTypes[e]!, renumbered[end]!, nodes);
      for (; f < freshCount && edgeKey(fresh.source[f]!, fresh.types[f]!, fresh.target[f]!, nodes) < key; f++, written++) copyEdge(fresh, f, out, written);
      out.source[written] = renumbered[start]!;
      out.target[written] = renumbered[end]!;
      out.types[written] = oldTypes[e]!;
      out.weights[written] = oldWeight[e]!;
      out.origins[written] = oldOrigins[e]!;
      movedTo[e] = written;
      written += 1;
    }
    this.written = written;
    this.f = f;
  }

  /**
   * The fresh edges after the last kept one, then the kept edges' notes (few, so they follow
   * their edges here instead of being looked up per edge): the merged edges.
   */
  finish(): ProjectedEdges {
    for (; this.f < this.fresh.source.length; this.f++, this.written++) copyEdge(this.fresh, this.f, this.out, this.written);
    for (const [e, note] of this.held.notes) if (this.movedTo[e]! >= 0) this.out.notes.set(this.movedTo[e]!, note);
    const n = this.written;
    const { source, target, types, weights, origins, notes } = this.out;
    return {
      source: source.subarray(0, n),
      target: target.subarray(0, n),
      types: types.subarray(0, n),
      weights: weights.subarray(0, n),
      origins: origins.subarray(0, n),
      notes,
    };
  }
}

/** Edge `from` of `edges` as edge `to` of `into`, its note included. */
function copyEdge(edges: ProjectedEdges, from: number, into: EdgesBeingWritten, to: number): void {
  into.source[to] = edges.source[from]!;
  into.target[to] = edges.target[from]!;
  into.types[to] = edges.types[from]!;
  into.weights[to] = edges.weights[from]!;
  into.origins[to] = edges.origins[from]!;
  const note = edges.notes.get(from);
  if (note) into.notes.set(to, note);
}
