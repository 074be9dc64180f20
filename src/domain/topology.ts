import type { EdgeOrigin, EdgeType } from './edge-type';
import type { NodeKind } from './node-kind';

/** What the word signal reads of a node: its WORD_FIELDS values (domain/word-relevance.ts), in order. */
export interface NodeWords {
  readonly fields: readonly unknown[];
}

/** Receives the graph's topology, every node before any edge. */
export interface TopologySink {
  addNode(id: string, kind: NodeKind, label: string, words?: NodeWords): void;
  addEdge(source: string, target: string, type: EdgeType, weight: number, origin: EdgeOrigin, note: string | null): void;
}

export interface TopologyProgress {
  readonly nodes: number;
  readonly edges: number;
}

/** One node as the topology holds it, with its outgoing edges. */
export interface TopologyRow {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly words?: NodeWords;
  readonly out: readonly {
    readonly target: string;
    readonly type: EdgeType;
    readonly weight: number;
    readonly origin: EdgeOrigin;
    readonly note: string | null;
  }[];
}

/**
 * The topology's changes since a version: every node the logged writes touched, and for those
 * that still exist their rows now (a touched id without a row was deleted, with its edges).
 * `unlogged`: some write since then left no entry, or the log no longer reaches back, or too
 * many nodes changed: read the topology whole. `moving`: a write committed during the read.
 */
export type TopologyChanges =
  | { readonly kind: 'changes'; readonly version: number; readonly touched: readonly string[]; readonly rows: readonly TopologyRow[] }
  | { readonly kind: 'unlogged' }
  | { readonly kind: 'moving' };

/** The reads behind the in-memory projection: the version counter and the whole topology. */
export interface TopologyReader {
  /** The graph version now: every committed write transaction raises it by one. */
  readVersion(): Promise<number>;
  /**
   * Streams every node, then every edge, and answers the version they belong to; null when a
   * write committed during the read, so the caller cannot know which version it saw.
   */
  readTopology(sink: TopologySink, progress?: (done: TopologyProgress) => void): Promise<number | null>;
  /** What changed after version `since`, at one version; at most `maxNodes` touched nodes, else `unlogged`. */
  readChanges(since: number, maxNodes: number): Promise<TopologyChanges>;
}
