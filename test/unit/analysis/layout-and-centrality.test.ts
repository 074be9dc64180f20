import { CentralityMetric, computeCentrality } from '../../../src/analysis/centrality';
import { layOut } from '../../../src/analysis/concept-map';
import { NodeKind } from '../../../src/domain/node-kind';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
// Two triangles joined by one edge: two communities.
const edges = [
  ['a', 'b'], ['b', 'c'], ['c', 'a'],
  ['d', 'e'], ['e', 'f'], ['f', 'd'],
  ['c', 'd'],
].map(([source, target]) => ({ source: source!, target: target!, weight: 1 }));

describe('concept map layout', () => {
  it('finds the two communities and places every node', () => {
    const placement = layOut(ids, edges);
    const cluster = (id: string) => placement.get(id)!.cluster;
    expect(new Set(['a', 'b', 'c'].map(cluster)).size).toBe(1);
    expect(new Set(['d', 'e', 'f'].map(cluster)).size).toBe(1);
    expect(cluster('a')).not.toBe(cluster('d'));
    for (const id of ids) expect(Number.isFinite(placement.get(id)!.x)).toBe(true);
  });

  it('gives the same answer for the same input, every time', () => {
    expect([...layOut(ids, edges)]).toEqual([...layOut(ids, edges)]);
  });
});

describe('centrality', () => {
  const structure = {
    nodes: ids.map((id) => ({ id, kind: NodeKind.CONCEPT })),
    edges: edges.map(({ source, target }) => ({ source, target, weight: 1 })),
  };

  it('ranks the bridge ends highest by betweenness and by degree', () => {
    const betweenness = computeCentrality(structure, CentralityMetric.BETWEENNESS);
    expect(betweenness.get('c')!.score).toBeGreaterThan(betweenness.get('a')!.score);
    expect(betweenness.get('c')!.score).toBeCloseTo(betweenness.get('d')!.score, 10);
    const degree = computeCentrality(structure, CentralityMetric.DEGREE);
    expect(ids.map((id) => degree.get(id)!.score)).toEqual([2, 2, 3, 3, 2, 2]);
  });

  it('gives PageRank scores that sum to 1', () => {
    const pagerank = computeCentrality(structure, CentralityMetric.PAGERANK);
    const total = [...pagerank.values()].reduce((sum, entry) => sum + entry.score, 0);
    expect(total).toBeCloseTo(1, 6);
  });
});
