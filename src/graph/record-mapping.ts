import { EdgeOrigin, type EdgeType } from '../domain/edge-type';
import type { EdgeRecord, NodeRecord } from '../domain/graph-records';
import { MEANING_PROPERTIES } from '../domain/meaning';
import { NODE_KINDS, type NodeKind } from '../domain/node-kind';

/**
 * A node's properties without its meaning vector and model (kept for the vector index, never
 * shown: 384 numbers no reader wants). `n { .*, embedding: null }` sends a null in place of the
 * vector, and the mappers drop the key.
 */
export const WITHOUT_MEANING = Object.values(MEANING_PROPERTIES)
  .map((property) => `${property}: null`)
  .join(', ');

/**
 * Cypher map projections the mappers below read. `n` and `r` are the node and relationship
 * variables of the query that embeds them.
 */
export const NODE_PROJECTION = `n { .*, ${WITHOUT_MEANING}, labels: labels(n), degree: COUNT { (n)--() } }`;
export const EDGE_PROJECTION = 'r { .*, type: type(r), source: startNode(r).id, target: endNode(r).id }';

const NODE_KEYS = new Set(['id', 'slug', 'labels', 'degree', ...Object.values(MEANING_PROPERTIES)]);
const EDGE_KEYS = new Set(['type', 'source', 'target', 'weight', 'note', 'origin']);

/**
 * The node kind among a node's labels (the schema gives every node exactly one). A node of no
 * known kind is a defect in the query that returned it, so it fails loudly rather than being
 * passed off as some other kind.
 */
export function kindOfLabels(labels: readonly string[]): NodeKind {
  const kind = NODE_KINDS.find((candidate) => labels.includes(candidate));
  if (kind === undefined) throw new Error(`A node with labels [${labels.join(', ')}] is of no known kind.`);
  return kind;
}

export function toNodeRecord(value: unknown): NodeRecord {
  const raw = value as Record<string, unknown>;
  return {
    id: String(raw.id),
    kind: kindOfLabels(raw.labels as string[]),
    slug: String(raw.slug),
    label: String(raw.title ?? raw.name ?? raw.slug),
    degree: Number(raw.degree ?? 0),
    properties: omit(raw, NODE_KEYS),
  };
}

export function toEdgeRecord(value: unknown): EdgeRecord {
  const raw = value as Record<string, unknown>;
  return {
    type: raw.type as EdgeType,
    source: String(raw.source),
    target: String(raw.target),
    weight: typeof raw.weight === 'number' ? raw.weight : 1,
    note: typeof raw.note === 'string' ? raw.note : null,
    origin: raw.origin === EdgeOrigin.INFERRED ? EdgeOrigin.INFERRED : EdgeOrigin.ASSERTED,
    properties: omit(raw, EDGE_KEYS),
  };
}

/** Properties as stored, less the meaning vector and its model (read with `WITHOUT_MEANING`). */
export function withoutMeaning(properties: Record<string, unknown>): Record<string, unknown> {
  return omit(properties, MEANING_KEYS);
}

const MEANING_KEYS: ReadonlySet<string> = new Set(Object.values(MEANING_PROPERTIES));

function omit(raw: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !keys.has(key)));
}
