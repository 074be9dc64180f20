import '../src/server/production-default';
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import seedrandom from 'seedrandom';
import { generateSyntheticGraph } from '../src/cli/synthetic-graph';
import { parseNodeId } from '../src/domain/node-id';
import { Direction } from '../src/domain/repositories';
import { NODE_KINDS, NodeKind } from '../src/domain/node-kind';
import { applySchema } from '../src/runtime/apply-schema';
import { GraphDatabase } from '../src/graph/graph-database';
import { writeInBatches } from '../src/graph/graph-dump-repository';
import { startLocalNeo4j, type LocalNeo4j } from '../src/runtime/local-neo4j';
import { projectPath } from '../src/runtime/project-paths';
import { ThinkingRepository } from '../src/graph/thinking-repository';
import { NodeRepository } from '../src/graph/node-repository';
import { findConceptPaths } from '../src/analysis/concept-paths';
import { createSchema } from '../src/schema/build-schema';
import { createServer } from '../src/server/create-server';
import { ProjectionManager } from '../src/projection/projection-manager';
import { MeaningRepository } from '../src/graph/meaning-repository';
import { WriteRepository } from '../src/graph/write-repository';
import { embedGraph } from '../src/meaning/embed-graph';
import { loadMeaning, type Meaning } from '../src/meaning/sentence-model';
import type { TextEmbedder } from '../src/domain/meaning';
import type { LoadJob, LoadResult } from './load-worker';

/*
 * `npm run bench [-- --essays 100000] [--requests 600] [--warmup 200] [--skip-cypher] [--only <query>] [--load-only] [--visibility-only] [--no-meaning]`: the thinking queries over HTTP on the synthetic graph
 * (10,000 essays by default), 8 concurrent clients, answered from the in-memory projection and
 * from the Cypher fallback side by side (two servers on the same Neo4j and data, runs
 * interleaved); the projection's build time, size and layout time; how long a write through one
 * instance takes to be served by another's projection; and the service's overhead over the same
 * Cypher run straight through the driver; with the sentence model (unless --no-meaning): the time
 * to embed a paragraph and a title, the graph's vectors (written on first run) and what they take,
 * and similarTo beside the thinking queries. The clients run on a thread of their own, and Node runs
 * in production mode, as `npm start` does. Prints medians, p95s and ratios; asserts nothing
 * (these machines are shared). Uses BENCH_NEO4J_URI, or a local store of its own per size
 * (.data/neo4j-bench-<essays>), generated on first run.
 */

const ESSAYS = numberFlag('essays', 10_000);
const CLIENTS = 8;
const REQUESTS = numberFlag('requests', 600);
/** On 100k essays most Cypher answers time out: measure the projection alone. */
const SKIP_CYPHER = process.argv.includes('--skip-cypher');
/** `--only <names>`: just the queries whose name starts with one of these, comma-separated (floor, relatedThoughts, conceptPath, conceptMap, similarTo). */
const ONLY = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1]?.split(',') ?? null) : null;
/** Enough for the code to be compiled: with 24, CPU per request was about twice what it settles at. */
const WARMUP = numberFlag('warmup', 200);
/** How long the bench waits for the whole-graph layout before measuring without it. */
const LAYOUT_WAIT_MS = 300_000;

/** One operation, sent with variables as a frontend sends it (so the service parses and validates it once). */
type Case = { name: string; document: string; variables: (random: () => number) => Record<string, string> };

