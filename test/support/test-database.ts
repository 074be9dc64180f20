import { GraphDatabase, type DatabaseSettings } from '../../src/graph/graph-database';

export const TEST_NEO4J_URI_VAR = 'THOUGHTGRAPH_TEST_NEO4J_URI';

export function testDatabaseSettings(overrides: Partial<DatabaseSettings> = {}): DatabaseSettings {
  const uri = process.env[TEST_NEO4J_URI_VAR];
  if (!uri) throw new Error('The integration global setup did not run.');
  return {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
    queryTimeoutMs: 10_000,
    ...overrides,
  };
}

/** A driver for one test file; close it in afterAll. */
export function connectTestDatabase(): GraphDatabase {
  return GraphDatabase.connect(testDatabaseSettings());
}
