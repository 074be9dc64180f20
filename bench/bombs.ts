/**
 * Hostile documents, each of which must be refused quickly and before any database work. The
 * cost benchmark times them; the fuzz test sends them as named cases.
 */
export interface Bomb {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** The code the refusal must carry. */
  readonly code: string;
}

/** Under the 2 MB body limit once wrapped in JSON. */
const BODY_LIMIT = 2 * 1024 * 1024 - 4096;

/** `{ ...F0 } fragment F0 on Query { ...F1 ...F1 } ... fragment F<n> on Query { __typename }`. */
export function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `{ ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { __typename }`;
}

/** Each fragment spreads every earlier one: quadratic in text, exponential if expanded. */
function fragmentLattice(levels: number): string {
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment L${i} on Query { __typename ${Array.from({ length: i }, (_, j) => `...L${j}`).join(' ')} }`,
  );
  return `{ ...L${levels - 1} } ${fragments.join(' ')}`;
}

function aliases(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

function fillTo(bytes: number, unit: string, wrap: (body: string) => string): string {
  return wrap(unit.repeat(Math.floor((bytes - 100) / unit.length)));
}

const PATH = 'conceptPath(from: "role:engineer", to: "role:ctpo", k: 10, maxHops: 8) { reading nodes { id } }';
const MAP = 'conceptMap(center: "principle:culture-emerges-from-structure", limit: 2000) { nodes { id } }';

export const BOMBS: readonly Bomb[] = [
  { name: 'fragment bomb, 25 levels (1 KB)', query: fragmentBomb(25), code: 'QUERY_TOO_COMPLEX' },
  { name: 'fragment bomb, 60 levels', query: fragmentBomb(60), code: 'QUERY_TOO_COMPLEX' },
  { name: 'fragment lattice, 60 fragments', query: fragmentLattice(60), code: 'QUERY_TOO_COMPLEX' },
  { name: '100 aliased conceptPath(k: 10, maxHops: 8)', query: aliases(100, PATH), code: 'QUERY_TOO_COMPLEX' },
  { name: '20 aliased conceptMap(limit: 2000)', query: aliases(20, MAP), code: 'QUERY_TOO_COMPLEX' },
  { name: 'aliases to the body limit', query: fillTo(BODY_LIMIT, 'a: __typename ', (b) => `{ ${b} }`), code: 'QUERY_TOO_COMPLEX' },
  // graphql-js meters its own field-overlap check and stops it: a validation failure.
  { name: 'one field repeated to the token limit', query: `{ ${'__typename '.repeat(2_900)} }`, code: 'GRAPHQL_VALIDATION_FAILED' },
  // Not a document at all: the parser stops at the second token.
  { name: 'nesting to the body limit', query: fillTo(BODY_LIMIT, '{', (b) => `${b}`), code: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'deep nesting within the token limit',
    query: `{ node(id: "role:ctpo") { ${'edges { node { '.repeat(60)}id${' } }'.repeat(60)} } }`,
    code: 'QUERY_TOO_COMPLEX',
  },
  { name: 'directives on one field', query: `{ __typename ${'@include(if: true) '.repeat(600)}}`, code: 'QUERY_TOO_COMPLEX' },
  {
    name: 'variables to the body limit',
    query: 'query($ids: [ID!]) { conceptPath(from: "role:engineer", to: "role:ctpo", avoid: $ids) { length } }',
    variables: { ids: Array.from({ length: 120_000 }, (_, i) => `concept:c${i}`) },
    code: 'BAD_USER_INPUT',
  },
  { name: 'comments to the body limit', query: fillTo(BODY_LIMIT, '# padding.', (b) => `${b}\n{ __typename }`), code: 'ok' },
];
