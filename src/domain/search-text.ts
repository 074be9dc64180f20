const SYNTAX = /[+\-&|!(){}[\]^"~*?:\\/]/g;
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
