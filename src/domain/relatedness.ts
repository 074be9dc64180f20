/** Why two nodes are related. */
export enum ReasonKind {
  SHARED_PRINCIPLE = 'SHARED_PRINCIPLE',
  SHARED_CONCEPT = 'SHARED_CONCEPT',
  SHARED_ROLE = 'SHARED_ROLE',
  /** For principles, concepts and roles: an essay links both. */
  SHARED_ESSAY = 'SHARED_ESSAY',
  EDITOR_LINK = 'EDITOR_LINK',
  DIRECT_EDGE = 'DIRECT_EDGE',
  TEXT_SIMILARITY = 'TEXT_SIMILARITY',
}

/** How much each kind of evidence can count, before its own strength (0..1) scales it. */
export const REASON_WEIGHTS: Readonly<Record<ReasonKind, number>> = {
  EDITOR_LINK: 1,
  DIRECT_EDGE: 0.6,
  SHARED_PRINCIPLE: 0.5,
  SHARED_CONCEPT: 0.4,
  SHARED_ROLE: 0.25,
  SHARED_ESSAY: 0.4,
  TEXT_SIMILARITY: 0.3,
};

/**
 * Inverse-frequency strength of a shared neighbour, in (0, 1]: a neighbour that only these two
 * nodes have counts 1; one that every node of the kind has counts little.
 * `sharers` is how many nodes of the kind have it, `population` how many there are.
 */
export function sharedNeighbourStrength(sharers: number, population: number): number {
  if (population <= 2 || sharers <= 2) return 1;
  return Math.log(population / sharers) / Math.log(population / 2);
}

/** Evidence adds up with diminishing returns into a score in 0..1. */
export function combineEvidence(weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return 1 - Math.exp(-total);
}
