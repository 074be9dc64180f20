import { AnswerCache, estimateBytes } from '../../../src/analysis/answer-cache';

describe('AnswerCache', () => {
  it('computes an answer once per version and request, and again after the version moves', async () => {
    const cache = new AnswerCache(1_000_000);
    let computed = 0;
    const compute = async () => ({ answer: ++computed });
    expect(await cache.remember(7, 'q', { id: 'a' }, compute)).toEqual({ answer: 1 });
    expect(await cache.remember(7, 'q', { id: 'a' }, compute)).toEqual({ answer: 1 });
    expect(await cache.remember(7, 'q', { id: 'b' }, compute)).toEqual({ answer: 2 });
    expect(await cache.remember(8, 'q', { id: 'a' }, compute)).toEqual({ answer: 3 });
  });

  it('never keeps answers of a reader with no fixed version', async () => {
    const cache = new AnswerCache(1_000_000);
    let computed = 0;
    const compute = async () => ({ answer: ++computed });
    await cache.remember(null, 'q', {}, compute);
    expect(await cache.remember(null, 'q', {}, compute)).toEqual({ answer: 2 });
  });

  it('lets the least recently used answers go past its size bound', async () => {
    const cache = new AnswerCache(40);
    let computed = 0;
    const compute = async () => ({ answer: ++computed, padding: 'x'.repeat(10) });
    await cache.remember(1, 'q', 1, compute);
    await cache.remember(1, 'q', 2, compute);
    expect((await cache.remember(1, 'q', 1, compute)).answer).toBe(3);
  });

  it('weighs an answer at about its length as JSON, long lists from a sample of their items', () => {
    const small = { id: 'essay:a', score: 0.5, reasons: [{ kind: 'SHARED_ROLE', via: null }] };
    expect(estimateBytes(small)).toBeGreaterThanOrEqual(JSON.stringify(small).length);
    expect(estimateBytes(small)).toBeLessThanOrEqual(2 * JSON.stringify(small).length);
    const map = { nodes: Array.from({ length: 500 }, (_, i) => ({ id: `essay:synthetic-${String(i).padStart(5, '0')}`, x: i * 1.5, y: -i, cluster: i % 7 })) };
    const exact = JSON.stringify(map).length;
    expect(estimateBytes(map)).toBeGreaterThan(0.8 * exact);
    expect(estimateBytes(map)).toBeLessThan(1.5 * exact);
  });
});
