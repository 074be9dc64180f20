import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { EDGE_TYPES, EdgeOrigin, type EdgeType } from '../domain/edge-type';
import { NODE_KINDS } from '../domain/node-kind';
import type { TopologyProgress, TopologyReader, TopologySink } from '../domain/topology';
import { labelOf, relTypeOf } from './cypher';
import { READ_VERSION, VERSION_KEY } from './graph-version';
import { mapNeo4jError } from './neo4j-errors';

/** Rows between progress reports. */
const PROGRESS_EVERY = 50_000;

export interface TopologySettings {
  readonly database: string;
  /** The whole read runs in one transaction bounded by this. */
  readonly timeoutMs: number;
}

/**
 * Reads the topology for the projection: one query per node kind and per edge type, streamed
 * record by record (a 100k-essay graph has over a million edges; no array of them is built).
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
      const tick = (): void => {
        if ((counts.nodes + counts.edges) % PROGRESS_EVERY === 0) progress({ ...counts });
      };
      for (const kind of NODE_KINDS) {
        // The display label as a node record reads it (record-mapping.ts), so outlines match records.
        const cypher = `MATCH (n:${labelOf(kind)}) RETURN n.id AS id, coalesce(n.title, n.name, n.slug) AS label`;
        for await (const record of tx.run(cypher)) {
          sink.addNode(record.get('id') as string, kind, String(record.get('label') ?? ''));
          counts.nodes += 1;
          tick();
        }
      }
      for (const type of EDGE_TYPES) await streamEdges(tx, type, sink, () => ((counts.edges += 1), tick()));
      progress({ ...counts });
      const after = await readVersionIn(tx);
      return before === after ? before : null;
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

async function streamEdges(tx: ManagedTransaction, type: EdgeType, sink: TopologySink, counted: () => void): Promise<void> {
  const cypher = `MATCH (a)-[r:${relTypeOf(type)}]->(b)
    RETURN a.id AS source, b.id AS target, r.weight AS weight, r.origin AS origin, r.note AS note`;
  for await (const record of tx.run(cypher)) {
    const weight = record.get('weight') as number | null;
    const origin = record.get('origin') === EdgeOrigin.INFERRED ? EdgeOrigin.INFERRED : EdgeOrigin.ASSERTED;
    const note = record.get('note') as string | null;
    sink.addEdge(record.get('source') as string, record.get('target') as string, type, weight ?? 1, origin, note ?? null);
    counted();
  }
}
