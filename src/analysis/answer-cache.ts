import { LRUCache } from 'lru-cache';

/**
 * Answers of the thinking queries, kept per graph version: they are deterministic functions of
 * the graph and the request, so an answer computed at a version is right for as long as that
 * version is the newest. Keys carry the version, so a write makes every older entry unreachable
 * (and the LRU lets them go). Bounded by an estimate of the answers' size in bytes.
 */
export class AnswerCache {
  private readonly answers: LRUCache<string, object>;

  constructor(maxBytes: number) {
    this.answers = new LRUCache<string, object>({
      maxSize: Math.max(maxBytes, 1),
      sizeCalculation: (answer) => Math.max(estimateBytes(answer), 1),
    });
  }

  /**
   * The answer to `query` with `args` at `version`, computed once. `version` null (a reader with
   * no fixed version, such as the Cypher path) computes every time.
   */
  async remember<T extends object>(version: number | null, query: string, args: unknown, compute: () => Promise<T>): Promise<T> {
    if (version === null || this.answers.maxSize <= 1) return compute();
    const key = `${version}\u0000${query}\u0000${JSON.stringify(args)}`;
    const cached = this.answers.get(key) as T | undefined;
    if (cached) return cached;
    const answer = await compute();
    this.answers.set(key, answer);
    return answer;
  }
}

/** Long lists are sized from a sample of their items: a 500-node map is too big to serialise only to weigh it. */
const SAMPLE = 16;

/**
 * About the length of `value` as JSON, which is what the cache bounds: exact for small values,
 * extrapolated from the first items of a long list (the items of one answer's list are alike).
 */
export function estimateBytes(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 8;
  if (Array.isArray(value)) {
    const sampled = Math.min(value.length, SAMPLE);
    let sum = 0;
    for (let i = 0; i < sampled; i++) sum += estimateBytes(value[i]) + 1;
    return 2 + (sampled === 0 ? 0 : Math.ceil((sum * value.length) / sampled));
  }
  let sum = 2;
  for (const [key, item] of Object.entries(value)) sum += key.length + 4 + estimateBytes(item);
  return sum;
}
