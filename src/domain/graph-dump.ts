import { allowsEdge, EDGE_TYPES, type EdgeType } from './edge-type';
import { parseNodeId } from './node-id';
import type { NodeKind } from './node-kind';

export const DUMP_FORMAT = 'thoughtgraph-graph';
export const DUMP_VERSION = 1;

export interface DumpNode {
  readonly id: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface DumpEdge {
  readonly type: EdgeType;
  readonly source: string;
  readonly target: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** Every node, edge and property; nodes by id, edges by source, type and target. */
export interface GraphDump {
  readonly format: typeof DUMP_FORMAT;
  readonly version: typeof DUMP_VERSION;
  readonly nodes: readonly DumpNode[];
  readonly edges: readonly DumpEdge[];
}

export class DumpError extends Error {}

/** Checks a parsed file against the format; the message names the first bad entry. */
export function validateDump(value: unknown): GraphDump {
  const dump = value as Partial<GraphDump> | null;
  if (!dump || dump.format !== DUMP_FORMAT) throw new DumpError(`Not a Thoughtgraph dump: "format" must be "${DUMP_FORMAT}".`);
  if (dump.version !== DUMP_VERSION) throw new DumpError(`Unsupported dump version ${String(dump.version)} (this build reads ${DUMP_VERSION}).`);
  if (!Array.isArray(dump.nodes) || !Array.isArray(dump.edges)) throw new DumpError('"nodes" and "edges" must be lists.');
  const kinds = new Map<string, NodeKind>();
  dump.nodes.forEach((node, index) => {
    const parsed = typeof node?.id === 'string' ? parseNodeId(node.id) : null;
    if (!parsed) throw new DumpError(`nodes[${index}]: "${String(node?.id)}" is not a node id.`);
    if (typeof node.properties !== 'object' || node.properties === null) throw new DumpError(`nodes[${index}]: "properties" must be an object.`);
    if (kinds.has(node.id)) throw new DumpError(`nodes[${index}]: ${node.id} appears twice.`);
    kinds.set(node.id, parsed.kind);
  });
  dump.edges.forEach((edge, index) => {
    if (!EDGE_TYPES.includes(edge?.type)) throw new DumpError(`edges[${index}]: "${String(edge?.type)}" is not an edge type.`);
    const from = kinds.get(edge.source);
    const to = kinds.get(edge.target);
    if (!from || !to) throw new DumpError(`edges[${index}]: ${edge.source} → ${edge.target} names a node the dump does not hold.`);
    if (!allowsEdge(edge.type, from, to)) throw new DumpError(`edges[${index}]: ${edge.type} cannot run ${from} → ${to}.`);
  });
  return dump as GraphDump;
}

/** One JSON text per graph: the same graph always gives the same text. */
export function canonicalJson(dump: GraphDump): string {
  return JSON.stringify(dump, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
