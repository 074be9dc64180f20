import neo4j from 'neo4j-driver';
import type { NodeRecord } from '../domain/graph-records';
import { parseNodeId } from '../domain/node-id';
import type { NodeSelection, SelectedNode } from '../domain/node-selection';
import { relPattern } from './cypher';
import type { Params } from './graph-database';

/*
 * A NodeSelection as one Cypher map expression: the id, the selected properties (their names
 * are parameters, read as `n[key]`), the degree only when asked, and each neighbour list as a
 * COLLECT subquery nested inside, so a node and every list under it cost one round trip.
 * Neighbour lists are in neighbour-id order and limited before anything is projected: no edge
 * property is read to order them, and only the kept neighbours are projected.
 */

/** The map expression for the node in `variable`; adds the parameters it uses to `params`. */
export function selectionProjection(variable: string, selection: NodeSelection, params: Params): string {
  const name = (prefix: string) => `${prefix}${Object.keys(params).length}`;
  const keys = name('keys');
  params[keys] = selection.properties;
  const parts = [`id: ${variable}.id`, `values: [key IN $${keys} | ${variable}[key]]`];
  if (selection.degree) parts.push(`degree: COUNT { (${variable})--() }`);
  selection.edges.forEach((edge, index) => {
    const first = name('first');
    params[first] = neo4j.int(edge.first);
    const next = `${variable}_${index}`;
    parts.push(
      `e${index}: COLLECT {
         MATCH (${variable})${relPattern(edge.hop.types, edge.hop.direction, '')}(${next})
         WITH ${next}
         ORDER BY ${next}.id
         LIMIT $${first}
         RETURN ${selectionProjection(next, edge.selection, params)}
       }`,
    );
  });
  return `{ ${parts.join(', ')} }`;
}

/** Reads back what `selectionProjection` returned. */
export function toSelectedNode(value: unknown, selection: NodeSelection): SelectedNode {
  const raw = value as { id: string; values: unknown[]; degree?: number } & Record<string, unknown>;
  const edges = new Map(selection.edges.map((edge, index) => [edge.key, (raw[`e${index}`] as unknown[]).map((item) => toSelectedNode(item, edge.selection))]));
  return { record: toSelectedRecord(raw.id, selection.properties, raw.values, raw.degree ?? 0), edges };
}

function toSelectedRecord(id: string, keys: readonly string[], values: readonly unknown[], degree: number): NodeRecord {
  const parsed = parseNodeId(id);
  if (!parsed) throw new Error(`A stored node has a malformed id: ${id}`);
  // A missing property stays absent, as `n { .* }` leaves it, so a list field keeps its default.
  const properties = Object.fromEntries(keys.flatMap((key, index) => (values[index] === null ? [] : [[key, values[index]] as const])));
  const title = properties.title ?? properties.name;
  return {
    id,
    kind: parsed.kind,
    slug: parsed.slug,
    label: typeof title === 'string' ? title : parsed.slug,
    degree: Number(degree),
    properties,
  };
}
