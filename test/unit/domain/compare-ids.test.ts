import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import seedrandom from 'seedrandom';
import { compareIds, compareKeys, sortByKey } from '../../../src/domain/compare-ids';
import { NODE_KINDS } from '../../../src/domain/node-kind';
import { makeNodeId } from '../../../src/domain/node-id';

describe('compareIds', () => {
  const collator = new Intl.Collator('en');
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

describe('sortByKey', () => {
  const collator = new Intl.Collator();
  const marks = '_-:|';
  const alphabet = `${marks}0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ`;

  it('ranks every pair of the characters of an edge key as the collation does', () => {
    const chars = [...alphabet].filter((char) => char !== '|');
    const byCollator = [...chars].sort(collator.compare);
    expect(sortByKey(chars, (char) => [char])).toEqual(byCollator);
    // Each character before and after the separator, as it meets the next part.
    const pairs = chars.flatMap((a) => chars.map((b) => [a, b] as const));
    expect(sortByKey(pairs, (pair) => pair).map((pair) => pair.join('|'))).toEqual(pairs.map((pair) => pair.join('|')).sort(collator.compare));
  });

  it('sorts random edges by source, type and target exactly as the collator sorts their keys', () => {
    const random = seedrandom('sort-by-key');
    const letters = alphabet.replace('|', '');
    const pick = (from: string): string => from[Math.floor(random() * from.length)]!;
    const word = (): string => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random() < 0.3 ? '_-:' : letters)).join('');
    const edges = Array.from({ length: 3000 }, () => [word(), word().toUpperCase(), word()] as const);
    // Parts equal but for case, prefixes of each other, and repeated edges.
    edges.push(['essay:a', 'ABOUT', 'b'], ['essay:A', 'ABOUT', 'b'], ['essay:a', 'about', 'b'], ['essay:a-b', 'ABOUT', 'b'], ['essay:ab', 'ABOUT', 'b']);
    edges.push(['essay:a', 'ABOUT', 'b-c'], ['essay:a', 'ABOUT_X', 'b'], ['essay:a', 'ABOUT', 'b'], ['essay:a_', 'ABOUT', 'b'], ['essay:a', 'ABOUT', 'b_']);
    const key = (edge: readonly string[]): string => edge.join('|');
    expect(sortByKey(edges, (edge) => edge).map(key)).toEqual(edges.map(key).sort(compareKeys));
  });

  it('sorts keys whose parts hold the separator, or differ in number, with the collator', () => {
    const keys = ['a|b|c', 'a|b', 'a-b|c', 'a_b', 'a:b|C|d', 'a|B|c'];
    expect(sortByKey(keys, (value) => [value]).map(String)).toEqual([...keys].sort(compareKeys));
    expect(sortByKey(keys, (value) => value.split('|')).map(String)).toEqual([...keys].sort(compareKeys));
  });

  it('sorts anything else with the collator', () => {
    const others = ['é|X|a', 'e|X|a', 'E|X|a', 'a b', 'a.b', 'ab'];
    expect(sortByKey(others, (key) => key.split('|'))).toEqual([...others].sort(compareKeys));
  });
});

describe('the collation', () => {
  const WORDS = ['z', 'ä', 'a', 'Ö', 'o', 'essay:b', 'Essay:A'];

  /** The module run in a fresh Node whose locale is `lang` (ICU reads it once, at start). */
  function sortedUnder(lang: string): string[] {
    const { code } = transformSync(readFileSync(join(__dirname, '../../../src/domain/compare-ids.ts'), 'utf8'), { loader: 'ts', format: 'cjs' });
    const script = `const module = { exports: {} }; const exports = module.exports; ${code}
      process.stdout.write(JSON.stringify(${JSON.stringify(WORDS)}.sort(module.exports.compareKeys)));`;
    const env = { ...process.env, LANG: lang, LC_ALL: lang };
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8' })) as string[];
  }

  it('is the same whatever the process locale (Swedish sorts "ä" after "z")', () => {
    const expected = [...WORDS].sort(compareKeys);
    expect(expected).toEqual(['a', 'ä', 'Essay:A', 'essay:b', 'o', 'Ö', 'z']);
    expect(sortedUnder('sv_SE.UTF-8')).toEqual(expected);
    expect(sortedUnder('tr_TR.UTF-8')).toEqual(expected);
  });
});
