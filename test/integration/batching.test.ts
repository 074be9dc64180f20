import type { GraphDatabase } from '../../src/graph/graph-database';
import type { Server } from '../../src/server/create-server';
import { createTestServer, execute } from '../support/graphql';
import { connectTestDatabase } from '../support/test-database';

let database: GraphDatabase;
let server: Server;

beforeAll(async () => {
  database = connectTestDatabase();
  server = await createTestServer(database);
});

afterAll(async () => {
  await server.apollo.stop();
  await database.close();
});

describe('batching', () => {
  it('answers essays → principles → roles with one round trip per level, not one per parent', async () => {
    const { data, errors, roundTrips } = await execute(
      server.apollo,
      database,
      `{ essays(first: 10) { nodes { id principles { id roles { id } } } } }`,
    );
    expect(errors).toBeUndefined();
    const essays = (data!.essays as { nodes: { principles: { roles: unknown[] }[] }[] }).nodes;
    const principles = essays.flatMap((essay) => essay.principles);
    expect(essays).toHaveLength(3);
    expect(principles).toHaveLength(8);
    expect(principles.flatMap((principle) => principle.roles)).toHaveLength(19);
    expect(roundTrips).toBe(3);
  });

  it('costs the same for a single parent as for many', async () => {
    const one = await execute(
      server.apollo,
      database,
      `{ essay(slug: "engineer-to-ctpo") { principles { roles { id } } } }`,
    );
    expect(one.roundTrips).toBe(3);
  });
});
