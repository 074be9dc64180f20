import { EDGE_TYPES, EdgeOrigin, type EdgeType } from '../domain/edge-type';
import type { EdgeRecord, NodeRecord } from '../domain/graph-records';
import { NODE_KINDS, type NodeKind } from '../domain/node-kind';
import { isPlainId } from '../domain/compare-ids';
import type { TopologyRow, TopologySink } from '../domain/topology';

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
  private nodesAfter(added: readonly TopologyRow[], gone: Uint8Array, rowOf: ReadonlyMap<string, TopologyRow>) {
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
    return { ids, kinds: Uint8Array.from(kinds), labels, index: new Map(ids.map((id, i) => [id, i])), renumbered };
  }

  private connectionOrder: Uint32Array | null = null;

  /**
   * This projection with the changes of a later version applied: the same projection as a whole
   * read at that version gives (a unit test builds both). Each touched node keeps its new row or,
   * without one, goes with every edge at it; the other nodes keep their edges. Linear in the
   * graph: ids stay in code-point order, so the kept edges keep their (source, type, target)
   * order under the new indices and only the touched nodes' edges are sorted, then merged in.
   */
  withChanges(version: number, touched: readonly string[], rows: readonly TopologyRow[]): GraphProjection {
    const rowOf = new Map(rows.map((row) => [row.id, row]));
    const gone = new Uint8Array(this.nodeCount);
    const rewritten = new Uint8Array(this.nodeCount);
    for (const id of touched) {
      const old = this.index.get(id);
      if (old === undefined) continue;
      rewritten[old] = 1;
      if (!rowOf.has(id)) gone[old] = 1;
    }
    const added = rows.filter((row) => !this.index.has(row.id)).sort((a, b) => byCodePoint(a.id, b.id));
    const { renumbered, ...after } = this.nodesAfter(added, gone, rowOf);
    const { index } = after;
    const nodes = after.ids.length;

    // The touched nodes' edges, sorted as a whole read sorts them (their targets are only placed here).
    const fresh = new ProjectionBuilder();
    for (const row of rows) {
      fresh.addNode(row.id, row.kind, row.label);
      for (const edge of row.out) if (index.has(edge.target)) fresh.addNode(edge.target, row.kind, '');
    }
    for (const row of rows) for (const edge of row.out) fresh.addEdge(row.id, edge.target, edge.type, edge.weight, edge.origin, edge.note);
    const incoming = fresh.sortedEdgesIn(index);
    const freshCount = incoming.source.length;
    const freshKey = (f: number): number => edgeKey(incoming.source[f]!, incoming.types[f]!, incoming.target[f]!, nodes);

    // One merge of the kept edges (already in order) with the fresh ones; notes are few, so they
    // follow their edges afterwards instead of being looked up per edge.
    const [oldSource, oldTarget, oldTypes, oldWeight, oldOrigins] = [this.source, this.target, this.types, this.weight, this.origins];
    const count = this.edgeCount + freshCount;
    const source = new Uint32Array(count);
    const target = new Uint32Array(count);
    const edgeTypes = new Uint8Array(count);
    const weights = new Float64Array(count);
    const origins = new Uint8Array(count);
    const notes = new Map<number, string>();
    const movedTo = new Int32Array(this.edgeCount).fill(-1);
    let written = 0;
    let f = 0;
    // No closure shares these counters: the loop keeps them in registers.
    for (let e = 0; e <= this.edgeCount; e++) {
      let key = Infinity;
      if (e < this.edgeCount) {
        const from = oldSource[e]!;
        const to = oldTarget[e]!;
        if (rewritten[from] === 1 || gone[to] === 1) continue;
        key = edgeKey(renumbered[from]!, oldTypes[e]!, renumbered[to]!, nodes);
      }
      for (; f < freshCount && freshKey(f) < key; f++, written++) {
        source[written] = incoming.source[f]!;
        target[written] = incoming.target[f]!;
        edgeTypes[written] = incoming.types[f]!;
        weights[written] = incoming.weights[f]!;
        origins[written] = incoming.origins[f]!;
        const note = incoming.notes.get(f);
        if (note) notes.set(written, note);
      }
      if (e === this.edgeCount) break;
      source[written] = renumbered[oldSource[e]!]!;
      target[written] = renumbered[oldTarget[e]!]!;
      edgeTypes[written] = oldTypes[e]!;
      weights[written] = oldWeight[e]!;
      origins[written] = oldOrigins[e]!;
      movedTo[e] = written;
      written += 1;
    }
    for (const [e, note] of this.notes) if (movedTo[e]! >= 0) notes.set(movedTo[e]!, note);
    return assemble(version, after, {
      source: source.subarray(0, written),
      target: target.subarray(0, written),
      types: edgeTypes.subarray(0, written),
      weights: weights.subarray(0, written),
      origins: origins.subarray(0, written),
      notes,
    });
  }

  /** A rough size of what the projection holds, for the memory budget and /readyz. */
  approximateBytes(): number {
    const strings = this.ids.reduce((sum, id, i) => sum + 2 * (id.length + this.labels[i]!.length) + 96, 0);
    return strings + this.edgeCount * (4 + 4 + 1 + 8 + 1 + 8) + this.offset.byteLength;
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

  addNode(id: string, kind: NodeKind, label: string): void {
    if (this.position.has(id)) return;
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

  build(version: number): GraphProjection {
    const order = this.nodeIds.map((_, i) => i).sort((a, b) => byCodePoint(this.nodeIds[a]!, this.nodeIds[b]!));
    const rank = new Uint32Array(order.length);
    order.forEach((old, i) => (rank[old] = i));
    const ids = order.map((old) => this.nodeIds[old]!);
    const kinds = Uint8Array.from(order, (old) => this.nodeKinds[old]!);
    const labels = order.map((old) => this.nodeLabels[old]!);
    return assemble(version, { ids, kinds, labels, index: new Map(ids.map((id, i) => [id, i])) }, this.sortedEdges(rank));
  }

  /** The edges by (source, type, target), each node at its index in `index` (which holds every node added). */
  sortedEdgesIn(index: ReadonlyMap<string, number>) {
    return this.sortedEdges(
      Uint32Array.from(this.nodeIds, (id) => index.get(id)!),
      index.size,
    );
  }

  /** The edges by (source, type, target), node `i` (in the order added) at index `rank[i]` of `nodes`. */
  private sortedEdges(rank: Uint32Array, nodes = rank.length): ProjectedEdges {
    const count = this.edgeTypes.length;
    const key = new Float64Array(count);
    for (let e = 0; e < count; e++) {
      key[e] = edgeKey(rank[this.edgeEnds[2 * e]!]!, this.edgeTypes[e]!, rank[this.edgeEnds[2 * e + 1]!]!, nodes);
    }
    const order = Uint32Array.from({ length: count }, (_, e) => e).sort((a, b) => key[a]! - key[b]!);
    const notes = new Map<number, string>();
    const sorted = {
      source: new Uint32Array(count),
      target: new Uint32Array(count),
      types: new Uint8Array(count),
      weights: new Float64Array(count),
      origins: new Uint8Array(count),
      notes,
    };
    order.forEach((old, e) => {
      sorted.source[e] = rank[this.edgeEnds[2 * old]!]!;
      sorted.target[e] = rank[this.edgeEnds[2 * old + 1]!]!;
      sorted.types[e] = this.edgeTypes[old]!;
      sorted.weights[e] = this.edgeWeights[old]!;
      sorted.origins[e] = this.edgeOrigins[old]!;
      const note = this.edgeNotes.get(old);
      if (note) notes.set(e, note);
    });
    return sorted;
  }
}

/** A projection's nodes, in id order, with the index of each id. */
interface ProjectedNodes {
  readonly ids: readonly string[];
  readonly kinds: Uint8Array;
  readonly labels: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

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
function assemble(version: number, nodes: ProjectedNodes, edges: ProjectedEdges): GraphProjection {
  const { offset, incident } = incidence(nodes.ids.length, edges.source, edges.target);
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
  );
}

/** The order edges are kept in: by source, then type, then target (node indices among `nodes`). */
function edgeKey(source: number, type: number, target: number, nodes: number): number {
  return (source * EDGE_TYPES.length + type) * nodes + target;
}

/** CSR incidence: for each node, the edges at it in edge order (so deterministic). */
function incidence(nodes: number, source: Uint32Array, target: Uint32Array): { offset: Uint32Array; incident: Uint32Array } {
  const offset = new Uint32Array(nodes + 1);
  for (let e = 0; e < source.length; e++) {
    offset[source[e]! + 1]! += 1;
    offset[target[e]! + 1]! += 1;
  }
  for (let i = 0; i < nodes; i++) offset[i + 1]! += offset[i]!;
  const fill = offset.slice(0, nodes);
  const incident = new Uint32Array(2 * source.length);
  for (let e = 0; e < source.length; e++) {
    incident[fill[source[e]!]!++] = e;
    incident[fill[target[e]!]!++] = e;
  }
  return { offset, incident };
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
