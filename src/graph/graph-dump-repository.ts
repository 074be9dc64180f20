import { DUMP_FORMAT, DUMP_VERSION, type DumpEdge, type GraphDump } from '../domain/graph-dump';
import type { EdgeType } from '../domain/edge-type';
import { parseNodeId } from '../domain/node-id';
import { ANY_KIND } from './cypher';
import type { QueryExecutor } from './graph-database';
import { writeGraphBatch, type EdgeInput, type NodeInput } from './graph-writer';
import { WITHOUT_MEANING, withoutMeaning } from './record-mapping';

/** Reads the whole graph of known kinds, in canonical order. */
export async function readGraphDump(db: QueryExecutor): Promise<GraphDump> {
  const nodes = await db.read(
    `MATCH (n:${ANY_KIND})
     RETURN n.id AS id, n { .*, ${WITHOUT_MEANING} } AS properties
     ORDER BY id`,
  );
  const edges = await db.read(
    `MATCH (a:${ANY_KIND})-[r]->(b:${ANY_KIND})
     RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
     ORDER BY source, type, target`,
  );
  return {
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    // Vectors are derived from the text and a model: an import embeds what it loads.
    nodes: nodes.map((row) => ({ id: String(row.id), properties: withoutMeaning(row.properties as Record<string, unknown>) })),
    edges: edges.map((row) => ({
      type: row.type as EdgeType,
      source: String(row.source),
      target: String(row.target),
      properties: row.properties as Record<string, unknown>,
    })),
  };
}

export interface BatchProgress {
  readonly nodes: number;
  readonly edges: number;
}

/**
 * Writes nodes, then edges, in transactions of `batchSize` items each (MERGE: writing the same
 * items again leaves the same graph). Reports progress after every batch has committed, so the
 * counts it gives are written for certain.
 */
export async function writeInBatches(
  db: QueryExecutor,
  nodes: readonly NodeInput[],
  edges: readonly EdgeInput[],
  batchSize: number,
  onProgress: (progress: BatchProgress) => void = () => {},
): Promise<void> {
  for (let start = 0; start < nodes.length; start += batchSize) {
    const batch = nodes.slice(start, start + batchSize);
    await db.writeTransaction((run) => writeGraphBatch(run, batch, []));
    onProgress({ nodes: start + batch.length, edges: 0 });
  }
  for (let start = 0; start < edges.length; start += batchSize) {
    const batch = edges.slice(start, start + batchSize);
    await db.writeTransaction((run) => writeGraphBatch(run, [], batch));
    onProgress({ nodes: nodes.length, edges: start + batch.length });
  }
}

/** A validated dump as writer input. */
export function toWriterInput(dump: GraphDump): { nodes: NodeInput[]; edges: EdgeInput[] } {
  const kindOf = (id: string) => parseNodeId(id)!.kind;
  return {
    nodes: dump.nodes.map((node) => ({ id: node.id, kind: kindOf(node.id), slug: parseNodeId(node.id)!.slug, properties: node.properties })),
    edges: dump.edges.map((edge: DumpEdge) => ({
      type: edge.type,
      source: edge.source,
      sourceKind: kindOf(edge.source),
      target: edge.target,
      targetKind: kindOf(edge.target),
      properties: edge.properties,
    })),
  };
}