async function main(): Promise<void> {
  let local: LocalNeo4j | null = null;
  const home = projectPath('.data', ESSAYS === 10_000 ? 'neo4j-bench' : `neo4j-bench-${ESSAYS}`);
  const uri = process.env.BENCH_NEO4J_URI ?? (local = await startLocalNeo4j({ home })).uri;
  const settings = { uri, user: 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '', database: 'neo4j', queryTimeoutMs: 60_000 };
  const database = GraphDatabase.connect(settings);
  const second = GraphDatabase.connect(settings);
  const projection = new ProjectionManager(database.topology(600_000), { pollMs: 500, maxEdges: 50_000_000, layout: true }, (line) =>
    console.log(`  [projection] ${line}`),
  );
  try {
    await applySchema(database);
    const graph = await ensureSyntheticGraph(database);
    const meaning: Meaning = process.argv.includes('--no-meaning')
      ? { embedder: null, status: { state: 'off', reason: '--no-meaning' } }
      : await loadMeaning({ enabled: true }, (line) => console.log(line));
    if (meaning.embedder) await measureMeaning(database, meaning.embedder);
    if (process.argv.includes('--load-only')) return;
    if (process.argv.includes('--visibility-only')) return await writeVisibility(database, second, graph.essays[0]!.id);
    const heapBefore = heapMb();
    const buildStarted = Date.now();
    database.onWrite((version) => projection.noteVersion(version));
    projection.start();
    await projection.whenReady(false);
    const status = projection.status();
    const heapGrowth = heapMb() - heapBefore;
    const layoutReady = await Promise.race([projection.whenReady().then(() => true), sleep(LAYOUT_WAIT_MS).then(() => false)]);
    console.log(
      `Projection: ${status.nodes} nodes, ${status.edges} edges; read and built in ${status.lastBuildMs} ms; ` +
        `about ${(status.approximateBytes / 2 ** 20).toFixed(1)} MB (heap grew ${heapGrowth.toFixed(0)} MB); ` +
        (layoutReady
          ? `whole-graph layout ready ${Date.now() - buildStarted} ms after the start.`
          : `whole-graph layout not ready after ${LAYOUT_WAIT_MS / 1000} s more: maps are laid out per request.`),
    );
    const schema = await createSchema();
    const servers = {
      projection: await createServer({ schema, database, development: false, maxQueryComplexity: 1_000_000, projection, meaning }),
      cypher: await createServer({ schema, database, development: false, maxQueryComplexity: 1_000_000, meaning }),
    };
    const urls = { projection: await servers.projection.listen(0, '127.0.0.1'), cypher: await servers.cypher.listen(0, '127.0.0.1') };
    const essays = graph.essays.map((essay) => essay.id);
    const ideas = graph.ideas.filter((idea) => !idea.id.startsWith('role:')).map((idea) => idea.id);
    const pick = (random: () => number, ids: string[]) => ids[Math.floor(random() * ids.length)]!;
    const cases: Case[] = [
      {
        // What any request costs here (HTTP, Apollo, the clients' side): the floor under every figure below.
        name: 'floor ({ __typename })',
        document: 'query Floor { __typename }',
        variables: () => ({}),
      },
      {
        name: 'relatedThoughts (first 5)',
        document: 'query Related($id: ID!) { relatedThoughts(id: $id, first: 5) { score node { id } reasons { kind weight } } }',
        variables: (r) => ({ id: pick(r, essays) }),
      },
      {
        name: 'conceptPath (k 3, maxHops 6)',
        document: 'query Path($from: ID!, $to: ID!) { conceptPath(from: $from, to: $to, k: 3, maxHops: 6) { length reading } }',
        variables: (r) => ({ from: pick(r, ideas), to: pick(r, ideas) }),
      },
      {
        name: 'conceptMap (depth 2, limit 500)',
        document: 'query Map($center: ID!) { conceptMap(center: $center, depth: 2, limit: 500) { truncated nodes { id x y cluster } edges { id } } }',
        variables: (r) => ({ center: pick(r, essays) }),
      },
      ...(meaning.embedder
        ? [
            {
              // A paragraph of 12 to 36 words made of an essay's summary words: the model runs on it per request.
              name: 'similarTo (first 5)',
              document: 'query Similar($text: String!) { similarTo(text: $text, first: 5) { score signal node { id } } }',
              variables: (r: () => number) => ({
                text: [0, 1, 2]
                  .slice(0, 1 + Math.floor(r() * 3))
                  .map(() => summaryOf(pick(r, essays)))
                  .join(' '),
              }),
            },
          ]
        : []),
    ];
    const summaries = new Map(graph.essays.map((essay) => [essay.id, String(essay.properties.summary)]));
    const summaryOf = (id: string) => summaries.get(id)!;
    console.log(
      `Synthetic graph: ${graph.ideas.length + graph.essays.length} nodes, ${graph.edges.length} edges. ` +
        `${CLIENTS} clients, ${REQUESTS} requests per query and path (random picks; the rare repeat may hit the answer cache).`,
    );
    for (const benchCase of cases.filter((entry) => ONLY === null || ONLY.some((name) => entry.name.startsWith(name)))) {
      const figures: Record<string, number[]> = {};
      const spent: Record<string, string> = {};
      for (const mode of SKIP_CYPHER ? (['projection'] as const) : (['projection', 'cypher'] as const)) {
        await load(urls[mode], benchCase, WARMUP, CLIENTS, `${benchCase.name} warm-up`);
        const meter = cpuMeter(local?.pid);
        figures[mode] = await load(urls[mode], benchCase, REQUESTS, CLIENTS);
        spent[mode] = meter.perRequest(REQUESTS);
      }
      const [p, c] = [figures.projection!, figures.cypher ?? [NaN]];
      console.log(
        `${benchCase.name.padEnd(32)} projection p50 ${ms(quantile(p, 0.5))} p95 ${ms(quantile(p, 0.95))} | ` +
          `cypher p50 ${ms(quantile(c, 0.5))} p95 ${ms(quantile(c, 0.95))} | p95 ratio ${(quantile(c, 0.95) / quantile(p, 0.95)).toFixed(1)}x`,
      );
      for (const [mode, line] of Object.entries(spent)) console.log(`  ${mode}, CPU per request: ${line}`);
    }
    if (ONLY === null) {
      await writeVisibility(database, second, graph.essays[0]!.id);
      if (!SKIP_CYPHER) await overhead(urls.cypher, database, essays, ideas);
    }
    await servers.projection.stop();
    await servers.cypher.stop();
  } finally {
    projection.stop();
    await second.close();
    await database.close();
    await local?.stop();
  }
}

