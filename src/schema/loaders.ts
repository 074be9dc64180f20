import DataLoader from 'dataloader';
import type { Neighbour, NodeRecord } from '../domain/graph-records';
import type { NodeKind } from '../domain/node-kind';
import { selectionKey, type NodeSelection, type SelectedNode } from '../domain/node-selection';
import type { GraphReader, Hop } from '../domain/repositories';

/**
 * Per-request batching: every node lookup and every neighbour list of one shape asked for in
 * the same tick is answered by one query, so a nested GraphQL query costs one round trip per
 * level, not one per parent.
 */
export interface Loaders {
  readonly node: DataLoader<string, NodeRecord | null>;
  neighbours(kind: NodeKind, hop: Hop, first: number): DataLoader<string, Neighbour[]>;
  /** Neighbour lists in neighbour-id order, reading only what `selection` names. */
  neighbourNodes(kind: NodeKind, hop: Hop, first: number, selection: NodeSelection): DataLoader<string, readonly SelectedNode[]>;
}

const LIST_KEY = 'list';

export function createLoaders(reader: GraphReader): Loaders {
  const neighbourLoaders = new Map<string, DataLoader<string, Neighbour[]>>();
  const selectedLoaders = new Map<string, DataLoader<string, readonly SelectedNode[]>>();
  return {
    node: new DataLoader((ids) => reader.findNodes(ids)),
    neighbours(kind, hop, first) {
      const key = hopKey(kind, hop, first);
      let loader = neighbourLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => reader.findNeighbours(kind, hop, first, ids));
        neighbourLoaders.set(key, loader);
      }
      return loader;
    },
    neighbourNodes(kind, hop, first, selection) {
      const key = `${hopKey(kind, hop, first)}|${selectionKey(selection)}`;
      let loader = selectedLoaders.get(key);
      if (!loader) {
        const listed: NodeSelection = { properties: [], degree: false, edges: [{ key: LIST_KEY, hop, first, selection }] };
        loader = new DataLoader(async (ids) => {
          const sources = await reader.findSelected(kind, ids, listed);
          return sources.map((source) => source?.edges.get(LIST_KEY) ?? []);
        });
        selectedLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

function hopKey(kind: NodeKind, hop: Hop, first: number): string {
  return `${kind}|${[...hop.types].sort().join('|')}|${hop.direction}|${first}`;
}
