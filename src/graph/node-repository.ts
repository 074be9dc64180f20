import neo4j from 'neo4j-driver';
import type { Neighbour, NodeRecord, Page, SearchHit } from '../domain/graph-records';
import type { NodeKind } from '../domain/node-kind';
import type { NodeSelection, SelectedNode } from '../domain/node-selection';
import { parseNodeId } from '../domain/node-id';
import { searchWords } from '../domain/search-text';
import { LIST_PROPERTIES, type EdgeFilter, type GraphReader, type Hop, type ListQuery } from '../domain/repositories';
import { labelOf, relPattern } from './cypher';
import { groupBy } from './group-by';
import type { QueryExecutor } from './graph-database';
import { EDGE_PROJECTION, NODE_PROJECTION, toEdgeRecord, toNodeRecord } from './record-mapping';
import { selectionProjection, toSelectedNode } from './selection-cypher';

export const FULLTEXT_INDEX = 'nodeText';

/** Reads through one request's executor; every batch method costs one round trip. */
/** `total`: the nodes of `kind` that pass a list's conditions (`where`, from listConditions). */
function countMatching(kind: NodeKind, where: string): string {
  return `MATCH (n:${labelOf(kind)}) WHERE true ${where} WITH count(n) AS total`;
}

export class NodeRepository implements GraphReader {
  constructor(private readonly db: QueryExecutor) {}

  async findNodes(ids: readonly string[]): Promise<(NodeRecord | null)[]> {
    const byKind = groupIdsByKind(ids);
    if (byKind.size === 0) return ids.map(() => null);
    const arms = [...byKind.keys()].map((kind) => `MATCH (n:${labelOf(kind)}) WHERE n.id IN $${kind} RETURN n`);
    const rows = await this.db.read(
      `CALL () { ${arms.join(' UNION ALL ')} }
       RETURN ${NODE_PROJECTION} AS node`,
      Object.fromEntries(byKind),
    );
    const found = new Map(rows.map((row) => [String((row.node as NodeRecord).id), row.node]));
    return ids.map((id) => (found.has(id) ? toNodeRecord(found.get(id)) : null));
  }

  async findSelected(kind: NodeKind, ids: readonly string[], selection: NodeSelection): Promise<(SelectedNode | null)[]> {
    const params: Record<string, unknown> = { ids };
    const rows = await this.db.read(
      `UNWIND $ids AS id
       MATCH (n:${labelOf(kind)} {id: id})
       RETURN id, ${selectionProjection('n', selection, params)} AS node`,
      params,
    );
    const found = new Map(rows.map((row) => [row.id as string, row.node]));
    return ids.map((id) => (found.has(id) ? toSelectedNode(found.get(id), selection) : null));
  }

  async findNeighbours(kind: NodeKind, hop: Hop, first: number, ids: readonly string[]): Promise<Neighbour[][]> {
    const rows = await this.db.read(
      `UNWIND $ids AS id
       MATCH (source:${labelOf(kind)} {id: id})
       CALL (source) {
         MATCH (source)${relPattern(hop.types, hop.direction)}(n)
         WITH r, n
         ORDER BY coalesce(r.order, 0), coalesce(r.weight, 1.0) DESC, n.id
         LIMIT $first
         RETURN collect({ edge: ${EDGE_PROJECTION}, node: ${NODE_PROJECTION} }) AS neighbours
       }
       RETURN id, neighbours`,
      { ids, first: neo4j.int(first) },
    );
    const byId = new Map(rows.map((row) => [row.id as string, row.neighbours as unknown[]]));
    return ids.map((id) => (byId.get(id) ?? []).map(toNeighbour));
  }

