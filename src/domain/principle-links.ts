export interface CooccurrenceCounts {
  /** Essays that articulate both principles. */
  readonly shared: number;
  /** Essays that articulate the first, and the second. */
  readonly first: number;
  readonly second: number;
  /** Essays in the graph. */
  readonly essays: number;
}

/** |A ∩ B| / |A ∪ B| over the essays that articulate each principle. */
export function jaccard({ shared, first, second }: CooccurrenceCounts): number {
  const union = first + second - shared;
  return union === 0 ? 0 : shared / union;
}

/** How much more often the two appear together than if they were independent. */
export function lift({ shared, first, second, essays }: CooccurrenceCounts): number {
  return first === 0 || second === 0 ? 0 : (shared * essays) / (first * second);
}
