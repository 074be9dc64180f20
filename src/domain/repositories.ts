import type { EdgeType } from './edge-type';
import type { Neighbour, NodeRecord, Page, SearchHit } from './graph-records';
import type { NodeKind } from './node-kind';
import type { NodeSelection, SelectedNode } from './node-selection';

export enum Direction {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  ANY = 'ANY',
}

/** One step from a node: edges of these types (all types when empty) in a direction. */
export interface Hop {
  readonly types: readonly EdgeType[];
  readonly direction: Direction;
}

/** Keeps nodes that have an edge of one of `types`, in `direction`, to the node `id`. */
export interface EdgeFilter extends Hop {
  readonly id: string;
}

/** Properties a list may be filtered on: a closed list, so a name can enter Cypher as syntax. */
export const LIST_PROPERTIES = ['category'] as const;
export type ListProperty = (typeof LIST_PROPERTIES)[number];

export interface ListQuery {
  readonly kind: NodeKind;
  readonly first: number;
  /** The slug after which the page starts (decoded from the client's cursor). */
  readonly afterSlug: string | null;
  readonly edges: readonly EdgeFilter[];
  readonly properties: Readonly<Partial<Record<ListProperty, string>>>;
  /** What to read of each listed node; every property and the degree when absent. */
  readonly selection?: NodeSelection;
  /** Count every node that matches too (the page's `total`), in the same read. */
  readonly withTotal?: boolean;
}

/** Reads of the graph. Batch methods answer in the order and length of their keys. */
/** Where an answer reads its nodes from: full records, or outlines (see ThinkingReader.outlineNodes). */
export type NodeSource = Pick<GraphReader, 'findNodes'>;

/** The nodes of `ids` that exist, by id: one batched read. */
export async function readNodesById(nodes: NodeSource, ids: readonly string[]): Promise<Map<string, NodeRecord>> {
  return new Map((await nodes.findNodes(ids)).flatMap((node) => (node ? [[node.id, node] as const] : [])));
}

export interface GraphReader {
  findNodes(ids: readonly string[]): Promise<(NodeRecord | null)[]>;
  findNeighbours(kind: NodeKind, hop: Hop, first: number, ids: readonly string[]): Promise<Neighbour[][]>;
  /** Nodes of one kind with what `selection` names, neighbour lists included, in one round trip. */
  findSelected(kind: NodeKind, ids: readonly string[], selection: NodeSelection): Promise<(SelectedNode | null)[]>;
  listNodes(query: ListQuery): Promise<Page<NodeRecord>>;
  countNodes(query: Omit<ListQuery, 'first' | 'afterSlug'>): Promise<number>;
  search(text: string, kinds: readonly NodeKind[], first: number): Promise<SearchHit[]>;
}
