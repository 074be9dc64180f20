import { GraphDatabase } from '../graph/graph-database';
import { startLocalNeo4j, type LocalNeo4j, type Log, type Neo4jEvent } from './local-neo4j';
import type { Config } from './config';

export interface DatabaseRuntime {
  readonly database: GraphDatabase;
  /** The embedded default, when NEO4J_URI is unset. */
  readonly local: LocalNeo4j | null;
  /** Closes the driver, then stops the local Neo4j if this process started one. */
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or starts the local Neo4j when it is unset and restarts it when it
 * dies. `onEvent` receives the supervisor's structured events (by default their message goes
 * to `log`).
 */
export async function openDatabase(config: Config, log: Log, onEvent: (event: Neo4jEvent) => void = (event) => log(event.message)): Promise<DatabaseRuntime> {
  const local = config.neo4jUri ? null : await startLocalNeo4j({ ...(config.neo4jHome ? { home: config.neo4jHome } : {}), log, onEvent });
  const database = GraphDatabase.connect({
    uri: config.neo4jUri ?? local!.uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  if (local) database.watch(local);
  database.onAvailabilityChange((available) =>
    log(available ? 'Neo4j answers again; requests go through.' : 'Neo4j cannot be reached; requests fail at once with DATABASE_UNAVAILABLE until it answers.'),
  );
  return {
    database,
    local,
    async close() {
      await database.close();
      await local?.stop();
    },
  };
}
