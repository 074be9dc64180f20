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
  if (isPlainId(a) && isPlainId(b)) return compareCodeUnits(a, b);
  return collator.compare(a, b);
}

/**
 * Strings by UTF-16 code unit, as `<` compares them (and as Cypher's ORDER BY orders ids): for
 * orders internal to the service, which need to be total and fast, never shown as a list's order.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
 * `items` sorted by their keys, `parts` joined with `|` (an edge's source, type and target), in
 * the order of compareKeys, without thousands of collator calls (a map's 2,000 edges meet 500
 * node ids). When every part is of the EDGE_KEY form without a `|`, each distinct part is mapped
 * once to a string that compares by code point in the collation's order; `|` maps to the lowest
 * character a part can hold after it, so two keys compare as their first unequal parts do,
 * each with that `|` after it but the last. Those orders are ranked once per distinct part and
 * the items sorted on the ranks (ties, which only case could make, go to the collator).
 */
export function sortByKey<T>(items: readonly T[], parts: (item: T) => readonly string[]): T[] {
  const split = items.map(parts);
  const key = (item: number): string => split[item]!.join('|');
  const width = split[0]?.length ?? 0;
  const ranks = width > 0 ? rankParts(split, width) : null;
  const order = items.map((_, i) => i);
  if (ranks === null) {
    const keys = order.map(key);
    return order.sort((a, b) => collator.compare(keys[a]!, keys[b]!)).map((i) => items[i]!);
  }
  return order
    .sort((a, b) => {
      for (let at = 0; at < width; at++) {
        const difference = ranks[a * width + at]! - ranks[b * width + at]!;
        if (difference !== 0) return difference;
      }
      return collator.compare(key(a), key(b));
    })
    .map((i) => items[i]!);
}

/**
 * For each item and part position, the rank of its part's mapped form among the distinct ones at
 * that position (a part before the last with `|` after it); null when a part is not of the
 * EDGE_KEY form, holds a `|`, or the items differ in their number of parts.
 */
function rankParts(split: readonly (readonly string[])[], width: number): Int32Array | null {
  if (split.some((segments) => segments.length !== width)) return null;
  const ranks = new Int32Array(split.length * width);
  for (let at = 0; at < width; at++) {
    // Each item's part as an index among the distinct parts at this position.
    const indexOf = new Map<string, number>();
    const distinct: string[] = [];
    split.forEach((segments, item) => {
      const segment = segments[at]!;
      let index = indexOf.get(segment);
      if (index === undefined) {
        index = distinct.push(segment) - 1;
        indexOf.set(segment, index);
      }
      ranks[item * width + at] = index;
    });
    if (!distinct.every((segment) => EDGE_KEY.test(segment) && !segment.includes('|'))) return null;
    const after = at < width - 1 ? PRIMARY['|'] : '';
    const primaries = distinct.map((segment) => segment.toLowerCase().replace(/[_:-]/g, (mark) => PRIMARY[mark]!) + after);
    const byPrimary = distinct.map((_, index) => index).sort((a, b) => (primaries[a]! < primaries[b]! ? -1 : primaries[a]! > primaries[b]! ? 1 : 0));
    // Parts equal but for case share a rank.
    const rankOf = new Int32Array(distinct.length);
    byPrimary.forEach((index, place) => {
      const previous = byPrimary[place - 1];
      rankOf[index] = previous !== undefined && primaries[previous] === primaries[index] ? rankOf[previous]! : place;
    });
    for (let item = 0; item < split.length; item++) ranks[item * width + at] = rankOf[ranks[item * width + at]!]!;
  }
  return ranks;
}
