import DataLoader from 'dataloader';
import type { Neighbour, NodeRecord } from '../domain/graph-records';
import type { NodeKind } from '../domain/node-kind';
import type { GraphReader, Hop } from '../domain/repositories';

/**
 * Per-request batching: every node lookup and every neighbour list of one shape asked for in
 * the same tick is answered by one query, so a nested GraphQL query costs one round trip per
 * level, not one per parent.
 */
export interface Loaders {
  readonly node: DataLoader<string, NodeRecord | null>;
  neighbours(kind: NodeKind, hop: Hop, first: number): DataLoader<string, Neighbour[]>;
}

export function createLoaders(reader: GraphReader): Loaders {
  const neighbourLoaders = new Map<string, DataLoader<string, Neighbour[]>>();
  return {
    node: new DataLoader((ids) => reader.findNodes(ids)),
    neighbours(kind, hop, first) {
      const key = `${kind}|${[...hop.types].sort().join('|')}|${hop.direction}|${first}`;
      let loader = neighbourLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => reader.findNeighbours(kind, hop, first, ids));
        neighbourLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
