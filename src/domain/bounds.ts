/**
 * Every list, depth, hop count and path count the API accepts has a bound; past it is
 * BAD_USER_INPUT. The schema's argument descriptions quote these numbers.
 */
export const BOUNDS = {
  page: { default: 20, max: 100 },
  edgeList: { default: 20, max: 100 },
  search: { default: 10, max: 50, maxQueryLength: 200 },
  filterIds: { max: 20 },
} as const;
