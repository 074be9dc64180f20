import type { GraphDatabase } from '../../src/graph/graph-database';
import type { Server } from '../../src/server/create-server';
import { createTestServer, execute, type Answer } from './graphql';
import { connectTestDatabase } from './test-database';

export interface SeedServer {
  readonly database: GraphDatabase;
  readonly server: Server;
  /** Runs an operation without HTTP, reading the seed. */
  run(query: string, variables?: Record<string, unknown>): Promise<Answer>;
}

/** A server over the shared, seeded test store, opened before and closed after a test file. */
export function useSeedServer(maxQueryComplexity = 200_000): SeedServer {
  let database: GraphDatabase;
  let server: Server;
  beforeAll(async () => {
    database = connectTestDatabase();
    server = await createTestServer(database, maxQueryComplexity);
  });
  afterAll(async () => {
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
    run: (query, variables) => execute(server.apollo, database, query, variables),
  };
}
