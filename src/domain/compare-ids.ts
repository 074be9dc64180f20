/**
 * English collation (CLDR's root order, untailored), named rather than taken from the process's
 * locale: under another LANG (Swedish sorts "ä" after "z") the answers' order would change with
 * the machine that serves them. Not 'und': a locale Intl does not list falls back to the process's.
 */
const collator = new Intl.Collator('en');

/**
 * A node id as the domain makes them: a lowercase word, a colon, a slug of lowercase letters,
 * digits and hyphens. Between two of these the default collation orders exactly as code points
 * do (hyphen, then digits, then letters, and a colon only ever meets a letter or a colon), so
 * they are compared without the collator, which ties among thousands of candidates made costly.
 */
const PLAIN_ID = /^[a-z]+:[a-z0-9-]*$/;

/** A node id of the plain form: two of them compare by code point. */
export function isPlainId(id: string): boolean {
  return PLAIN_ID.test(id);
}

/**
 * The one order of ids in every answer (ties, lists, maps): the default collation, which the
 * answers have always used. A shared collator is many times faster than `localeCompare`, and
 * two plain node ids skip it (the same order; see PLAIN_ID).
 */
export function compareIds(a: string, b: string): number {
  if (isPlainId(a) && isPlainId(b)) return a < b ? -1 : a > b ? 1 : 0;
  return collator.compare(a, b);
}

/**
 * The same order for strings that are never plain node ids (an edge's `source|TYPE|target`, a
 * reason's kind, a property's name): straight to the collator.
 */
export const compareKeys: (a: string, b: string) => number = collator.compare;

/**
 * Keys made of ASCII letters, digits and `_ - : |` (an edge's `source|TYPE|target`). The
 * default collation weighs them one character at a time, `_ - : |` then digits then letters,
 * a letter's case only deciding between strings otherwise equal; PRIMARY maps each to a
 * character whose code point has that rank, folding case (a unit test checks this against the
 * collator on every pair of characters and on random keys).
 */
const EDGE_KEY = /^[A-Za-z0-9_:|-]*$/;
const PRIMARY: Readonly<Record<string, string>> = { _: '!', '-': '"', ':': '#', '|': '$' };

/**
 * `items` sorted by `key` in the order of compareKeys. When every key is of the EDGE_KEY form,
 * each is mapped once to a string that compares by code point in the collation's order (ties,
 * which only case could make, go to the collator), instead of thousands of collator calls.
 */
export function sortByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const keys = items.map(key);
  if (!keys.every((value) => EDGE_KEY.test(value))) {
    const order = items.map((_, i) => i).sort((a, b) => collator.compare(keys[a]!, keys[b]!));
    return order.map((i) => items[i]!);
  }
  const primary = keys.map((value) => value.toLowerCase().replace(/[_:|-]/g, (mark) => PRIMARY[mark]!));
  const order = items.map((_, i) => i).sort((a, b) => (primary[a]! < primary[b]! ? -1 : primary[a]! > primary[b]! ? 1 : collator.compare(keys[a]!, keys[b]!)));
  return order.map((i) => items[i]!);
}
