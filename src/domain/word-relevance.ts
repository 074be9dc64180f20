import { compareCodeUnits } from './compare-ids';
import { MORE_LIKE_THIS } from './search-text';

/*
 * The word signal of relatedThoughts, computed where the projection lives. A node's distinctive
 * words (MORE_LIKE_THIS) are matched against the full-text index's fields of every node, and each
 * match is scored as Neo4j's full-text index scores it: Lucene 9's BM25 (k1 1.2, b 0.75) over
 * per-field statistics, field lengths rounded as Lucene stores them (one byte), the arithmetic in
 * 32-bit floats in Lucene's order, so the same texts give the same scores to the last bit (Lucene
 * also counts deleted documents until its segments merge; the index here holds none). Tokens
 * follow Lucene's StandardTokenizer (Unicode's word boundaries, UAX #29) and its lower-casing.
 * Checked against the database's own scores by test/integration/word-relevance.
 */

/** The properties the full-text index `nodeText` covers (schema/indexes.cypher), in its order. */
export const FULLTEXT_FIELDS = ['title', 'name', 'statement', 'summary', 'description', 'aliases'] as const;

/** Every property the word signal reads: the full-text fields, then the "more like this" fields not among them. */
export const WORD_FIELDS: readonly string[] = [...new Set<string>([...FULLTEXT_FIELDS, ...MORE_LIKE_THIS.fields])];

const K1 = Math.fround(1.2);
const B = Math.fround(0.75);
const ONE_MINUS_B = Math.fround(1 - B);
const MAX_TOKEN_LENGTH = 255;

/**
 * The tokens of one text as the index's analyzer (standard, no stop words) makes them: Unicode
 * words (UAX #29), lower-cased a code point at a time (as Java's Character.toLowerCase). Where
 * Lucene's StandardTokenizer differs from the segmenter, it is followed: ideographs and hiragana
 * are a token each (with their combining marks), a run of katakana or of a South-East Asian
 * script is one token (the segmenter splits them by dictionary), an emoji (flags and keycaps
 * too) is a token, a word without a letter or digit ("___") is none; tokens over 255
 * characters are cut into pieces.
 */
export function analyze(text: string): string[] {
  const tokens: string[] = [];
  if (isAscii(text)) {
    for (const match of text.matchAll(ASCII_WORD)) push(tokens, match[0].toLowerCase());
    return tokens;
  }
  let run = '';
  let runScript: string | null = null;
  const flush = (): void => {
    for (const piece of run.match(PIECES) ?? []) if (WORDY.test(piece)) push(tokens, lowerCase(piece));
    run = '';
    runScript = null;
  };
  for (const { segment, isWordLike } of WORDS.segment(text)) {
    if (EMOJI.test(segment)) {
      flush();
      push(tokens, segment);
      continue;
    }
    if (!isWordLike) {
      flush();
      continue;
    }
    const script = WHOLE_RUN_SCRIPTS.find(([, pattern]) => pattern.test(segment))?.[0] ?? null;
    if (script === null || script !== runScript) flush();
    run += segment;
    runScript = script;
  }
  flush();
  return tokens;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * UAX #29's word rules on ASCII: letters, digits and underscores join; a letter-'.:\''-letter or
 * digit-'.,;\''-digit stays one word. Equal to the segmenter on ASCII (a unit test compares them).
 */
const ASCII_WORD = /[A-Za-z0-9_]*[A-Za-z0-9][A-Za-z0-9_]*(?:(?:(?<=[A-Za-z])[.:'](?=[A-Za-z])|(?<=[0-9])[.,;'](?=[0-9]))[A-Za-z0-9_]+)*/g;
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const WORDY = /[\p{L}\p{N}]/u;
/** Scripts the segmenter splits by dictionary and Lucene keeps as one token per run. */
const WHOLE_RUN_SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['katakana', /^[\p{Script=Katakana}\u30FC\uFF70\p{M}]+$/u],
  ['south-east-asian', /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{M}]+$/u],
];
/** Ideographs and hiragana one by one (each with its marks), the rest of a run whole. */
const PIECES = /[\p{Script=Han}\p{Script=Hiragana}]\p{M}*|[^\p{Script=Han}\p{Script=Hiragana}]+/gu;

