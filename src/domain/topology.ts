import type { EdgeOrigin, EdgeType } from './edge-type';
import type { NodeKind } from './node-kind';

/** Receives the graph's topology, every node before any edge. */
export interface TopologySink {
  addNode(id: string, kind: NodeKind, label: string): void;
  addEdge(source: string, target: string, type: EdgeType, weight: number, origin: EdgeOrigin, note: string | null): void;
}

export interface TopologyProgress {
  readonly nodes: number;
  readonly edges: number;
}

/** The reads behind the in-memory projection: the version counter and the whole topology. */
export interface TopologyReader {
  /** The graph version now: every committed write transaction raises it by one. */
  readVersion(): Promise<number>;
  /**
   * Streams every node, then every edge, and answers the version they belong to; null when a
   * write committed during the read, so the caller cannot know which version it saw.
   */
  readTopology(sink: TopologySink, progress?: (done: TopologyProgress) => void): Promise<number | null>;
}