/**
 * A write through one instance (its own driver) until another instance, polling every 500 ms,
 * serves it: first from Cypher (as soon as its poll sees the new version), then from its
 * projection. The same change made two ways, six of each, medians: by an editor's upsert (which
 * names the node it touched, so the reader catches up from the change log), and unlogged, as the
 * bulk loaders write (the reader reads the graph whole).
 */
async function writeVisibility(writerDb: GraphDatabase, readerDb: GraphDatabase, essay: string): Promise<void> {
  const catchUps: { readMs: number; appliedMs: number }[] = [];
  const reader = new ProjectionManager(readerDb.topology(600_000), { pollMs: 500, maxEdges: 50_000_000, layout: false }, (_line, fields) => {
    if (fields && 'appliedMs' in fields) catchUps.push(fields as { readMs: number; appliedMs: number });
  });
  reader.start();
  await reader.whenReady();
  const editor = new WriteRepository(writerDb.executor());
  // An essay of the graph, touched: an upsert of a new slug would create an essay without a title.
  const slug = parseNodeId(essay)!.slug;
  const writes = {
    "an editor's upsert (caught up from the change log)": () => editor.upsertNode(NodeKind.ESSAY, slug, { benchTouched: Date.now() }),
    'an unlogged write (read whole)': () =>
      writerDb.executor().writeTransaction((run) => run('MATCH (e:Essay {id: $id}) SET e.benchTouched = $at', { id: essay, at: Date.now() })),
  };
  for (const [name, write] of Object.entries(writes)) {
    const seen: number[] = [];
    const projected: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const started = performance.now();
      await write();
      const version = await writerDb.readVersion();
      while (reader.status().latestVersion !== version) await sleep(5);
      seen.push(performance.now() - started);
      while (reader.serving()?.graph.version !== version) await sleep(5);
      projected.push(performance.now() - started);
    }
    console.log(
      `Write on one instance, seen by another, ${name}: the new version is served (from Cypher) after p50 ${ms(quantile(seen, 0.5))}, ` +
        `from the projection after p50 ${ms(quantile(projected, 0.5))}.`,
    );
  }
  reader.stop();
  console.log(
    `A catch-up from the change log: reading the changes p50 ${ms(
      quantile(
        catchUps.map((c) => c.readMs),
        0.5,
      ),
    )}, ` +
      `applying them p50 ${ms(
        quantile(
          catchUps.map((c) => c.appliedMs),
          0.5,
        ),
      )} (${catchUps.length} catch-ups).`,
  );
}

