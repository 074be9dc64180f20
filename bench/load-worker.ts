import { parentPort, workerData } from 'node:worker_threads';

/**
 * The bench's clients, on a thread of their own: parsing large answers must not hold the
 * event loop of the server being measured, as a real client (another process) would not.
 * Runs `queries` over `clients` concurrent loops and posts the latencies back, in ms.
 */
export interface LoadJob {
  url: string;
  queries: string[];
  clients: number;
  name: string;
}

async function run({ url, queries, clients, name }: LoadJob): Promise<number[]> {
  const timings: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < queries.length) {
        const query = queries[next++]!;
        const started = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
        timings.push(performance.now() - started);
      }
    }),
  );
  return timings;
}

if (parentPort) {
  run(workerData as LoadJob).then(
    (timings) => parentPort!.postMessage({ timings }),
    (error: unknown) => parentPort!.postMessage({ error: String(error) }),
  );
}
