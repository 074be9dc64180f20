import { auditService } from '../../bench/http-audit';
import type { GraphDatabase } from '../../src/graph/graph-database';
import type { Server } from '../../src/server/create-server';
import { createTestServer } from '../support/graphql';
import { connectTestDatabase } from '../support/test-database';

let database: GraphDatabase;
let server: Server;
let url: string;

beforeAll(async () => {
  database = connectTestDatabase();
  server = await createTestServer(database);
  url = await server.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

describe('the GraphQL-over-HTTP audit (graphql-http)', () => {
  it('passes with no error and no warning', async () => {
    const summary = await auditService(url);
    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBeGreaterThanOrEqual(55);
  });
});
