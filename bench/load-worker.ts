import { parentPort, workerData } from 'node:worker_threads';

/**
 * The bench's clients, on a thread of their own: parsing large answers must not hold the
 * event loop of the server being measured, as a real client (another process) would not.
 * Runs `requests` over `clients` concurrent loops and posts the latencies back, in ms, with the
 * number of answers that carried errors and the first of them.
 */
export interface LoadJob {
  url: string;
  requests: { query: string; variables: Record<string, string> }[];
  clients: number;
  name: string;
}

export interface LoadResult {
  timings: number[];
  errors: number;
  firstError: string | null;
}

async function run({ url, requests, clients }: LoadJob): Promise<LoadResult> {
  const result: LoadResult = { timings: [], errors: 0, firstError: null };
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const started = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
        const body = (await response.json()) as { errors?: unknown[] };
        result.timings.push(performance.now() - started);
        if (body.errors) {
          result.errors += 1;
          result.firstError ??= JSON.stringify(body.errors).slice(0, 300);
        }
      }
    }),
  );
  return result;
}

if (parentPort) {
  run(workerData as LoadJob).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => parentPort!.postMessage({ error: String(error) }),
  );
}
