import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { GraphDatabase } from '../src/graph/graph-database';
import { createSchema } from '../src/schema/build-schema';
import { createServer, MAX_TOKENS } from '../src/server/create-server';
import { BOMBS } from './bombs';

/*
 * `npm run bench:cost`: how long the service takes to refuse each hostile document, up to the
 * 2 MB body limit, over HTTP (JSON parsing, GraphQL parsing, validation, shape limits, cost).
 * The bar is 50 ms each. No database is needed: every bomb must be refused before any query,
 * so the service is pointed at a port where nothing listens.
 */

const RUNS = 5;

async function main(): Promise<void> {
  const database = GraphDatabase.connect({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 1_000 });
  const server = await createServer({ schema: await createSchema(), database, development: false, maxQueryComplexity: 200_000 });
  const url = await server.listen(0, '127.0.0.1');
  console.log(`Token limit ${MAX_TOKENS}; each bomb sent once to warm up, then ${RUNS} times.`);
  console.log(`Load average at start: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (wall times stretch with it; CPU times less).`);
  let worst = 0;
  try {
    for (const bomb of BOMBS) {
      const body = JSON.stringify({ query: bomb.query, variables: bomb.variables ?? {} });
      let slowest = 0;
      let mostCpu = 0;
      let answer = '';
      for (let run = 0; run <= RUNS; run += 1) {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        const used = process.cpuUsage(cpu);
        if (run === 0) continue;
        slowest = Math.max(slowest, performance.now() - started);
        mostCpu = Math.max(mostCpu, (used.user + used.system) / 1000);
        answer = `${response.status} ${json.errors?.[0]?.extensions?.code ?? 'ok'}`;
      }
      worst = Math.max(worst, slowest);
      console.log(
        `${bomb.name.padEnd(44)} ${kb(body.length).padStart(9)}  ${answer.padEnd(26)} worst ${slowest.toFixed(1).padStart(6)} ms, CPU ${mostCpu.toFixed(1).padStart(6)} ms`,
      );
    }
    console.log(`Worst of all: ${worst.toFixed(1)} ms wall (bar: 50 ms).`);
  } finally {
    await server.stop();
    await database.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
