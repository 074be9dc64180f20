/** Lucene's query syntax: dropped from a search text, so a client's text is never read as a query. */
const QUERY_SYNTAX = [...'+-&|!(){}[]^"~*?:\\/'];
const SYNTAX = new RegExp(`[${QUERY_SYNTAX.map((char) => `\\${char}`).join('')}]`, 'g');
const OPERATORS = new Set(['and', 'or', 'not']);

/**
 * The plain words of a search text, lower-cased: query syntax and boolean operators are
 * dropped, so a client's text is never read as a query language.
 */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(SYNTAX, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0 && !OPERATORS.has(word));
}

/** What `\s` matches in a regular expression: the white space between words. */
const WHITE_SPACE = [...' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'];

/**
 * "More like this": the words of a node's text that stand for it in the full-text search for
 * related thoughts. Its longest, most repeated words that say something: lower-cased, split on
 * white space and query syntax, at least `minLength` characters, no stop words, the `words`
 * most used (then the longest, then by code point). The Cypher fallback applies these rules in
 * the database, next to the text; the projection applies the same rules in `moreLikeThisWords`
 * (word-relevance.ts) as it reads the text, and the two are checked against each other.
 */
export const MORE_LIKE_THIS = {
  fields: ['summary', 'statement', 'description', 'body'],
  separators: [...WHITE_SPACE, ...QUERY_SYNTAX],
  minLength: 4,
  words: 24,
  stopWords:
    'a an the and or but of to in on for with as at by from into is are was were be been it its this that these those not no can cannot you your they their them we our how what when where which who why than then so such too very more most less much many also only just about over under out up down all any each every other own same both'.split(
      ' ',
    ),
} as const;