/**
 * The CPU a load run costs per request, split between this process (the service, and the
 * clients on their thread) and the Neo4j JVM (read from /proc; Linux clock ticks of 10 ms), and
 * the wall time per request: on 2 cores, 2 × wall is the machine's whole capacity.
 */
function cpuMeter(jvmPid: number | undefined): { perRequest(requests: number): string } {
  const jvmTicks = (): number => {
    if (jvmPid === undefined) return NaN;
    const fields = readFileSync(`/proc/${jvmPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const [node, jvm, wall] = [process.cpuUsage(), jvmTicks(), performance.now()];
  return {
    perRequest(requests) {
      const used = process.cpuUsage(node);
      const nodeMs = (used.user + used.system) / 1000 / requests;
      const jvmMs = ((jvmTicks() - jvm) * 10) / requests;
      return `Node ${nodeMs.toFixed(1)} ms, Neo4j ${jvmMs.toFixed(1)} ms; wall ${((performance.now() - wall) / requests).toFixed(1)} ms`;
    },
  };
}

function numberFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? fallback : Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 200_000) throw new Error(`--${name} must be a whole number from 1 to 200000.`);
  return value;
}

/**
 * The model's own time (one thread, as the service runs it) on a paragraph of 160 words and on a
 * title, medians of 40; then the vectors the graph holds, written on first run with progress, and
 * the bytes they take as stored (float32; the vector indexes add their graph on top).
 */
async function measureMeaning(database: GraphDatabase, embedder: TextEmbedder): Promise<void> {
  const paragraph = Array.from({ length: 160 }, (_, i) => ['teams', 'decide', 'within', 'clear', 'limits', 'and', 'grow', 'through', 'systems'][i % 9]).join(
    ' ',
  );
  const time = async (text: string) => {
    const timings: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const started = performance.now();
      await embedder.embed([text]);
      timings.push(performance.now() - started);
    }
    return quantile(timings, 0.5);
  };
  console.log(
    `Embedding (one thread): a 160-word paragraph p50 ${ms(await time(paragraph))}, a title p50 ${ms(await time('Culture Emerges from Structure'))}.`,
  );
  // First run only: embedGraph says how many texts it embeds, and embeds none when all have vectors.
  await embedGraph(database.executor(), embedder, (line) => console.log(line));
  const [row] = await database.executor().read('MATCH (n) WHERE n.embedding IS NOT NULL RETURN count(n) AS vectors');
  const vectors = Number(row?.vectors ?? 0);
  console.log(`Vectors: ${vectors}, ${((vectors * embedder.dimensions * 4) / 2 ** 20).toFixed(1)} MB as float32 (${embedder.dimensions} dimensions).`);
  await compareVectorSearch(database, embedder);
}

/**
 * Where nearest vectors are best found: Neo4j's vector index (one round trip, what the service
 * does) against an exact scan of every essay's vector held in this process (what a projection
 * of the vectors would do). The 25 nearest essays of 40 essays' vectors, one at a time; medians.
 */
async function compareVectorSearch(database: GraphDatabase, embedder: TextEmbedder): Promise<void> {
  const started = performance.now();
  const rows = await database.executor().read('MATCH (e:Essay) WHERE e.embedding IS NOT NULL RETURN e.id AS id, e.embedding AS vector ORDER BY id');
  const ids = rows.map((row) => String(row.id));
  const matrix = new Float32Array(ids.length * embedder.dimensions);
  rows.forEach((row, index) => matrix.set(row.vector as number[], index * embedder.dimensions));
  const readMs = performance.now() - started;
  const random = seedrandom('vectors');
  const queries = Array.from({ length: 40 }, () => Math.floor(random() * ids.length));
  const repository = new MeaningRepository(database.executor());
  const inIndex: number[] = [];
  const inMemory: number[] = [];
  let same = 0;
  for (const row of queries) {
    const vector = matrix.subarray(row * embedder.dimensions, (row + 1) * embedder.dimensions);
    let at = performance.now();
    const fromIndex = await repository.findNearest(vector, embedder.model, [NodeKind.ESSAY], 25);
    inIndex.push(performance.now() - at);
    at = performance.now();
    const scores = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      let dot = 0;
      for (let d = 0, base = i * embedder.dimensions; d < embedder.dimensions; d++) dot += matrix[base + d]! * vector[d]!;
      scores[i] = dot;
    }
    const exact = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, 25);
    inMemory.push(performance.now() - at);
    const exactIds = new Set(exact.map((i) => ids[i]!));
    same += fromIndex.filter((match) => exactIds.has(match.id)).length / 25;
  }
  console.log(
    `Nearest 25 essays: Neo4j vector index p50 ${ms(quantile(inIndex, 0.5))} (a round trip; recall ${((same / queries.length) * 100).toFixed(1)}% of the exact 25), ` +
      `exact scan in memory p50 ${ms(quantile(inMemory, 0.5))} over ${ids.length} vectors (read once in ${(readMs / 1000).toFixed(1)} s, ` +
      `${(matrix.byteLength / 2 ** 20) | 0} MB).`,
  );
}

const heapMb = (): number => process.memoryUsage().heapUsed / 2 ** 20;
const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait).unref());

async function ensureSyntheticGraph(database: GraphDatabase) {
  const graph = generateSyntheticGraph({ essays: ESSAYS, seed: 42 });
  const [row] = await database.executor().read('RETURN COUNT { MATCH (e:Essay) WHERE e.id STARTS WITH "essay:synthetic-" } AS essays');
  if (Number(row?.essays) < ESSAYS) {
    console.log('Loading the synthetic graph (first run)...');
    let reported = 0;
    await writeInBatches(database.executor(), [...graph.ideas, ...graph.essays], graph.edges, 5000, (progress) => {
      if (progress.nodes + progress.edges - reported < 100_000) return;
      reported = progress.nodes + progress.edges;
      console.log(`  ${progress.nodes} nodes, ${progress.edges} edges written`);
    });
  }
  return graph;
}

/**
 * `total` requests spread over `clients` concurrent loops on a thread of their own (see
 * load-worker.ts); latencies in ms.
 */
/** `seed`: warm-ups draw other ids than the measured run, so no measured request finds its answer cached by one. */
async function load(url: string, benchCase: Case, total: number, clients: number, seed = benchCase.name): Promise<number[]> {
  const random = seedrandom(seed);
  const requests = Array.from({ length: total }, () => ({ query: benchCase.document, variables: benchCase.variables(random) }));
  const job: LoadJob = { url, requests, clients, name: benchCase.name };
  const result = await new Promise<LoadResult>((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'load-worker.js'), { workerData: job });
    worker.once('message', (message: { result?: LoadResult; error?: string }) => {
      void worker.terminate();
      if (message.result) resolve(message.result);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
  });
  if (result.errors > 0) console.log(`  ${benchCase.name} at ${url}: ${result.errors} of ${total} answers had errors, first: ${result.firstError}`);
  return result.timings;
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
  const http = (query: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => r.json());
  // The same Cypher the service runs (endpoints, then one or k length groups), without HTTP and GraphQL.
  const reader = new NodeRepository(database.executor());
  const direct = await measure(
    (i) => findConceptPaths(reader, thinking, { from: pairs[i]![0], to: pairs[i]![1], k: 3, maxHops: 6, types: [], direction: Direction.ANY, avoid: [] }),
    pairs.length,
  );
  const viaService = await measure((i) => http(`{ conceptPath(from: "${pairs[i]![0]}", to: "${pairs[i]![1]}", k: 3) { length reading } }`), pairs.length);
  console.log(`conceptPath overhead: driver p50 ${ms(direct)}, service p50 ${ms(viaService)}, ratio ${(viaService / direct).toFixed(2)}`);
  const directMap = await measure((i) => thinking.findSubgraph({ center: centers[i]!, depth: 2, kinds: NODE_KINDS, types: [], limit: 500 }), centers.length);
  const serviceMap = await measure(
    (i) => http(`{ conceptMap(center: "${centers[i]!}", depth: 2, limit: 500) { nodes { id x y } edges { id } } }`),
    centers.length,
  );
  console.log(
    `conceptMap overhead:  driver p50 ${ms(directMap)}, service p50 ${ms(serviceMap)}, ratio ${(serviceMap / directMap).toFixed(2)} (the gap is mostly layout, which is not Cypher)`,
  );
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
