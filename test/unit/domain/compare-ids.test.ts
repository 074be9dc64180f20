import seedrandom from 'seedrandom';
import { compareIds } from '../../../src/domain/compare-ids';
import { NODE_KINDS } from '../../../src/domain/node-kind';
import { makeNodeId } from '../../../src/domain/node-id';

describe('compareIds', () => {
  const collator = new Intl.Collator();
  const sign = (value: number): number => Math.sign(value);

  it('orders node ids exactly as the default collation does, on its fast path too', () => {
    const random = seedrandom('compare-ids');
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const slug = (): string => {
      const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * (random() < 0.5 ? 3 : alphabet.length))]).join(''),
      );
      return parts.join('-');
    };
    const ids = Array.from({ length: 600 }, () => makeNodeId(NODE_KINDS[Math.floor(random() * NODE_KINDS.length)]!, slug()));
    ids.push('essay:a', 'essay:a-b', 'essay:ab', 'essay:a0', 'essay:a-0', 'role:x', 'essay:synthetic-00009', 'essay:synthetic-00010');
    const disagreements = ids.flatMap((a) => ids.slice(0, 120).flatMap((b) => (sign(compareIds(a, b)) === sign(collator.compare(a, b)) ? [] : [[a, b]])));
    expect(disagreements).toEqual([]);
  });

  it('falls back to the collation for anything else (edge ids, odd strings)', () => {
    const others = ['essay:a|ABOUT|concept:b', 'essay:a-b|ABOUT|concept:b', 'Essay:A', 'essay1', 'essay:1', 'é', 'e'];
    for (const a of others) for (const b of others) expect(sign(compareIds(a, b))).toBe(sign(collator.compare(a, b)));
  });
});
