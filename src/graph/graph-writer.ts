import { EdgeOrigin, type EdgeType } from '../domain/edge-type';
import type { NodeKind } from '../domain/node-kind';
import { ANY_KIND, labelOf, relTypeOf } from './cypher';
import type { Params, Row } from './graph-database';
import { groupBy } from './group-by';

export interface NodeInput {
  readonly id: string;
  readonly kind: NodeKind;
  readonly slug: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface EdgeInput {
  readonly type: EdgeType;
  readonly source: NodeInput['id'];
  readonly sourceKind: NodeKind;
  readonly target: NodeInput['id'];
  readonly targetKind: NodeKind;
  readonly properties: Readonly<Record<string, unknown>>;
}

type Run = (cypher: string, params?: Params) => Promise<Row[]>;

/**
 * Writes nodes and edges with one UNWIND statement per label and per (type, labels) group, so
 * a batch of any size costs a handful of statements. MERGE by id and by (source, type, target)
 * makes writing the same batch twice leave the same graph; properties are replaced, not merged.
 */
export async function writeGraphBatch(run: Run, nodes: readonly NodeInput[], edges: readonly EdgeInput[]): Promise<void> {
  for (const [kind, rows] of groupBy(nodes, (node) => node.kind)) {
    await run(
      `UNWIND $rows AS row
       MERGE (n:${labelOf(kind)} {id: row.id})
       SET n = row.properties, n.id = row.id, n.slug = row.slug`,
      { rows },
    );
  }
  const groups = groupBy(edges, (edge) => `${edge.type}|${edge.sourceKind}|${edge.targetKind}`);
  for (const rows of groups.values()) {
    const { type, sourceKind, targetKind } = rows[0]!;
    await run(
      `UNWIND $rows AS row
       MATCH (a:${labelOf(sourceKind)} {id: row.source})
       MATCH (b:${labelOf(targetKind)} {id: row.target})
       MERGE (a)-[r:${relTypeOf(type)}]->(b)
       SET r = row.properties`,
      { rows: rows.map(withEdgeDefaults) },
    );
  }
}

function withEdgeDefaults(edge: EdgeInput): EdgeInput {
  return {
    ...edge,
    properties: { weight: 1, origin: EdgeOrigin.ASSERTED, ...edge.properties },
  };
}

/** True when no node of any known kind exists. */
export const IS_EMPTY_QUERY = `RETURN NOT EXISTS { MATCH (n:${ANY_KIND}) } AS empty`;
