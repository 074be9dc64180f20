import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';
import { BUMP_VERSION, CHANGES_KEPT, READ_VERSION, VERSION_KEY } from './graph-version';
import { mapNeo4jError, signalsDatabaseDown } from './neo4j-errors';
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

/**
 * What a write says it changed, for the change log the projections catch up from
 * (graph-version.ts). A writer that calls `touched` (with no ids when it changes no node's
 * label or outgoing edges) promises that it names every such node: created, updated, deleted,
 * or the source of an edge it created, changed or deleted. A writer that never calls it leaves
 * no entry, and projections behind it are read whole.
 */
export interface WriteChanges {
  touched(...ids: string[]): void;
  /** The work wrote nothing (a dry run, a plan with nothing to change): the version stays where it was. */
  nothingWritten(): void;
}

/** Statements of one write transaction; they may run again on a transient error. */
export type WriteWork<T> = (run: (cypher: string, params?: Params) => Promise<Row[]>, changes: WriteChanges) => Promise<T>;

/** What a supervisor of the database process tells the database layer (the local Neo4j). */
export interface SupervisedProcess {
  readonly state: 'up' | 'down' | 'restarting' | 'stopped';
  readonly restarts: number;
  onStateChange(listener: (state: SupervisedProcess['state']) => void): void;
}

/** Whether requests can reach the database now; `restarts` only for a supervised local one. */
export interface DatabaseHealth {
  readonly database: 'up' | 'down' | 'restarting';
  readonly restarts?: number;
}

/** A JVM that has just started compiles its first query slowly: give the probe time. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Owns the process's one driver and its circuit breaker. Requests get an executor of their own,
 * which counts the round trips it makes (the batching tests read that count).
 */
export class GraphDatabase {
  private readonly writeListeners = new Set<(version: number) => void>();
  private readonly breaker: CircuitBreaker;
  private supervised: SupervisedProcess | null = null;

  private constructor(
    private readonly driver: Driver,
    readonly settings: DatabaseSettings,
    breakerOptions: CircuitBreakerOptions,
  ) {
    this.breaker = new CircuitBreaker(() => this.probe(), breakerOptions);
  }

  static connect(settings: DatabaseSettings, breakerOptions: CircuitBreakerOptions = {}): GraphDatabase {
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
    return new GraphDatabase(driver, settings, breakerOptions);
  }

  executor(): QueryExecutor {
    return new QueryExecutor(this.driver, this.settings, this.breaker, (version) => this.notifyWrite(version));
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
   * Follows a supervised local Neo4j: its death opens the breaker at once (no request has to
   * fail slowly first), and its restart triggers a probe instead of waiting for the next one.
   */
  watch(supervised: SupervisedProcess): void {
    this.supervised = supervised;
    supervised.onStateChange((state) => {
      if (state === 'up') this.breaker.probeSoon();
      else this.breaker.open();
    });
  }

  health(): DatabaseHealth {
    const restarting = this.supervised?.state === 'restarting';
    const database = restarting ? 'restarting' : this.breaker.state === 'closed' ? 'up' : 'down';
    return this.supervised ? { database, restarts: this.supervised.restarts } : { database };
  }

  /** Called with false when requests start failing fast, and true when they flow again. */
  onAvailabilityChange(listener: (available: boolean) => void): void {
    this.breaker.onAvailabilityChange(listener);
  }

  /**
   * Resolves when the server answers a query; rejects with a domain error otherwise. One try,
   * no retries: a readiness probe wants the answer now.
   */
  async ping(): Promise<void> {
    this.breaker.check();
    try {
      await this.probe(2_000);
    } catch (error) {
      if (signalsDatabaseDown(error)) this.breaker.open();
      throw mapNeo4jError(error);
    }
  }

  async close(): Promise<void> {
    this.breaker.dispose();
    await this.driver.close();
  }

  /** One query on a fresh session, past the breaker: how an open circuit learns it may close. */
  private async probe(timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1 AS ok', {}, { timeout: timeoutMs });
    } finally {
      await session.close();
    }
  }
}

