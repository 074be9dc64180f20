import 'reflect-metadata';
import { GraphDatabase } from '../src/graph/graph-database';
import { findFreePort } from '../src/runtime/local-neo4j';
import { createSchema } from '../src/schema/build-schema';
import { createServer } from '../src/server/create-server';

/*
 * `npm run bench:outage`: how fast the service answers DATABASE_UNAVAILABLE while Neo4j is down.
 * The database is a port nothing listens on: the first request finds out the slow way (the
 * driver's connection retries), after which the circuit breaker answers at once. Prints the
 * first request's time, then p50, p95, max and throughput for 1 and for 8 clients; asserts
 * nothing (these machines are shared).
 */

const REQUESTS = 2_000;
const QUERY = '{ node(id: "role:ctpo") { id } }';

async function main(): Promise<void> {
  const database = GraphDatabase.connect({
    uri: `bolt://127.0.0.1:${await findFreePort()}`,
    user: 'neo4j',
    password: '',
    database: 'neo4j',
    queryTimeoutMs: 10_000,
  });
  const server = await createServer({ schema: await createSchema(), database, development: false, maxQueryComplexity: 200_000 });
  const url = await server.listen(0, '127.0.0.1');
  try {
    const [first] = await timed(url, 1);
    console.log(`First request (finds the database down): ${ms(first!)}`);
    await timed(url, 100);
    for (const clients of [1, 8]) await report(url, clients);
  } finally {
    await server.stop();
    await database.close();
  }
}

async function report(url: string, clients: number): Promise<void> {
  const started = Date.now();
  const timings = (await Promise.all(Array.from({ length: clients }, () => timed(url, REQUESTS / clients)))).flat();
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `While down, ${clients} client(s), ${REQUESTS} requests: p50 ${ms(quantile(timings, 0.5))}  p95 ${ms(quantile(timings, 0.95))}  ` +
      `max ${ms(Math.max(...timings))}  ${Math.round(REQUESTS / seconds)} req/s`,
  );
}

/** Sends `count` requests one after another; each must answer DATABASE_UNAVAILABLE. */
async function timed(url: string, count: number): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    timings.push(performance.now() - started);
    const code = body.errors?.[0]?.extensions?.code;
    if (code !== 'DATABASE_UNAVAILABLE') throw new Error(`Expected DATABASE_UNAVAILABLE, got ${JSON.stringify(body)}`);
  }
  return timings;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
