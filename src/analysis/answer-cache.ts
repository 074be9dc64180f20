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
      sizeCalculation: (answer) => Math.max(JSON.stringify(answer).length, 1),
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
