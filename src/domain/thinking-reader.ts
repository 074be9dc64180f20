import type { EdgeType } from './edge-type';
import type { EdgeRecord, NodeRecord } from './graph-records';
import type { NodeKind } from './node-kind';
import type { RelatedEvidence, TextEvidence } from './relatedness';
import type { Direction } from './repositories';

export interface PathQuery {
  readonly from: string;
  readonly to: string;
  /** Path-length groups to read (every simple path of the shortest `groups` lengths): at least this many paths when they exist. */
  readonly groups: number;
  /** Paths the answer keeps: a reader that ranks paths itself may return just the k best. */
  readonly k: number;
  readonly maxHops: number;
  /** Empty: any type. */
  readonly types: readonly EdgeType[];
  readonly direction: Direction;
  readonly avoid: readonly string[];
}

/** A simple path (no node twice): `edges[i]` joins `nodes[i]` and `nodes[i + 1]`. */
export interface FoundPath {
  readonly nodes: readonly NodeRecord[];
  readonly edges: readonly EdgeRecord[];
}

export interface SubgraphQuery {
  /** Null: the whole graph. */
  readonly center: string | null;
  readonly depth: number;
  readonly kinds: readonly NodeKind[];
  readonly types: readonly EdgeType[];
  readonly limit: number;
}

/** A map node: what a drawing needs, no properties. */
export interface SubgraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly degree: number;
  /** Neighbours over the request's edge types, of the request's kinds, that the map leaves out. */
  readonly hiddenNeighbors: number;
}

/** Where the whole graph's layout puts a node; absent until a global layout exists. */
export interface Placement {
  readonly cluster: number;
  readonly x: number;
  readonly y: number;
}

export interface Subgraph {
  readonly nodes: readonly SubgraphNode[];
  /** Positions and clusters from one layout of the whole graph (stable across maps); null: lay out per request. */
  readonly placements: ReadonlyMap<string, Placement> | null;
  readonly edges: readonly EdgeRecord[];
  readonly truncated: boolean;
}

export interface PrinciplePair {
  readonly a: string;
  readonly b: string;
  readonly shared: number;
  /** The first of the shared essays, in id order. */
  readonly sharedEssays: readonly string[];
  readonly aEssays: number;
  readonly bEssays: number;
  readonly direct: readonly EdgeType[];
}

export interface RoleSignal {
  readonly principle: string;
  /** Weight of the principle's APPLIES_TO edge to the role; null when it has none. */
  readonly applies: number | null;
  /** Essays addressing the role that articulate the principle. */
  readonly essays: number;
}

export interface GraphStructure {
  readonly nodes: readonly { readonly id: string; readonly kind: NodeKind }[];
  readonly edges: readonly { readonly source: string; readonly target: string; readonly weight: number }[];
}

/** The reads behind relatedThoughts, conceptPath, conceptMap and the analytics. */
export interface ThinkingReader {
  /** The one graph version every answer of this reader belongs to; null when it reads whatever is committed (Cypher). */
  readonly fixedVersion: number | null;
  /** The version whose whole-graph layout places map nodes; null when maps are laid out per request. */
  readonly layoutVersion: number | null;
  findPaths(query: PathQuery): Promise<FoundPath[]>;
  /** Everything structural that relates `id` to nodes of its kind. */
  findRelatedEvidence(id: string, kind: NodeKind): Promise<RelatedEvidence>;
  /**
   * The nodes of `kind` whose text is most like node `id`'s, up to `limit` of each signal: by
   * its distinctive words (see MORE_LIKE_THIS) and by meaning (its vector's nearest, when it has
   * one); null when there is no such node.
   */
  findTextEvidence(id: string, kind: NodeKind, limit: number): Promise<TextEvidence | null>;
  findSubgraph(query: SubgraphQuery): Promise<Subgraph>;
  findPrinciplePairs(minShared: number, maxSharedEssays: number): Promise<{ essays: number; pairs: PrinciplePair[] }>;
  findRoleSignals(role: string): Promise<{ roleEssays: number; signals: RoleSignal[] }>;
  readStructure(): Promise<GraphStructure>;
  /** The graph version this reader answers for (every write raises it). */
  readVersion(): Promise<number>;
  /**
   * A reader that holds the topology in memory (the projection) gives nodes without their
   * properties (id, kind, slug, label, degree) at its version, with no round trip: enough for an
   * answer that selects no more. Its paths carry such outlines, to be hydrated as the answer needs.
   */
  outlineNodes?(ids: readonly string[]): Promise<(NodeRecord | null)[]>;
}
