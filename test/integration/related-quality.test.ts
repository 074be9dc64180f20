import { generateSyntheticGraph, syntheticClusterOf } from '../../src/cli/synthetic-graph';
import { writeInBatches } from '../../src/graph/graph-dump-repository';
import type { Server } from '../../src/server/create-server';
import { createTestServer, execute } from '../support/graphql';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';

/*
 * Quality of relatedThoughts on a generated graph with planted topic clusters: an essay's top
 * five related thoughts should come from its own cluster.
 */

const ESSAYS = 1200;
const SAMPLE = 40;

let store: PrivateNeo4j;
let server: Server;
let sample: string[];

beforeAll(async () => {
  store = await startPrivateNeo4j({ seed: false });
  const graph = generateSyntheticGraph({ essays: ESSAYS, seed: 42, clusters: 6 });
  sample = Array.from({ length: SAMPLE }, (_, i) => graph.essays[i * 29]!.id);
  await writeInBatches(store.database.executor(), [...graph.ideas, ...graph.essays], graph.edges, 5000);
  server = await createTestServer(store.database);
});

afterAll(async () => {
  await server.apollo.stop();
  await store.stop();
});

describe('relatedThoughts on a generated graph', () => {
  it('finds at least 90% of each essay’s top five in its own cluster', async () => {
    const shares: number[] = [];
    for (const id of sample) {
      const { data, errors } = await execute(server.apollo, store.database, `{ relatedThoughts(id: "${id}", first: 5) { node { id } } }`);
      expect(errors).toBeUndefined();
      const related = (data!.relatedThoughts as { node: { id: string } }[]).map((thought) => thought.node.id);
      expect(related).toHaveLength(5);
      shares.push(related.filter((other) => syntheticClusterOf(other) === syntheticClusterOf(id)).length / related.length);
    }
    expect(shares.filter((share) => share < 0.9)).toEqual([]);
  });
});
