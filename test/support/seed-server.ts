import type { GraphDatabase } from '../../src/graph/graph-database';
import type { Server } from '../../src/server/create-server';
import type { ProjectionManager } from '../../src/projection/projection-manager';
import { createTestServer, execute, startTestProjection, type Answer } from './graphql';
import { connectTestDatabase } from './test-database';

export interface SeedServer {
  readonly database: GraphDatabase;
  readonly server: Server;
  /** Runs an operation without HTTP, reading the seed. */
  readonly run: (query: string, variables?: Record<string, unknown>) => Promise<Answer>;
}

/** Which path answers the thinking queries: the in-memory projection, or Cypher (its fallback). */
export type ThinkingMode = 'projection' | 'cypher';

export const THINKING_MODES: readonly ThinkingMode[] = ['projection', 'cypher'];

/**
 * A server over the shared, seeded test store, opened before and closed after a test file; in
 * `projection` mode the thinking queries read a projection built (and laid out) first.
 */
export function useSeedServer(maxQueryComplexity = 200_000, mode: ThinkingMode = 'cypher'): SeedServer {
  let database: GraphDatabase;
  let server: Server;
  let projection: ProjectionManager | null = null;
  beforeAll(async () => {
    database = connectTestDatabase();
    if (mode === 'projection') projection = await startTestProjection(database);
    server = await createTestServer(database, maxQueryComplexity, undefined, projection);
  });
  afterAll(async () => {
    projection?.stop();
    await server.apollo.stop();
    await database.close();
  });
  return {
    get database() {
      return database;
    },
    get server() {
      return server;
    },
    run: (query, variables) => execute(server.apollo, database, query, variables, undefined, projection),
  };
}
