import type { GraphDatabase } from '../../src/graph/graph-database';
import { loadSeed, prepareSeed } from '../../seed/load-seed';
import { connectTestDatabase } from '../support/test-database';

let database: GraphDatabase;

beforeAll(() => {
  database = connectTestDatabase();
});

afterAll(async () => {
  await database.close();
});

/** Every seed node with its properties and every edge between seed nodes, in a fixed order. */
async function dumpSeedGraph(): Promise<unknown> {
  const ids = prepareSeed().nodes.map((node) => node.id);
  const executor = database.executor();
  const nodes = await executor.read(`MATCH (n) WHERE n.id IN $ids RETURN labels(n) AS labels, properties(n) AS properties ORDER BY n.id`, { ids });
  const edges = await executor.read(
    `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids
     RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
     ORDER BY source, type, target`,
    { ids },
  );
  return { nodes, edges };
}

describe('the seed loader', () => {
  it('writes the demo graph, and writing it again leaves the same graph', async () => {
    const expected = prepareSeed();
    const before = (await dumpSeedGraph()) as { nodes: unknown[]; edges: unknown[] };
    expect(await loadSeed(database)).toEqual({ nodes: expected.nodes.length, edges: expected.edges.length });
    const after = (await dumpSeedGraph()) as { nodes: unknown[]; edges: unknown[] };
    expect(after).toEqual(before);
    expect(after.nodes).toHaveLength(expected.nodes.length);
    expect(after.edges).toHaveLength(expected.edges.length);
  });

  it('stores edge properties with their defaults', async () => {
    const [row] = await database.executor().read(
      `MATCH (:Person {id: 'person:the-author'})-[r:WORKED_AT]->(:Organization {id: 'organization:fynd'})
       RETURN properties(r) AS properties`,
    );
    expect(row!.properties).toEqual({ as: 'Leader of engineering and product', order: 3, weight: 1, origin: 'ASSERTED' });
  });
});
