import { findConceptPaths, type ConceptPath, type PathRequest } from '../../../src/analysis/concept-paths';
import { EdgeType } from '../../../src/domain/edge-type';
import { BadUserInputError, NotFoundError } from '../../../src/domain/errors';
import { Direction } from '../../../src/domain/repositories';
import type { PathQuery } from '../../../src/domain/thinking-reader';
import { CONTRACT_WORLD } from '../../support/contract-world';
import { InMemoryGraph } from '../../support/graph-world';
import { createInMemoryReaders, InMemoryThinkingReader } from '../../support/in-memory-readers';

/*
 * conceptPath's algorithm on the contract's small world (test/support/contract-world.ts), read
 * through the in-memory fakes, which answer findPaths as Cypher does (every path of the
 * shortest length groups asked for): no Neo4j, and the paths are known by heart.
 */

const { graph, thinking } = createInMemoryReaders(CONTRACT_WORLD);

function request(overrides: Partial<PathRequest> & Pick<PathRequest, 'from' | 'to'>): PathRequest {
  return { k: 1, maxHops: 6, types: [], direction: Direction.ANY, avoid: [], ...overrides };
}

/** A path as a reader sees it: node ids, steps as `source TYPE target` and the way walked. */
function readable(paths: readonly ConceptPath[]) {
  return paths.map((path) => ({
    nodes: path.nodes.map((node) => node.id),
    steps: path.steps.map(({ edge, forward }) => `${edge.source} ${edge.type} ${edge.target}${forward ? '' : ' (backwards)'}`),
    length: path.length,
    reading: path.reading,
    score: path.score,
    why: path.why,
  }));
}

/** The fake thinking reader, noting the length groups each findPaths asks for. */
class GroupsNoted extends InMemoryThinkingReader {
  readonly groups: number[] = [];

  override findPaths(query: PathQuery) {
    this.groups.push(query.groups);
    return super.findPaths(query);
  }
}

describe('findConceptPaths', () => {
  it('gives the k best paths, shortest first, the one through specific nodes first within a length, read as sentences', async () => {
    const reader = new GroupsNoted(new InMemoryGraph(CONTRACT_WORLD));
    const paths = await findConceptPaths(graph, reader, request({ from: 'role:engineer', to: 'role:lead', k: 3, maxHops: 3 }));
    expect(readable(paths)).toEqual([
      {
        nodes: ['role:engineer', 'role:lead'],
        steps: ['role:engineer GROWS_INTO role:lead'],
        length: 1,
        reading: 'Engineer grows into Lead',
        score: 1,
        why: '1 step directly, read in one direction',
      },
      {
        nodes: ['role:engineer', 'essay:hiring-notes', 'role:lead'],
        steps: ['essay:hiring-notes ADDRESSES role:engineer (backwards)', 'essay:hiring-notes ADDRESSES role:lead'],
        length: 2,
        reading: 'Engineer is addressed by Hiring Notes, which addresses Lead',
        score: 0.3536,
        why: '2 steps through Hiring Notes (degree 2), changing direction once',
      },
      // Two paths have three steps; the one through Growth turns twice and scores 0.0645.
      {
        nodes: ['role:engineer', 'principle:depth-first', 'essay:systems-over-effort', 'role:lead'],
        steps: [
          'principle:depth-first APPLIES_TO role:engineer (backwards)',
          'essay:systems-over-effort ARTICULATES principle:depth-first (backwards)',
          'essay:systems-over-effort ADDRESSES role:lead',
        ],
        length: 3,
        reading: 'Engineer is guided by Depth First, which is articulated in Systems over Effort, which addresses Lead',
        score: 0.1581,
        why: '3 steps through Depth First (degree 2), Systems over Effort (degree 5), changing direction once',
      },
    ]);
    // The shortest length holds one path, fewer than k: the search widened to k length groups.
    expect(reader.groups).toEqual([1, 3]);
  });

  it('reads one length group when it holds k paths already', async () => {
    const reader = new GroupsNoted(new InMemoryGraph(CONTRACT_WORLD));
    const paths = await findConceptPaths(graph, reader, request({ from: 'essay:culture-by-design', to: 'essay:hiring-notes', k: 1 }));
    expect(readable(paths)).toEqual([
      {
        nodes: ['essay:culture-by-design', 'role:lead', 'essay:hiring-notes'],
        steps: ['essay:culture-by-design ADDRESSES role:lead', 'essay:hiring-notes ADDRESSES role:lead (backwards)'],
        length: 2,
        reading: 'Culture by Design addresses Lead, who is addressed by Hiring Notes',
        score: 0.2236,
        why: '2 steps through Lead (degree 5), changing direction once',
      },
    ]);
    expect(reader.groups).toEqual([1]);
  });

  it('returns no path when the asked types and direction do not join the nodes', async () => {
    const wrongWay = request({ from: 'role:lead', to: 'role:engineer', types: [EdgeType.GROWS_INTO], direction: Direction.OUTGOING });
    expect(await findConceptPaths(graph, thinking, wrongWay)).toEqual([]);
  });

  it('answers the node itself for a path from a node to itself', async () => {
    const paths = await findConceptPaths(graph, thinking, request({ from: 'concept:culture', to: 'concept:culture' }));
    expect(readable(paths)).toEqual([{ nodes: ['concept:culture'], steps: [], length: 0, reading: 'Culture', score: 1, why: 'the node itself' }]);
  });

  it('refuses an unknown end, and an avoid list that names an end', async () => {
    await expect(findConceptPaths(graph, thinking, request({ from: 'role:astronaut', to: 'role:lead' }))).rejects.toEqual(
      new NotFoundError('from', 'role:astronaut'),
    );
    await expect(findConceptPaths(graph, thinking, request({ from: 'role:engineer', to: 'role:astronaut' }))).rejects.toEqual(
      new NotFoundError('to', 'role:astronaut'),
    );
    await expect(findConceptPaths(graph, thinking, request({ from: 'role:engineer', to: 'role:lead', avoid: ['role:lead'] }))).rejects.toEqual(
      new BadUserInputError('avoid', 'avoid cannot name the path’s own ends.'),
    );
  });
});
