import { jaccard, lift } from '../../../src/domain/principle-links';
import { combineEvidence, sharedNeighbourStrength } from '../../../src/domain/relatedness';

describe('relatedness', () => {
  it('counts a neighbour only two nodes share fully, and a common one less', () => {
    expect(sharedNeighbourStrength(2, 1000)).toBe(1);
    expect(sharedNeighbourStrength(10, 1000)).toBeCloseTo(Math.log(100) / Math.log(500), 10);
    expect(sharedNeighbourStrength(1000, 1000)).toBe(0);
    expect(sharedNeighbourStrength(10, 1000)).toBeGreaterThan(sharedNeighbourStrength(100, 1000));
  });

  it('combines evidence into 0..1 with diminishing returns', () => {
    expect(combineEvidence([])).toBe(0);
    expect(combineEvidence([1])).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(combineEvidence([0.5, 0.5])).toBeCloseTo(combineEvidence([1]), 10);
    expect(combineEvidence([5, 5, 5])).toBeLessThan(1);
  });
});

describe('principle co-occurrence', () => {
  it('computes Jaccard and lift over essays', () => {
    const counts = { shared: 2, first: 4, second: 3, essays: 10 };
    expect(jaccard(counts)).toBeCloseTo(2 / 5, 10);
    expect(lift(counts)).toBeCloseTo((2 * 10) / 12, 10);
    expect(jaccard({ shared: 0, first: 0, second: 0, essays: 3 })).toBe(0);
    expect(lift({ shared: 0, first: 0, second: 2, essays: 3 })).toBe(0);
  });
});
