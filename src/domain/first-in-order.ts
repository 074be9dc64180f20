/**
 * The `count` first of `values` under `compare`, in order, in one pass: each is compared with the
 * last one kept, so picking the best few of thousands of candidates sorts only the few.
 */
export function firstInOrder<T>(values: Iterable<T>, count: number, compare: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  const kept: T[] = [];
  for (const value of values) {
    if (kept.length === count && compare(value, kept[count - 1]!) >= 0) continue;
    let at = kept.length === count ? count - 1 : kept.length;
    while (at > 0 && compare(value, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, value);
    if (kept.length > count) kept.pop();
  }
  return kept;
}
