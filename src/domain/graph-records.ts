import type { EdgeOrigin, EdgeType } from './edge-type';
import type { NodeKind } from './node-kind';

/** A node as the repositories return it: common fields plus the kind's own properties. */
export interface NodeRecord {
  readonly id: string;
  readonly kind: NodeKind;
  readonly slug: string;
  readonly label: string;
  /** Relationships of any type and direction, over the whole graph. */
  readonly degree: number;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface EdgeRecord {
  readonly type: EdgeType;
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  readonly note: string | null;
  readonly origin: EdgeOrigin;
  /** Type-specific properties such as WORKED_AT's `as` and `order`. */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A neighbour reached over one edge. */
export interface Neighbour {
  readonly node: NodeRecord;
  readonly edge: EdgeRecord;
}

export interface SearchHit {
  readonly node: NodeRecord;
  readonly score: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly hasNextPage: boolean;
  /** Every item that matches, when the query asked for it (`withTotal`). */
  readonly total?: number;
}