export class QueryExecutor {
  roundTrips = 0;

  constructor(
    private readonly driver: Driver,
    private readonly settings: DatabaseSettings,
    private readonly breaker: CircuitBreaker | null = null,
    private readonly committed: (version: number) => void = () => {},
  ) {}

  /**
   * One read query, routed to a reader in a cluster, as one auto-commit transaction: RUN and PULL
   * go out together and the answer comes back in one round trip, where a managed transaction
   * adds a BEGIN and a COMMIT. It shares executeQuery's bookmarks, so it still sees every write
   * this process made; a transient failure is tried once more.
   */
  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    this.breaker?.check();
    this.roundTrips += 1;
    for (let attempt = 1; ; attempt += 1) {
      const session = this.driver.session({
        database: this.settings.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        const result = await withoutStackCapture(() => session.run(cypher, params, { timeout: this.settings.queryTimeoutMs }));
        return result.records.map((record) => record.toObject());
      } catch (error) {
        if (attempt < 2 && neo4j.isRetryableError(error)) continue;
        throw this.failed(withCallerStack(error));
      } finally {
        await session.close();
      }
    }
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
    this.breaker?.check();
    const session = this.driver.session({ database: this.settings.database });
    try {
      const { result, version } = await session.executeWrite(
        async (tx: ManagedTransaction): Promise<{ result: T; version: number | null }> => {
          // Per attempt: a retried transaction names its changes again.
          const touched = new Set<string>();
          let declared = false;
          let written = true;
          const changes: WriteChanges = {
            touched: (...ids) => {
              declared = true;
              for (const id of ids) touched.add(id);
            },
            nothingWritten: () => {
              written = false;
            },
          };
          const result = await work((cypher, params = {}) => this.runIn(tx, cypher, params), changes);
          if (!written) return { result, version: null };
          const [row] = await this.runIn(tx, BUMP_VERSION, {
            versionKey: VERSION_KEY,
            touched: declared ? [...touched] : null,
            kept: neo4j.int(CHANGES_KEPT),
          });
          return { result, version: Number(row?.version) };
        },
        { timeout: this.settings.queryTimeoutMs },
      );
      if (version !== null) this.committed(version);
      return result;
    } catch (error) {
      throw this.failed(error);
    } finally {
      await session.close();
    }
  }

  private async run(cypher: string, params: Params, routing: 'READ' | 'WRITE'): Promise<Row[]> {
    this.breaker?.check();
    this.roundTrips += 1;
    try {
      const result = await this.driver.executeQuery(cypher, params, {
        database: this.settings.database,
        routing,
        transactionConfig: { timeout: this.settings.queryTimeoutMs },
      });
      return result.records.map((record) => record.toObject());
    } catch (error) {
      throw this.failed(error);
    }
  }

  /** Opens the breaker when the server is gone, then maps the error for the client. */
  private failed(error: unknown): unknown {
    if (signalsDatabaseDown(error)) this.breaker?.open();
    return mapNeo4jError(error);
  }

  private async runIn(tx: ManagedTransaction, cypher: string, params: Params): Promise<Row[]> {
    this.roundTrips += 1;
    const result = await tx.run(cypher, params);
    return result.records.map((record) => record.toObject());
  }
}

/**
 * The driver captures a stack trace for every result it creates, to graft the caller's frames
 * onto a later error; on a plain read that was a measurable share of the CPU. A read's result is
 * created with no frames to capture, and a failed read gets its caller's frames then, when they
 * are needed (withCallerStack), so a logged 5xx still says where it came from.
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function withCallerStack(error: unknown): unknown {
  if (error instanceof Error) {
    const frames = new Error().stack?.split('\n').slice(1).join('\n') ?? '';
    error.stack = `${error.stack ?? `${error.name}: ${error.message}`}\n${frames}`;
  }
  return error;
}
