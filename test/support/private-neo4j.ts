import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applySchema } from '../../src/runtime/apply-schema';
import { GraphDatabase } from '../../src/graph/graph-database';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/runtime/local-neo4j';
import type { RestartPolicy } from '../../src/runtime/neo4j-supervisor';
import { loadSeed } from '../../seed/load-seed';
import { testDatabaseSettings } from './test-database';

export interface PrivateNeo4j {
  readonly database: GraphDatabase;
  readonly neo4j: LocalNeo4j;
  stop(): Promise<void>;
}

/**
 * A Neo4j with a store of its own, for tests that write or wipe: the shared test store holds the
 * seed that other test files assert exactly, in parallel.
 */
export async function startPrivateNeo4j(options: { seed: boolean; restartPolicy?: RestartPolicy }): Promise<PrivateNeo4j> {
  const home = mkdtempSync(path.join(tmpdir(), 'thoughtgraph-private-'));
  const neo4j = await startLocalNeo4j({ home, log: () => {}, ...(options.restartPolicy ? { restartPolicy: options.restartPolicy } : {}) });
  // A cold JVM on a busy machine is slow to its first writes: a generous bound for setup.
  const database = GraphDatabase.connect(testDatabaseSettings({ uri: neo4j.uri, queryTimeoutMs: 60_000 }));
  await applySchema(database);
  if (options.seed) await loadSeed(database);
  return {
    database,
    neo4j,
    async stop() {
      await database.close();
      await neo4j.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
