import seedrandom from 'seedrandom';
import { analyze, decodeLength, encodeLength, idf, moreLikeThisWords, normInverses, termScore } from '../../../src/domain/word-relevance';

/*
 * The pieces of the word signal that must equal Lucene's. The whole (scores to the last bit
 * against Neo4j's own full-text index) is checked by test/integration/word-relevance.test.ts;
 * these pin each piece on cases worked out by hand from Lucene's code.
 */
describe('word relevance', () => {
  it('keeps a field length in one byte as Lucene’s SmallFloat does: exact below 32, then four significant bits', () => {
    for (let length = 0; length < 32; length++) expect(decodeLength(encodeLength(length))).toBe(length);
    // 100 − 24 = 76 = 0b1001100: its top four bits 1001 kept, shifted by 3: 72 + 24 = 96.
    expect(encodeLength(100)).toBe(57);
    expect(decodeLength(57)).toBe(96);
    let previous = -1;
    for (let length = 0; length < 200_000; length += 1 + Math.floor(length / 50)) {
      const byte = encodeLength(length);
      expect(byte).toBeGreaterThanOrEqual(previous);
      expect(byte).toBeLessThan(256);
      expect(decodeLength(byte)).toBeLessThanOrEqual(length);
      expect(encodeLength(decodeLength(byte))).toBe(byte);
      previous = byte;
    }
  });

  it('scores in 32-bit floats: a term in a short field of a small index', () => {
    // docCount 10, docFreq 2: ln(1 + 8.5 / 2.5) = ln 4.4.
    const weight = idf(2, 10);
    expect(weight).toBe(Math.fround(Math.log(4.4)));
    // avgdl 5; a field of 5 tokens: 1 / (1.2 · (0.25 + 0.75)) = 1 / 1.2.
    const inverse = normInverses({ docCount: 10, sumTotalTermFreq: 50 })[encodeLength(5)]!;
    expect(inverse).toBe(Math.fround(1 / Math.fround(1.2)));
    // freq 1: weight · 1 / (1 + 1.2) within a float's rounding.
    expect(termScore(weight, 1, inverse)).toBeCloseTo((weight * 1) / (1 + 1.2), 6);
    expect(termScore(weight, 1, inverse)).toBe(Math.fround(termScore(weight, 1, inverse)));
  });

  it('splits words as Unicode does and lower-cases each character as Java does', () => {
    expect(analyze("Don't stop: e.g. 3.5, well-known a_b x,y node.js U.S.A. 12:30")).toEqual([
      "don't",
      'stop',
      'e.g',
      '3.5',
      'well',
      'known',
      'a_b',
      'x',
      'y',
      'node.js',
      'u.s.a',
      '12',
      '30',
    ]);
    // Ideographs and hiragana one by one; the Turkish dotted capital I becomes a plain i; final sigma stays σ.
    expect(analyze('日本語 ひらがな カタカナ İstanbul ΟΔΟΣ')).toEqual(['日', '本', '語', 'ひ', 'ら', 'が', 'な', 'カタカナ', 'istanbul', 'οδοσ']);
    expect(analyze('x'.repeat(300))).toEqual(['x'.repeat(255), 'x'.repeat(45)]);
  });

  // Each expected list is what Lucene 9.11.1's StandardAnalyzer (no stop words) gave for the text.
  it.each([
    ['é ___ x', ['é', 'x']],
    ['ภาษาไทยง่ายนิดเดียว', ['ภาษาไทยง่ายนิดเดียว']],
    ['コンピューターサイエンス', ['コンピューターサイエンス']],
    ['葛\u{E0100} か\u3099', ['葛\u{E0100}', 'か\u3099']],
    ['🇫🇷 #️⃣ ok😀x', ['🇫🇷', '#️⃣', 'ok', '😀', 'x']],
    ['abc漢字 カタカナabc', ['abc', '漢', '字', 'カタカナ', 'abc']],
    ['İstanbul ΟΔΟΣ naïve café', ['istanbul', 'οδοσ', 'naïve', 'café']],
    ['a１２b ①② Ⅻ ½', ['a１２b', 'ⅻ']],
  ])('splits %j where the segmenter and Lucene part ways as Lucene does', (text, tokens) => {
    expect(analyze(text)).toEqual(tokens);
  });

  it('splits ASCII text exactly as the Unicode segmenter does (the fast path)', () => {
    const random = seedrandom('ascii-words');
    const alphabet = "abcXYZ019_.,;:'- \n!?()@#/";
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const expected = [...segmenter.segment(text)]
        .filter((segment) => segment.isWordLike && /[A-Za-z0-9]/.test(segment.segment))
        .map((segment) => segment.segment.toLowerCase());
      expect({ text, tokens: analyze(text) }).toEqual({ text, tokens: expected });
    }
  });

  it('picks a node’s "more like this" words as the Cypher of the fallback does: most used, then longest, then by code point', () => {
    const words = moreLikeThisWords([
      'Structure shapes culture. Culture follows structure; teams (and their structure) shape it.',
      null,
      ['an', 'array', 'is', 'not', 'text'],
      'Teams teams',
    ]);
    // teams ×3 (lower-cased), structure ×2 (the ")" is query syntax and splits), then once each, longest first:
    // "structure;" and "culture." are words of their own (only white space and query syntax split); "their" is a stop word.
    expect(words).toEqual(['teams', 'structure', 'structure;', 'culture.', 'culture', 'follows', 'shapes', 'shape']);
  });
});
