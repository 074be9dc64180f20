import type { SelectedNode } from '../domain/node-selection';
import { toGraphNode, type GraphNodeValue } from './graph-node.type';

/** Neighbour lists fetched ahead with a node, by the response key of their field. */
const aheadLists = new WeakMap<GraphNodeValue, ReadonlyMap<string, GraphNodeValue[]>>();

/** A node read with its selection; its lists wait for their field resolvers. */
export function toSelectedGraphNode(selected: SelectedNode): GraphNodeValue {
  const value = toGraphNode(selected.record);
  if (selected.edges.size > 0) {
    aheadLists.set(value, new Map([...selected.edges].map(([key, list]) => [key, list.map(toSelectedGraphNode)])));
  }
  return value;
}

/** The list fetched ahead for the field answering under `key`, if it was. */
export function listFetchedAhead(node: GraphNodeValue, key: string): GraphNodeValue[] | undefined {
  return aheadLists.get(node)?.get(key);
}
