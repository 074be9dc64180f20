const collator = new Intl.Collator();

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

/** The same order for keys that are never plain node ids (an edge's `source|TYPE|target`): straight to the collator. */
export const compareKeys: (a: string, b: string) => number = collator.compare;
