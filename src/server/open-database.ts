import { GraphDatabase } from '../graph/graph-database';
import { startLocalNeo4j, type LocalNeo4j, type Log } from '../graph/local-neo4j';
import type { Config } from './config';

export interface DatabaseRuntime {
  readonly database: GraphDatabase;
  /** The embedded default, when NEO4J_URI is unset. */
  readonly local: LocalNeo4j | null;
  /** Closes the driver, then stops the local Neo4j if this process started one. */
  close(): Promise<void>;
}

/** Connects to NEO4J_URI, or starts the local Neo4j when it is unset. */
export async function openDatabase(config: Config, log: Log): Promise<DatabaseRuntime> {
  const local = config.neo4jUri
    ? null
    : await startLocalNeo4j({ ...(config.neo4jHome ? { home: config.neo4jHome } : {}), log });
  const database = GraphDatabase.connect({
    uri: config.neo4jUri ?? local!.uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  return {
    database,
    local,
    async close() {
      await database.close();
      await local?.stop();
    },
  };
}
