/**
 * Every list, depth, hop count and path count the API accepts has a bound; past it is
 * BAD_USER_INPUT. The schema's argument descriptions quote these numbers.
 */
export const BOUNDS = {
  page: { default: 20, max: 100 },
  edgeList: { default: 20, max: 100 },
  search: { default: 10, max: 50, maxQueryLength: 200 },
  filterIds: { max: 20 },
  related: { default: 5, max: 50 },
  /** similarTo: a draft paragraph or a question, not a document (the model reads 256 word pieces). */
  similar: { default: 5, max: 50, maxTextLength: 4000 },
  path: {
    k: { default: 1, max: 10 },
    maxHops: { default: 6, max: 8 },
    avoid: { max: 20 },
    /** Candidate paths read before ranking: ties past it are cut arbitrarily. */
    candidates: 1000,
  },
  map: { depth: { default: 1, max: 3 }, limit: { default: 200, max: 2000 } },
  links: { first: { default: 50, max: 100 }, minShared: { default: 1, max: 1000 } },
  ranked: { default: 10, max: 100 },
  /** Betweenness is O(nodes × edges): past this many nodes it is refused. */
  betweennessMaxNodes: 5000,
} as const;