  async listNodes(query: ListQuery): Promise<Page<NodeRecord>> {
    const { where, params } = listConditions(query);
    const { selection } = query;
    const projection = selection ? selectionProjection('n', selection, params) : NODE_PROJECTION;
    const pageCypher = `MATCH (n:${labelOf(query.kind)})
       WHERE ($after IS NULL OR n.slug > $after) ${where}
       WITH n
       ORDER BY n.slug
       LIMIT $limit`;
    // With the total, one round trip: the count, and the page as one list beside it.
    const rows = await this.db.read(
      query.withTotal
        ? `${countMatching(query.kind, where)}
           CALL () { ${pageCypher} RETURN collect(${projection}) AS nodes }
           RETURN total, nodes`
        : `${pageCypher} RETURN ${projection} AS node`,
      { ...params, after: query.afterSlug, limit: neo4j.int(query.first + 1) },
    );
    const listed = query.withTotal ? ((rows[0]?.nodes as unknown[] | undefined) ?? []) : rows.map((row) => row.node);
    const toRecord = selection ? (node: unknown) => toSelectedNode(node, selection).record : toNodeRecord;
    const page = { items: listed.slice(0, query.first).map(toRecord), hasNextPage: listed.length > query.first };
    return query.withTotal ? { ...page, total: Number(rows[0]?.total ?? 0) } : page;
  }

  async countNodes(query: Omit<ListQuery, 'first' | 'afterSlug'>): Promise<number> {
    const { where, params } = listConditions(query);
    const rows = await this.db.read(`${countMatching(query.kind, where)} RETURN total`, params);
    return Number(rows[0]?.total ?? 0);
  }

  async search(text: string, kinds: readonly NodeKind[], first: number): Promise<SearchHit[]> {
    const rows = await this.db.read(
      `CALL db.index.fulltext.queryNodes($index, $query, { limit: $candidates })
       YIELD node AS n, score
       WHERE any(label IN labels(n) WHERE label IN $labels)
       WITH n, score
       ORDER BY score DESC, n.id
       LIMIT $first
       RETURN ${NODE_PROJECTION} AS node, score`,
      {
        index: FULLTEXT_INDEX,
        query: toLuceneQuery(text),
        labels: kinds.map(labelOf),
        first: neo4j.int(first),
        // Kinds are filtered after Lucene's limit, so ask it for more than we keep.
        candidates: neo4j.int(first * 10),
      },
    );
    return rows.map((row) => ({ node: toNodeRecord(row.node), score: Number(row.score) }));
  }
}

function toNeighbour(value: unknown): Neighbour {
  const raw = value as { edge: unknown; node: unknown };
  return { edge: toEdgeRecord(raw.edge), node: toNodeRecord(raw.node) };
}

function groupIdsByKind(ids: readonly string[]): Map<NodeKind, string[]> {
  return groupBy(
    ids.filter((id) => parseNodeId(id) !== null),
    (id) => parseNodeId(id)!.kind,
  );
}

function listConditions(query: Omit<ListQuery, 'first' | 'afterSlug'>): {
  where: string;
  params: Record<string, unknown>;
} {
  const params: Record<string, unknown> = {};
  const clauses = query.edges.map((filter: EdgeFilter, index) => {
    const target = parseNodeId(filter.id);
    if (!target) throw new Error(`Edge filter id was not validated: ${filter.id}`);
    params[`edge${index}`] = filter.id;
    const pattern = relPattern(filter.types, filter.direction);
    return `AND EXISTS { MATCH (n)${pattern}(:${labelOf(target.kind)} {id: $edge${index}}) }`;
  });
  // Named, not `n[$name]`: a dynamic key would keep the planner from using the property's index.
  for (const property of LIST_PROPERTIES) {
    const value = query.properties[property];
    if (value === undefined) continue;
    params[property] = value;
    clauses.push(`AND n.${property} = $${property}`);
  }
  return { where: clauses.join('\n'), params };
}

/** Each word of the client's text matches whole or as a prefix ("cult" finds "Culture"). */
export function toLuceneQuery(text: string): string {
  return searchWords(text)
    .map((word) => `(${word} OR ${word}*)`)
    .join(' ');
}
