import { WORD_FIELDS } from '../../../src/domain/word-relevance';
import { ProjectionBuilder } from '../../../src/projection/graph-projection';
import { ProjectedThinkingReader } from '../../../src/projection/projected-thinking-reader';
import { CONTRACT_WORLD } from '../../support/contract-world';
import { InMemoryGraph } from '../../support/graph-world';
import { createInMemoryReaders } from '../../support/in-memory-readers';
import { describeReaderContract } from '../../support/reader-contract';

/*
 * The reader contract without Neo4j: the in-memory fakes, and the projection built from the same
 * world (node reads and full-text matching, which the projection leaves to Neo4j, from the
 * fakes). test/integration/reader-contract.test.ts holds the Neo4j repositories to the same.
 */

describeReaderContract('the in-memory fakes', () => createInMemoryReaders(CONTRACT_WORLD));

describeReaderContract('the projection of the world', async () => {
  const fakes = createInMemoryReaders(CONTRACT_WORLD);
  const world = new InMemoryGraph(CONTRACT_WORLD);
  const builder = new ProjectionBuilder();
  for (const id of world.ids) {
    const { kind, label, properties } = world.record(id)!;
    builder.addNode(id, kind, label, { fields: WORD_FIELDS.map((field) => properties[field]) });
  }
  for (const edge of world.edges) builder.addEdge(edge.source, edge.target, edge.type, edge.weight, edge.origin, edge.note);
  return { graph: fakes.graph, thinking: new ProjectedThinkingReader(await builder.build(1), { placements: null }, fakes.thinking) };
});
