import type { EdgeOrigin, EdgeType } from './edge-type';
import type { EdgeRecord, NodeRecord } from './graph-records';
import type { NodeKind } from './node-kind';

/** The kinds editors create and update by slug. */
export type EditableKind = NodeKind.ESSAY | NodeKind.PRINCIPLE | NodeKind.ROLE | NodeKind.CONCEPT;

export interface UpsertResult {
  readonly node: NodeRecord;
  readonly created: boolean;
}

export interface LinkRequest {
  readonly from: string;
  readonly type: EdgeType;
  readonly to: string;
  readonly weight: number;
  readonly note: string | null;
  readonly origin: EdgeOrigin;
}

export interface LinkResult {
  readonly edge: EdgeRecord;
  /** The node the edge points to. */
  readonly target: NodeRecord;
  readonly created: boolean;
}

/** Writes of one mutation: each method is one transaction that commits whole or not at all. */
export interface GraphWriter {
  /** `properties` holds only the fields to set; a null value removes the property. */
  upsertNode(kind: EditableKind, slug: string, properties: Readonly<Record<string, unknown>>): Promise<UpsertResult>;
  link(request: LinkRequest): Promise<LinkResult>;
  /** True when an edge was removed. */
  unlink(from: string, type: EdgeType, to: string): Promise<boolean>;
  /** The number of edges removed with the node, or null when no node has the id. */
  deleteNode(id: string): Promise<number | null>;
}
