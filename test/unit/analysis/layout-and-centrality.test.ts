import { CentralityMetric, computeCentrality } from '../../../src/analysis/centrality';
import { layOut } from '../../../src/analysis/concept-map';
import { NodeKind } from '../../../src/domain/node-kind';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
// Two triangles joined by one edge: two communities.
const edges = [
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'a'],
  ['d', 'e'],
  ['e', 'f'],
  ['f', 'd'],
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

  it('counts hops for betweenness unless asked to weigh, where a weak tie is a long way round', () => {
    // A square: a–b–c strongly tied, a–d–c weakly. By hops both routes from a to c are
    // shortest, so b and d broker equally; by 1 / weight only the strong route is.
    const square = {
      nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, kind: NodeKind.CONCEPT })),
      edges: [
        { source: 'a', target: 'b', weight: 1 },
        { source: 'b', target: 'c', weight: 1 },
        { source: 'a', target: 'd', weight: 0.1 },
        { source: 'd', target: 'c', weight: 0.1 },
      ],
    };
    const score = (weighted: boolean) => {
      const scores = computeCentrality(square, CentralityMetric.BETWEENNESS, weighted);
      return Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [id, scores.get(id)!.score]));
    };
    // Normalized over (n − 1)(n − 2) / 2 = 3 pairs; each pair's shortest routes share its credit.
    expect(score(false)).toEqual({ a: 0.5 / 3, b: 0.5 / 3, c: 0.5 / 3, d: 0.5 / 3 });
    expect(score(true)).toEqual({ a: 0.5 / 3, b: 1 / 3, c: 0.5 / 3, d: 0 });
  });

  it('gives PageRank scores that sum to 1', () => {
    const pagerank = computeCentrality(structure, CentralityMetric.PAGERANK);
    const total = [...pagerank.values()].reduce((sum, entry) => sum + entry.score, 0);
    expect(total).toBeCloseTo(1, 6);
  });
});
