import type { NodeRecord } from './graph-records';
import type { Hop } from './repositories';

/**
 * What one operation reads of a node, so a read fetches that and no more: the properties
 * (besides the id, which is always read), whether the degree is wanted, and the neighbour lists
 * to fetch in the same round trip.
 */
export interface NodeSelection {
  readonly properties: readonly string[];
  readonly degree: boolean;
  readonly edges: readonly EdgeSelection[];
}

/** A neighbour list in neighbour-id order, under the key the client's response uses. */
export interface EdgeSelection {
  readonly key: string;
  readonly hop: Hop;
  readonly first: number;
  readonly selection: NodeSelection;
}

/**
 * A node as a selection read it: the record holds only the selected properties (its degree is 0
 * unless selected), and each selected neighbour list sits under its key.
 */
export interface SelectedNode {
  readonly record: NodeRecord;
  readonly edges: ReadonlyMap<string, readonly SelectedNode[]>;
}

export const EMPTY_SELECTION: NodeSelection = { properties: [], degree: false, edges: [] };

/** A selection's identity, for batching reads that select the same. */
export function selectionKey(selection: NodeSelection): string {
  return JSON.stringify(selection);
}
