import { z } from 'zod';
import { compareKeys } from './compare-ids';
import { allowsEdge, EdgeType } from './edge-type';
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

const notNodeId = (issue: { input?: unknown }) => `"${String(issue.input)}" is not a node id.`;
const properties = z.record(z.string(), z.unknown(), { error: '"properties" must be an object.' });

const DUMP_NODE = z.object(
  {
    id: z.string({ error: notNodeId }).refine((id) => parseNodeId(id) !== null, { error: notNodeId }),
    properties,
  },
  { error: 'must be an object with "id" and "properties".' },
);

const DUMP_EDGE = z.object(
  {
    type: z.enum(EdgeType, { error: (issue) => `"${String(issue.input)}" is not an edge type.` }),
    source: z.string(),
    target: z.string(),
    // An edge may leave its properties out (the hand check never asked for them); the writer adds the defaults.
    properties: properties.default({}),
  },
  { error: 'must be an object with "type", "source", "target" and "properties".' },
);

/** The format of a dump file; what no shape can say (ids twice, edges the table forbids) is checked after. */
const GRAPH_DUMP = z
  .object(
    {
      format: z.literal(DUMP_FORMAT, { error: `Not a Thoughtgraph dump: "format" must be "${DUMP_FORMAT}".` }),
      version: z.literal(DUMP_VERSION, { error: (issue) => `Unsupported dump version ${String(issue.input)} (this build reads ${DUMP_VERSION}).` }),
      nodes: z.array(DUMP_NODE, { error: '"nodes" and "edges" must be lists.' }),
      edges: z.array(DUMP_EDGE, { error: '"nodes" and "edges" must be lists.' }),
    },
    { error: `Not a Thoughtgraph dump: "format" must be "${DUMP_FORMAT}".` },
  )
  .check((context) => {
    // Zod runs this even after an entry failed; references mean something only in a well-formed dump.
    if (context.issues.length > 0) return;
    const problem = findBadReference(context.value);
    if (problem) context.issues.push({ code: 'custom', input: context.value, ...problem });
  });

/** Checks a parsed file against the format; the message names the first bad entry. */
export function validateDump(value: unknown): GraphDump {
  const result = GRAPH_DUMP.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new DumpError(issue ? describeIssue(issue.path, issue.message) : 'Not a Thoughtgraph dump.');
}

/** `nodes[3]: message` for an entry, the bare message for the file as a whole. */
function describeIssue(path: readonly PropertyKey[], message: string): string {
  const [list, index] = path;
  return typeof list === 'string' && typeof index === 'number' ? `${list}[${index}]: ${message}` : message;
}

/** The first id that appears twice or edge that names a missing node or breaks the edge table. */
function findBadReference(dump: GraphDump): { path: PropertyKey[]; message: string } | null {
  const kinds = new Map<string, NodeKind>();
  for (const [index, node] of dump.nodes.entries()) {
    if (kinds.has(node.id)) return { path: ['nodes', index], message: `${node.id} appears twice.` };
    kinds.set(node.id, parseNodeId(node.id)!.kind);
  }
  for (const [index, edge] of dump.edges.entries()) {
    const from = kinds.get(edge.source);
    const to = kinds.get(edge.target);
    if (!from || !to) return { path: ['edges', index], message: `${edge.source} → ${edge.target} names a node the dump does not hold.` };
    if (!allowsEdge(edge.type, from, to)) return { path: ['edges', index], message: `${edge.type} cannot run ${from} → ${to}.` };
  }
  return null;
}

/** One JSON text per graph: the same graph always gives the same text. */
export function canonicalJson(dump: GraphDump): string {
  return JSON.stringify(dump, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => compareKeys(a, b))) : value,
  );
}
