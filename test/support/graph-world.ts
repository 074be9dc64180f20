import { allowsEdge, EdgeOrigin, type EdgeType } from '../../src/domain/edge-type';
import type { EdgeRecord, NodeRecord } from '../../src/domain/graph-records';
import { parseNodeId } from '../../src/domain/node-id';
import type { NodeKind } from '../../src/domain/node-kind';
import type { EdgeInput, NodeInput } from '../../src/graph/graph-writer';

/*
 * A graph as plain data: what the in-memory fakes are built from, and what an integration test
 * writes into a Neo4j of its own, so both answer about the same world. A node's kind is the
 * prefix of its id, as everywhere in the domain.
 */

export interface WorldNode {
  readonly id: string;
  /** Every property but the id and slug (which the id gives): `title` or `name`, `summary`, ... */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** An edge runs `from` → `to`; weight 1, origin ASSERTED and no note unless given, as the writer stores it. */
export interface WorldEdge {
  readonly type: EdgeType;
  readonly from: string;
  readonly to: string;
  readonly weight?: number;
  readonly origin?: EdgeOrigin;
  readonly note?: string;
  /** Type-specific properties, such as WORKED_AT's `as` and `order`. */
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface GraphWorld {
  readonly nodes: readonly WorldNode[];
  readonly edges: readonly WorldEdge[];
}

interface StoredNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly slug: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** An edge at a node: the edge, the node at its other end, and whether the node is its source. */
export interface Incidence {
  readonly edge: EdgeRecord;
  readonly other: string;
  readonly outgoing: boolean;
}

/**
 * A world checked against the domain's rules (well-formed ids, each id once, the kinds each edge
 * type may join, one edge per source, type and target, no self-loops), with the records the
 * repositories would return for it.
 */
export class InMemoryGraph {
  private readonly nodes = new Map<string, StoredNode>();
  readonly edges: readonly EdgeRecord[];
  private readonly incidences = new Map<string, Incidence[]>();

  constructor(world: GraphWorld) {
    for (const { id, properties } of world.nodes) {
      const parsed = parseNodeId(id);
      if (!parsed) throw new Error(`The world names a malformed id: ${id}`);
      if (this.nodes.has(id)) throw new Error(`The world lists ${id} twice.`);
      this.nodes.set(id, { id, ...parsed, properties });
      this.incidences.set(id, []);
    }
    this.edges = world.edges.map((edge) => this.checked(edge));
    const keys = new Set(this.edges.map((edge) => `${edge.source}|${edge.type}|${edge.target}`));
    if (keys.size !== this.edges.length) throw new Error('The world lists an edge twice (Neo4j would MERGE them into one).');
    for (const edge of this.edges) {
      this.incidences.get(edge.source)!.push({ edge, other: edge.target, outgoing: true });
      this.incidences.get(edge.target)!.push({ edge, other: edge.source, outgoing: false });
    }
  }

  get ids(): string[] {
    return [...this.nodes.keys()];
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  kindOf(id: string): NodeKind | undefined {
    return this.nodes.get(id)?.kind;
  }

  /** The node as `findNodes` returns it: every property, the label from `title` or `name`, the degree over the whole graph. */
  record(id: string): NodeRecord | null {
    const node = this.nodes.get(id);
    if (!node) return null;
    const { properties } = node;
    return { id, kind: node.kind, slug: node.slug, label: labelFrom(properties, node.slug), degree: this.degree(id), properties };
  }

  /** Only the given properties (absent ones left out), the degree only when asked: what a selection reads. */
  selectedRecord(id: string, keys: readonly string[], withDegree: boolean): NodeRecord {
    const node = this.nodes.get(id)!;
    const properties = Object.fromEntries(keys.flatMap((key) => (node.properties[key] == null ? [] : [[key, node.properties[key]]])));
    return { id, kind: node.kind, slug: node.slug, label: labelFrom(properties, node.slug), degree: withDegree ? this.degree(id) : 0, properties };
  }

  property(id: string, key: string): unknown {
    return this.nodes.get(id)?.properties[key];
  }

  degree(id: string): number {
    return this.incidences.get(id)?.length ?? 0;
  }

  incident(id: string): readonly Incidence[] {
    return this.incidences.get(id) ?? [];
  }

  private checked(edge: WorldEdge): EdgeRecord {
    const source = this.nodes.get(edge.from);
    const target = this.nodes.get(edge.to);
    if (!source || !target) throw new Error(`The edge ${edge.from} -${edge.type}-> ${edge.to} names a node the world lacks.`);
    if (source === target) throw new Error(`The edge ${edge.from} -${edge.type}-> itself is a self-loop.`);
    if (!allowsEdge(edge.type, source.kind, target.kind)) throw new Error(`${edge.type} cannot run ${source.kind} → ${target.kind}.`);
    return {
      type: edge.type,
      source: edge.from,
      target: edge.to,
      weight: edge.weight ?? 1,
      note: edge.note ?? null,
      origin: edge.origin ?? EdgeOrigin.ASSERTED,
      properties: edge.properties ?? {},
    };
  }
}

/** As record-mapping.ts reads a label: the title, else the name, else the slug. */
function labelFrom(properties: Readonly<Record<string, unknown>>, slug: string): string {
  const label = properties.title ?? properties.name;
  return typeof label === 'string' ? label : slug;
}

/** The world as the graph writer takes it (`writeGraphBatch`), for a test that writes it into Neo4j. */
export function toWriterInput(world: GraphWorld): { nodes: NodeInput[]; edges: EdgeInput[] } {
  const graph = new InMemoryGraph(world);
  const nodes = world.nodes.map(({ id, properties }) => ({ id, kind: graph.kindOf(id)!, slug: parseNodeId(id)!.slug, properties }));
  const edges = graph.edges.map((edge) => ({
    type: edge.type,
    source: edge.source,
    sourceKind: graph.kindOf(edge.source)!,
    target: edge.target,
    targetKind: graph.kindOf(edge.target)!,
    properties: { ...edge.properties, weight: edge.weight, origin: edge.origin, ...(edge.note === null ? {} : { note: edge.note }) },
  }));
  return { nodes, edges };
}
