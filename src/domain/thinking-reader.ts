import type { EdgeType } from './edge-type';
import type { EdgeRecord, NodeRecord } from './graph-records';
import type { NodeKind } from './node-kind';
import type { Direction } from './repositories';

export interface PathQuery {
  readonly from: string;
  readonly to: string;
  /** Path-length groups to read (every simple path of the shortest `groups` lengths): at least this many paths when they exist. */
  readonly groups: number;
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

/** A node of the same kind reached through a shared neighbour. */
export interface SharedNeighbour {
  readonly candidate: string;
  readonly via: NodeRecord;
  /** How many nodes of the kind have that neighbour. */
  readonly sharers: number;
}

export interface DirectLink {
  readonly candidate: string;
  readonly edge: EdgeRecord;
}

export interface RelatedEvidence {
  /** Nodes of the kind in the graph. */
  readonly population: number;
  readonly shared: readonly SharedNeighbour[];
  readonly direct: readonly DirectLink[];
}

export interface TextMatch {
  readonly id: string;
  readonly score: number;
}

export interface SubgraphQuery {
  /** Null: the whole graph. */
  readonly center: string | null;
  readonly depth: number;
  readonly kinds: readonly NodeKind[];
  readonly types: readonly EdgeType[];
  readonly limit: number;
}

export interface SubgraphNode extends NodeRecord {
  readonly hiddenNeighbors: number;
}

export interface Subgraph {
  readonly nodes: readonly SubgraphNode[];
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
  findPaths(query: PathQuery): Promise<FoundPath[]>;
  findRelatedEvidence(id: string, kind: NodeKind, maxCandidates: number): Promise<RelatedEvidence>;
  findSimilarText(kind: NodeKind, words: readonly string[], limit: number): Promise<TextMatch[]>;
  findSubgraph(query: SubgraphQuery): Promise<Subgraph>;
  findPrinciplePairs(minShared: number, maxSharedEssays: number): Promise<{ essays: number; pairs: PrinciplePair[] }>;
  findRoleSignals(role: string): Promise<{ roleEssays: number; signals: RoleSignal[] }>;
  readStructure(): Promise<GraphStructure>;
  /** Changes whenever nodes or relationships are added or removed. */
  readFingerprint(): Promise<string>;
}
