import 'reflect-metadata';
import seedrandom from 'seedrandom';
import { generateSyntheticGraph } from '../src/cli/synthetic-graph';
import { Direction } from '../src/domain/repositories';
import { NODE_KINDS } from '../src/domain/node-kind';
import { applySchema } from '../src/graph/apply-schema';
import { GraphDatabase } from '../src/graph/graph-database';
import { writeInBatches } from '../src/graph/graph-dump-repository';
import { startLocalNeo4j, type LocalNeo4j } from '../src/graph/local-neo4j';
import { projectPath } from '../src/graph/project-paths';
import { ThinkingRepository } from '../src/graph/thinking-repository';
import { NodeRepository } from '../src/graph/node-repository';
import { findConceptPaths } from '../src/analysis/concept-paths';
import { createSchema } from '../src/schema/build-schema';
import { createServer } from '../src/server/create-server';

/*
 * `npm run bench`: latency of the thinking queries over HTTP on the synthetic graph (10,000
 * essays), 8 concurrent clients, and the service's overhead over the same Cypher run straight
 * through the driver. Prints medians and p95s; asserts nothing (these machines are shared).
 * Uses BENCH_NEO4J_URI, or a local store of its own (.data/neo4j-bench), generated on first run.
 */

const ESSAYS = 10_000;
const CLIENTS = 8;
const REQUESTS = 240;
const WARMUP = 24;

type Case = { name: string; query: (random: () => number) => string };

async function main(): Promise<void> {
  let local: LocalNeo4j | null = null;
  const uri = process.env.BENCH_NEO4J_URI ?? (local = await startLocalNeo4j({ home: projectPath('.data', 'neo4j-bench') })).uri;
  const database = GraphDatabase.connect({ uri, user: 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '', database: 'neo4j', queryTimeoutMs: 30_000 });
  try {
    await applySchema(database);
    const graph = await ensureSyntheticGraph(database);
    const server = await createServer({ schema: await createSchema(), database, development: false, maxQueryComplexity: 1_000_000 });
    const url = await server.listen(0, '127.0.0.1');
    const essays = graph.essays.map((essay) => essay.id);
    const ideas = graph.ideas.filter((idea) => !idea.id.startsWith('role:')).map((idea) => idea.id);
    const pick = (random: () => number, ids: string[]) => ids[Math.floor(random() * ids.length)]!;
    const cases: Case[] = [
      { name: 'relatedThoughts (first 5)', query: (r) => `{ relatedThoughts(id: "${pick(r, essays)}", first: 5) { score node { id } reasons { kind weight } } }` },
      { name: 'conceptPath (k 3, maxHops 6)', query: (r) => `{ conceptPath(from: "${pick(r, ideas)}", to: "${pick(r, ideas)}", k: 3, maxHops: 6) { length reading } }` },
      { name: 'conceptMap (depth 2, limit 500)', query: (r) => `{ conceptMap(center: "${pick(r, essays)}", depth: 2, limit: 500) { truncated nodes { id x y cluster } edges { id } } }` },
    ];
    console.log(`Synthetic graph: ${graph.ideas.length + graph.essays.length} nodes, ${graph.edges.length} edges. ${CLIENTS} clients, ${REQUESTS} requests per query.`);
    for (const benchCase of cases) {
      await load(url, benchCase, WARMUP, CLIENTS);
      const timings = await load(url, benchCase, REQUESTS, CLIENTS);
      console.log(`${benchCase.name.padEnd(34)} p50 ${ms(quantile(timings, 0.5))}  p95 ${ms(quantile(timings, 0.95))}  max ${ms(Math.max(...timings))}`);
    }
    await overhead(url, database, essays, ideas);
    await server.stop();
  } finally {
    await database.close();
    await local?.stop();
  }
}

async function ensureSyntheticGraph(database: GraphDatabase) {
  const graph = generateSyntheticGraph({ essays: ESSAYS, seed: 42 });
  const [row] = await database.executor().read('RETURN COUNT { MATCH (e:Essay) WHERE e.id STARTS WITH "essay:synthetic-" } AS essays');
  if (Number(row?.essays) < ESSAYS) {
    console.log('Loading the synthetic graph (first run)...');
    await writeInBatches(database.executor(), [...graph.ideas, ...graph.essays], graph.edges, 5000);
  }
  return graph;
}

/** `total` requests spread over `clients` concurrent loops; latencies in ms. */
async function load(url: string, benchCase: Case, total: number, clients: number): Promise<number[]> {
  const random = seedrandom(benchCase.name);
  const queries = Array.from({ length: total }, () => benchCase.query(random));
  const timings: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < queries.length) {
        const query = queries[next++]!;
        const started = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`${benchCase.name}: ${JSON.stringify(body.errors)}`);
        timings.push(performance.now() - started);
      }
    }),
  );
  return timings;
}

/** One client: the HTTP request against the same Cypher through the driver, ratio of medians. */
async function overhead(url: string, database: GraphDatabase, essays: string[], ideas: string[]): Promise<void> {
  const random = seedrandom('overhead');
  const pairs = Array.from({ length: 100 }, () => [ideas[Math.floor(random() * ideas.length)]!, ideas[Math.floor(random() * ideas.length)]!] as const);
  const centers = Array.from({ length: 60 }, () => essays[Math.floor(random() * essays.length)]!);
  const thinking = new ThinkingRepository(database.executor());
  const measure = async (run: (index: number) => Promise<unknown>, count: number) => {
    const timings: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      await run(i);
      timings.push(performance.now() - started);
    }
    return quantile(timings, 0.5);
  };
  const http = (query: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => r.json());
  // The same Cypher the service runs (endpoints, then one or k length groups), without HTTP and GraphQL.
  const reader = new NodeRepository(database.executor());
  const direct = await measure(
    (i) => findConceptPaths(reader, thinking, { from: pairs[i]![0], to: pairs[i]![1], k: 3, maxHops: 6, types: [], direction: Direction.ANY, avoid: [] }),
    pairs.length,
  );
  const viaService = await measure((i) => http(`{ conceptPath(from: "${pairs[i]![0]}", to: "${pairs[i]![1]}", k: 3) { length reading } }`), pairs.length);
  console.log(`conceptPath overhead: driver p50 ${ms(direct)}, service p50 ${ms(viaService)}, ratio ${(viaService / direct).toFixed(2)}`);
  const directMap = await measure((i) => thinking.findSubgraph({ center: centers[i]!, depth: 2, kinds: NODE_KINDS, types: [], limit: 500 }), centers.length);
  const serviceMap = await measure((i) => http(`{ conceptMap(center: "${centers[i]!}", depth: 2, limit: 500) { nodes { id x y } edges { id } } }`), centers.length);
  console.log(`conceptMap overhead:  driver p50 ${ms(directMap)}, service p50 ${ms(serviceMap)}, ratio ${(serviceMap / directMap).toFixed(2)} (the gap is mostly layout, which is not Cypher)`);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
