import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { BUMP_VERSION, READ_VERSION, VERSION_KEY } from './graph-version';
import { mapNeo4jError } from './neo4j-errors';
import { TopologyRepository } from './topology-repository';

export interface DatabaseSettings {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** Per-transaction timeout: a guard far below an HTTP client's patience. */
  readonly queryTimeoutMs: number;
}

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Statements of one write transaction; they may run again on a transient error. */
export type WriteWork<T> = (run: (cypher: string, params?: Params) => Promise<Row[]>) => Promise<T>;

/**
 * Owns the process's one driver. Requests get an executor of their own, which counts the
 * round trips it makes (the batching tests read that count).
 */
export class GraphDatabase {
  private readonly writeListeners = new Set<(version: number) => void>();

  private constructor(
    private readonly driver: Driver,
    readonly settings: DatabaseSettings,
  ) {}

  static connect(settings: DatabaseSettings): GraphDatabase {
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      disableLosslessIntegers: true,
      // The driver's defaults (60 s to get a connection, 30 s of retries) outlast any request;
      // a few seconds of retries still ride out a cluster's leader switch.
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: 3_000,
      maxConnectionPoolSize: 50,
      userAgent: 'thoughtgraph',
    });
    return new GraphDatabase(driver, settings);
  }

  executor(): QueryExecutor {
    return new QueryExecutor(this.driver, this.settings, (version) => this.notifyWrite(version));
  }

  /** The projection's reads; one transaction per build, bounded by `timeoutMs`. */
  topology(timeoutMs: number): TopologyRepository {
    return new TopologyRepository(this.driver, { database: this.settings.database, timeoutMs });
  }

  /** Calls `listener` with the new graph version after each write transaction this process commits. */
  onWrite(listener: (version: number) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** The graph version in Neo4j now: 0 before the first write. */
  async readVersion(): Promise<number> {
    const [row] = await this.executor().read(READ_VERSION, { versionKey: VERSION_KEY });
    return Number(row?.version ?? 0);
  }

  private notifyWrite(version: number): void {
    for (const listener of this.writeListeners) listener(version);
  }

  /**
   * Resolves when the server answers a query; rejects with a domain error otherwise. One try,
   * no retries: a readiness probe wants the answer now.
   */
  async ping(): Promise<void> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1 AS ok', {}, { timeout: 2_000 });
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

export class QueryExecutor {
  roundTrips = 0;

  constructor(
    private readonly driver: Driver,
    private readonly settings: DatabaseSettings,
    private readonly committed: (version: number) => void = () => {},
  ) {}

  /** One read query, routed to a reader in a cluster. */
  read(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.run(cypher, params, neo4j.routing.READ);
  }

  /** One write query in its own transaction. */
  write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.run(cypher, params, neo4j.routing.WRITE);
  }

  /**
   * Several statements in one write transaction: all of them commit, or none. The graph version
   * is bumped in the same transaction, so a reader that saw the version saw the whole write.
   */
  async writeTransaction<T>(work: WriteWork<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database });
    try {
      const { result, version } = await session.executeWrite(
        async (tx: ManagedTransaction) => {
          const result = await work((cypher, params = {}) => this.runIn(tx, cypher, params));
          const [row] = await this.runIn(tx, BUMP_VERSION, { versionKey: VERSION_KEY });
          return { result, version: Number(row?.version) };
        },
        { timeout: this.settings.queryTimeoutMs },
      );
      this.committed(version);
      return result;
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  private async run(cypher: string, params: Params, routing: 'READ' | 'WRITE'): Promise<Row[]> {
    this.roundTrips += 1;
    try {
      const result = await this.driver.executeQuery(cypher, params, {
        database: this.settings.database,
        routing,
        transactionConfig: { timeout: this.settings.queryTimeoutMs },
      });
      return result.records.map((record) => record.toObject());
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  private async runIn(tx: ManagedTransaction, cypher: string, params: Params): Promise<Row[]> {
    this.roundTrips += 1;
    const result = await tx.run(cypher, params);
    return result.records.map((record) => record.toObject());
  }
}
