import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { EDGE_TYPES, EdgeOrigin, type EdgeType } from '../domain/edge-type';
import { idPrefixOf, NODE_KINDS, type NodeKind } from '../domain/node-kind';
import { parseNodeId } from '../domain/node-id';
import type { NodeWords, TopologyChanges, TopologyProgress, TopologyReader, TopologyRow, TopologySink } from '../domain/topology';
import { WORD_FIELDS } from '../domain/word-relevance';
import { labelOf, relTypeOf } from './cypher';
import { groupBy } from './group-by';
import { READ_CHANGES, READ_VERSION, VERSION_KEY } from './graph-version';
import { mapNeo4jError } from './neo4j-errors';

/** The kinds in the order of their ids' prefixes: their nodes, each kind's in id order, come in id order. */
const KINDS_IN_ID_ORDER: readonly NodeKind[] = [...NODE_KINDS].sort((a, b) => (idPrefixOf(a) + ':' < idPrefixOf(b) + ':' ? -1 : 1));

/** Rows between progress reports. */
const PROGRESS_EVERY = 50_000;

export interface TopologySettings {
  readonly database: string;
  /** The whole read runs in one transaction bounded by this. */
  readonly timeoutMs: number;
}

/**
 * Reads the topology for the projection: per node kind, its nodes, then their outgoing edges,
 * streamed (a 100k-essay graph has over a million edges; no array of them all is built).
 * Neo4j reads are read-committed, so the version is read before and after: equal versions
 * prove that no write committed in between (every write bumps it).
 */
export class TopologyRepository implements TopologyReader {
  constructor(
    private readonly driver: Driver,
    private readonly settings: TopologySettings,
  ) {}

  async readVersion(): Promise<number> {
    return this.inReadTransaction((tx) => readVersionIn(tx));
  }

  readTopology(sink: TopologySink, progress: (done: TopologyProgress) => void = () => {}): Promise<number | null> {
    return this.inReadTransaction(async (tx) => {
      const before = await readVersionIn(tx);
      const counts = { nodes: 0, edges: 0 };
      let reported = 0;
      const tick = (): void => {
        if (counts.nodes + counts.edges - reported < PROGRESS_EVERY) return;
        reported = counts.nodes + counts.edges;
        progress({ ...counts });
      };
      // In id order (each kind's ids share its prefix), so the projection need not sort them.
      for (const kind of KINDS_IN_ID_ORDER) {
        const cypher = `MATCH (n:${labelOf(kind)}) WHERE n.id IS NOT NULL RETURN n.id AS id, ${LABEL} AS label, ${WORDS} ORDER BY n.id`;
        for await (const record of tx.run(cypher)) {
          sink.addNode(record.get('id') as string, kind, String(record.get('label') ?? ''), wordsOf(record));
          counts.nodes += 1;
          tick();
        }
      }
      for (const kind of NODE_KINDS) {
        counts.edges += await streamEdgesFrom(tx, kind, sink);
        tick();
      }
      progress({ ...counts });
      const after = await readVersionIn(tx);
      return before === after ? before : null;
    });
  }

  readChanges(since: number, maxNodes: number): Promise<TopologyChanges> {
    return this.inReadTransaction(async (tx): Promise<TopologyChanges> => {
      const version = await readVersionIn(tx);
      const log = await tx.run(READ_CHANGES, { since: neo4j.int(since), until: neo4j.int(version) });
      // Versions are consecutive: one entry for each of them, or some write left none.
      if (log.records.length !== version - since) return { kind: 'unlogged' };
      const touched = [...new Set(log.records.flatMap((record) => record.get('nodes') as string[]))];
      if (touched.length > maxNodes) return { kind: 'unlogged' };
      const rows: TopologyRow[] = [];
      const known = touched.flatMap((id) => {
        const parsed = parseNodeId(id);
        return parsed ? [{ id, kind: parsed.kind }] : [];
      });
      for (const [kind, nodes] of groupBy(known, (node) => node.kind)) {
        const result = await tx.run(
          `UNWIND $ids AS id
           MATCH (n:${labelOf(kind)} {id: id})
           RETURN n.id AS id, ${LABEL} AS label, ${OUTGOING} AS out, ${WORDS}`,
          { ids: nodes.map((node) => node.id) },
        );
        for (const record of result.records) {
          const [id, label] = [record.get('id') as string, String(record.get('label') ?? '')];
          rows.push({ id, kind, label, words: wordsOf(record), out: outgoing(record.get('out') as OutgoingTuple[]) });
        }
      }
      return (await readVersionIn(tx)) === version ? { kind: 'changes', version, touched, rows } : { kind: 'moving' };
    });
  }

  private async inReadTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work, { timeout: this.settings.timeoutMs });
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }
}

async function readVersionIn(tx: ManagedTransaction): Promise<number> {
  const result = await tx.run(READ_VERSION, { versionKey: VERSION_KEY });
  return Number(result.records[0]?.get('version') ?? 0);
}

/** Edge types by name: a relationship of any other type is not part of the graph's model and is left out. */
const TYPE_BY_NAME: ReadonlyMap<string, EdgeType> = new Map(EDGE_TYPES.map((type) => [relTypeOf(type), type]));

/** The display label as a node record reads it (record-mapping.ts), so outlines match records. */
const LABEL = 'coalesce(n.title, n.name, n.slug)';

/** What the word signal reads of a node: its WORD_FIELDS (a closed list of the domain), in order. */
const WORDS = `[${WORD_FIELDS.map((field) => `n.${field}`).join(', ')}] AS words`;

function wordsOf(record: Neo4jRecord): NodeWords {
  return { fields: record.get('words') as unknown[] };
}

/** A node's outgoing edges, one tuple each. */
const OUTGOING = '[(n)-[r]->(b) | [type(r), b.id, r.weight, r.origin, r.note]]';

type OutgoingTuple = [string, string, number | null, string | null, string | null];

/** The tuples of OUTGOING as edges of the graph's model (a relationship of another type is left out). */
function outgoing(tuples: readonly OutgoingTuple[]): TopologyRow['out'] {
  return tuples.flatMap(([name, target, weight, origin, note]) => {
    const type = TYPE_BY_NAME.get(name);
    if (!type) return [];
    return [{ target, type, weight: weight ?? 1, origin: origin === EdgeOrigin.INFERRED ? EdgeOrigin.INFERRED : EdgeOrigin.ASSERTED, note: note ?? null }];
  });
}

/**
 * The outgoing edges of every node of `kind`, one record per node with its edges as a list:
 * a tenth of the records of one per edge (records, not values, are what the driver pays for),
 * and still streamed, so neither side holds the whole edge set at once. Returns how many it read.
 */
async function streamEdgesFrom(tx: ManagedTransaction, kind: NodeKind, sink: TopologySink): Promise<number> {
  const cypher = `MATCH (n:${labelOf(kind)}) RETURN n.id AS source, ${OUTGOING} AS out`;
  let read = 0;
  for await (const record of tx.run(cypher)) {
    const source = record.get('source') as string;
    for (const edge of outgoing(record.get('out') as OutgoingTuple[])) {
      sink.addEdge(source, edge.target, edge.type, edge.weight, edge.origin, edge.note);
      read += 1;
    }
  }
  return read;
}
