import { NodeRepository } from '../../src/graph/node-repository';
import { ThinkingRepository } from '../../src/graph/thinking-repository';
import { writeGraphBatch } from '../../src/graph/graph-writer';
import { ProjectionBuilder } from '../../src/projection/graph-projection';
import { ProjectedThinkingReader } from '../../src/projection/projected-thinking-reader';
import { CONTRACT_WORLD } from '../support/contract-world';
import { toWriterInput } from '../support/graph-world';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';
import { describeReaderContract } from '../support/reader-contract';

/*
 * The reader contract against Neo4j: the repositories, and the projection as it is built from
 * Neo4j's topology (with the repositories for node reads and full-text matching, as a request
 * gets them). The world goes into a store of its own: the contract counts whole kinds.
 */

let store: PrivateNeo4j;

beforeAll(async () => {
  store = await startPrivateNeo4j({ seed: false });
  const { nodes, edges } = toWriterInput(CONTRACT_WORLD);
  await store.database.executor().writeTransaction((run) => writeGraphBatch(run, nodes, edges));
});

afterAll(async () => {
  await store.stop();
});

describeReaderContract('the Neo4j repositories', () => {
  const executor = store.database.executor();
  return { graph: new NodeRepository(executor), thinking: new ThinkingRepository(executor) };
});

describeReaderContract('the projection of Neo4j', async () => {
  const executor = store.database.executor();
  const builder = new ProjectionBuilder();
  const version = await store.database.topology(60_000).readTopology(builder);
  if (version === null) throw new Error('A write landed while the projection read the world.');
  const thinking = new ProjectedThinkingReader(await builder.build(version), { placements: null }, new ThinkingRepository(executor));
  return { graph: new NodeRepository(executor), thinking };
});

describe('a failed read', () => {
  it('still says where it came from: the caller’s frames are on its stack', async () => {
    const failure = await store.database
      .executor()
      .read('RETURN 1 +')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).stack).toMatch(/at .*graph-database\.ts:\d+/);
  });
});
