import { allowsEdge, EDGE_RULES, type EdgeType } from '../domain/edge-type';
import { BadUserInputError, NotFoundError } from '../domain/errors';
import type { EditableKind, GraphWriter, LinkRequest, LinkResult, UpsertResult } from '../domain/graph-writes';
import { makeNodeId, parseNodeId } from '../domain/node-id';
import type { NodeKind } from '../domain/node-kind';
import type { TextEmbedder } from '../domain/meaning';
import { labelOf, relTypeOf } from './cypher';
import { meaningFieldsOf, refreshMeaning } from './meaning-repository';
import type { QueryExecutor, Row } from './graph-database';
import { EDGE_PROJECTION, NODE_PROJECTION, toEdgeRecord, toNodeRecord } from './record-mapping';

type Run = (cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;

export class WriteRepository implements GraphWriter {
  /** `embedder`: the sentence model, when one is loaded; a write that changes a node's text embeds it in the same transaction. */
  constructor(
    private readonly db: QueryExecutor,
    private readonly embedder: TextEmbedder | null = null,
  ) {}

  upsertNode(kind: EditableKind, slug: string, properties: Readonly<Record<string, unknown>>): Promise<UpsertResult> {
    const id = makeNodeId(kind, slug);
    return this.db.writeTransaction(async (run, changes) => {
      changes.touched(id);
      const [row] = await run(
        `OPTIONAL MATCH (existing:${labelOf(kind)} {id: $id})
         WITH existing IS NULL AS created, existing { ${meaningFieldsOf(kind)} } AS before
         MERGE (n:${labelOf(kind)} {id: $id})
         SET n += $properties, n.slug = $slug
         RETURN created, before, ${NODE_PROJECTION} AS node`,
        { id, slug, properties },
      );
      const node = toNodeRecord(row!.node);
      await refreshMeaning(run, this.embedder, kind, id, (row!.before as Record<string, unknown> | null) ?? null, node.properties);
      return { created: Boolean(row!.created), node };
    });
  }

  link(request: LinkRequest): Promise<LinkResult> {
    return this.db.writeTransaction(async (run, changes) => {
      changes.touched(request.from);
      const [from, to] = await requireEndpoints(run, request.from, request.to);
      if (!allowsEdge(request.type, from, to)) {
        const rule = EDGE_RULES[request.type];
        throw new BadUserInputError('input.type', `${request.type} runs ${rule.from.join(' or ')} → ${rule.to.join(' or ')}, not ${from} → ${to}.`);
      }
      const [row] = await run(
        `MATCH (a:${labelOf(from)} {id: $from})
         MATCH (b:${labelOf(to)} {id: $to})
         OPTIONAL MATCH (a)-[existing:${relTypeOf(request.type)}]->(b)
         WITH a, b, existing IS NULL AS created
         MERGE (a)-[r:${relTypeOf(request.type)}]->(b)
         SET r.weight = $weight, r.note = $note, r.origin = $origin
         WITH created, r, b AS n
         RETURN created, ${EDGE_PROJECTION} AS edge, ${NODE_PROJECTION} AS target`,
        { from: request.from, to: request.to, weight: request.weight, note: request.note, origin: request.origin },
      );
      return { created: Boolean(row!.created), edge: toEdgeRecord(row!.edge), target: toNodeRecord(row!.target) };
    });
  }

  unlink(fromId: string, type: EdgeType, toId: string): Promise<boolean> {
    return this.db.writeTransaction(async (run, changes) => {
      changes.touched(fromId);
      const [from, to] = await requireEndpoints(run, fromId, toId);
      const [row] = await run(
        `MATCH (:${labelOf(from)} {id: $from})-[r:${relTypeOf(type)}]->(:${labelOf(to)} {id: $to})
         DELETE r
         RETURN count(r) AS removed`,
        { from: fromId, to: toId },
      );
      return Number(row?.removed ?? 0) > 0;
    });
  }

  deleteNode(id: string): Promise<number | null> {
    const parsed = parseNodeId(id);
    if (!parsed) return Promise.resolve(null);
    return this.db.writeTransaction(async (run, changes) => {
      // Its incoming edges go with it: the projection drops every edge of a node that is gone.
      changes.touched(id);
      const [row] = await run(
        `MATCH (n:${labelOf(parsed.kind)} {id: $id})
         WITH n, COUNT { (n)--() } AS edges
         DETACH DELETE n
         RETURN edges`,
        { id },
      );
      return row ? Number(row.edges) : null;
    });
  }
}

/** Both ends' kinds; NOT_FOUND naming the argument of a missing end. */
async function requireEndpoints(run: Run, from: string, to: string) {
  const [fromKind, toKind] = [from, to].map((id) => parseNodeId(id)!.kind) as [NodeKind, NodeKind];
  const [row] = await run(
    `OPTIONAL MATCH (a:${labelOf(fromKind)} {id: $from})
     OPTIONAL MATCH (b:${labelOf(toKind)} {id: $to})
     RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasTo`,
    { from, to },
  );
  if (!row?.hasFrom) throw new NotFoundError('input.from', from);
  if (!row.hasTo) throw new NotFoundError('input.to', to);
  return [fromKind, toKind] as const;
}