function lowerCase(token: string): string {
  let lower = '';
  for (const char of token) lower += String.fromCodePoint(char.toLowerCase().codePointAt(0)!);
  return lower;
}

function push(tokens: string[], token: string): void {
  for (let at = 0; at < token.length; at += MAX_TOKEN_LENGTH) tokens.push(token.slice(at, at + MAX_TOKEN_LENGTH));
}

/**
 * A node's "more like this" words (MORE_LIKE_THIS): its text fields that hold a string, joined,
 * lower-cased and split on white space and query syntax; words of at least `minLength`
 * characters that are not stop words; the `words` most used, then the longest, then by UTF-16
 * code unit (as Cypher orders strings). `values` are the node's MORE_LIKE_THIS.fields in order.
 */
export function moreLikeThisWords(values: readonly unknown[]): string[] {
  const text = values
    .filter((value): value is string => typeof value === 'string')
    .join(' ')
    .toLowerCase();
  const uses = new Map<string, number>();
  for (const word of text.split(SEPARATORS)) {
    if (codePoints(word) >= MORE_LIKE_THIS.minLength && !STOP_WORDS.has(word)) uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  return [...uses]
    .sort(([a, aUses], [b, bUses]) => bUses - aUses || codePoints(b) - codePoints(a) || compareCodeUnits(a, b))
    .slice(0, MORE_LIKE_THIS.words)
    .map(([word]) => word);
}

const SEPARATORS = new RegExp(`[${MORE_LIKE_THIS.separators.map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);
const STOP_WORDS: ReadonlySet<string> = new Set(MORE_LIKE_THIS.stopWords);

function codePoints(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) count += 1;
  }
  return count;
}

// Lucene's SmallFloat.intToByte4 / byte4ToInt: a field's length kept in one byte, exact below 24.
const FREE_VALUES = 24;

/** The byte Lucene stores for a field of `length` tokens. */
export function encodeLength(length: number): number {
  if (length < FREE_VALUES) return length;
  const value = length - FREE_VALUES;
  const bits = 32 - Math.clz32(value);
  if (bits < 4) return FREE_VALUES + value;
  const shift = bits - 4;
  return FREE_VALUES + (((value >>> shift) & 0x07) | ((shift + 1) << 3));
}

/** The length Lucene reads back from a stored byte. */
export function decodeLength(byte: number): number {
  if (byte < FREE_VALUES) return byte;
  const value = byte - FREE_VALUES;
  const shift = (value >>> 3) - 1;
  return FREE_VALUES + (shift === -1 ? value & 0x07 : ((value & 0x07) | 0x08) * 2 ** shift);
}

/** One field's statistics over the index: documents that have it, and its tokens in all of them. */
export interface FieldStatistics {
  readonly docCount: number;
  readonly sumTotalTermFreq: number;
}

/** BM25's inverse document frequency, as Lucene computes it (double, then float). */
export function idf(docFreq: number, docCount: number): number {
  return Math.fround(Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5)));
}

/** For each stored length byte, 1 / (k1 · (1 − b + b · length / avgdl)) in floats: Lucene's per-field cache. */
export function normInverses(field: FieldStatistics): Float32Array {
  const average = Math.fround(field.sumTotalTermFreq / field.docCount);
  const cache = new Float32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    const relative = Math.fround(Math.fround(B * decodeLength(byte)) / average);
    cache[byte] = Math.fround(1 / Math.fround(K1 * Math.fround(ONE_MINUS_B + relative)));
  }
  return cache;
}

/** One term's score in one field of one document: weight − weight / (1 + freq · normInverse), in floats. */
export function termScore(weight: number, freq: number, normInverse: number): number {
  return Math.fround(weight - Math.fround(weight / Math.fround(1 + Math.fround(freq * normInverse))));
}
