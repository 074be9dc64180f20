/**
 * The graph's node count as last read, refreshed in the background once it is older than
 * `maxAgeMs`; only the first call waits for a read. Cost rules price by it without touching
 * the database on the request's path.
 */
export function createGraphSizeGauge(readNodes: () => Promise<number>, maxAgeMs = 30_000): () => Promise<number | undefined> {
  let known: number | undefined;
  let readAt = 0;
  let reading: Promise<void> | null = null;
  const refresh = (): Promise<void> =>
    (reading ??= readNodes()
      .then((nodes) => {
        known = nodes;
        readAt = Date.now();
      })
      // Unknown size is priced at the bound; the analysis still checks the real size.
      .catch(() => undefined)
      .finally(() => (reading = null)));
  return async () => {
    if (known === undefined) await refresh();
    else if (Date.now() - readAt > maxAgeMs) void refresh();
    return known;
  };
}
