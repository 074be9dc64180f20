import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import neo4j from 'neo4j-driver';
import seedrandom from 'seedrandom';
import { findFreePort, startLocalNeo4j, type LocalNeo4j } from '../src/runtime/local-neo4j';
import { projectPath } from '../src/runtime/project-paths';
import { encodeCursor } from '../src/schema/list.args';

/*
 * `npm run bench:peer`: the plain reads a frontend sends, served by Thoughtgraph and by
 * `@neo4j/graphql` (7.x, from devDependencies) from the same Neo4j and data, side by side.
 * Each server runs in a process of its own; the load comes from this one, 8 connections,
 * loopback only. Rounds interleave the two servers (and swap who goes first), so drift on a
 * shared machine hits both alike. Prints req/s and p95 per round and the medians with ratios;
 * asserts nothing, except that both servers give the same answers before it measures.
 *
 * Data: the store `npm start` uses (.data/neo4j), or NEO4J_URI, holding the synthetic graph of
 * `npm run generate -- --essays 10000 --seed 42`. Knobs: BENCH_SECONDS (per measurement, 8),
 * BENCH_ROUNDS (3).
 */

const CONNECTIONS = 8;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 3;
const ID_SORT = 'sort: [{ id: ASC }]';

type Target = 'thoughtgraph' | '@neo4j/graphql';
const TARGETS: readonly Target[] = ['thoughtgraph', '@neo4j/graphql'];

/** One read, written for each server, and how to bring both answers to one shape. */
interface ReadCase {
  readonly name: string;
  query(target: Target, slug: string): string;
  answer(target: Target, data: Record<string, unknown>): unknown;
}

const single = (target: Target, data: Record<string, unknown>, field: string) => (target === 'thoughtgraph' ? data[field] : (data.essays as unknown[])[0]);

const CASES: readonly ReadCase[] = [
  {
    name: 'nested list: 20 essays → principles → 5 essays',
    query: (target, slug) =>
      target === 'thoughtgraph'
        ? `{ essays(first: 20, after: "${encodeCursor(slug)}") { nodes { id title principles { id name essays(first: 5) { id title } } } } }`
        : `{ essays(where: { slug: { gt: "${slug}" } }, limit: 20, sort: [{ slug: ASC }]) { id title principles(${ID_SORT}) { id name essays(limit: 5, ${ID_SORT}) { id title } } } }`,
    answer: (target, data) => (target === 'thoughtgraph' ? (data.essays as { nodes: unknown }).nodes : data.essays),
  },
  {
    name: 'one essay with its edges',
    query: (target, slug) => {
      const edges = (sort: string) => `principles${sort} { id name } concepts${sort} { id name } roles${sort} { id name }`;
      return target === 'thoughtgraph'
        ? `{ essay(slug: "${slug}") { id title summary publishedAt ${edges('')} } }`
        : `{ essays(where: { id: { eq: "essay:${slug}" } }) { id title summary publishedAt ${edges(`(${ID_SORT})`)} } }`;
    },
    answer: (target, data) => single(target, data, 'essay'),
  },
  {
    name: 'one essay → its neighbours → 10 essays each',
    query: (target, slug) => {
      const essays = target === 'thoughtgraph' ? 'essays(first: 10)' : `essays(limit: 10, ${ID_SORT})`;
      const sort = target === 'thoughtgraph' ? '' : `(${ID_SORT})`;
      const fields = ['principles', 'concepts', 'roles'].map((field) => `${field}${sort} { id name ${essays} { id title } }`).join(' ');
      return target === 'thoughtgraph'
        ? `{ essay(slug: "${slug}") { id title ${fields} } }`
        : `{ essays(where: { id: { eq: "essay:${slug}" } }) { id title ${fields} } }`;
    },
    answer: (target, data) => single(target, data, 'essay'),
  },
];

interface Figures {
  readonly requestsPerSecond: number;
  readonly p95: number;
}

async function main(): Promise<void> {
  let local: LocalNeo4j | null = null;
  const uri = process.env.NEO4J_URI ?? (local = await startLocalNeo4j({ home: process.env.NEO4J_HOME ?? projectPath('.data', 'neo4j') })).uri;
  const servers: ChildProcess[] = [];
  try {
    const slugs = await syntheticEssaySlugs(uri);
    const urls: Record<Target, string> = {
      thoughtgraph: await startServer(servers, 'dist/src/server/main.js', uri),
      '@neo4j/graphql': await startServer(servers, 'dist/bench/peer-server.js', uri),
    };
    console.log(`${slugs.length} synthetic essays; ${CONNECTIONS} connections; ${ROUNDS} rounds of ${SECONDS} s per server and read.`);
    for (const readCase of CASES) await requireSameAnswers(readCase, urls, slugs);
    const results = new Map<string, Figures[]>();
    for (const readCase of CASES) {
      for (const target of TARGETS) await measure(urls[target], readCase, target, slugs, WARMUP_SECONDS);
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const readCase of CASES) {
        const order = round % 2 === 0 ? TARGETS : [...TARGETS].reverse();
        for (const target of order) {
          const figures = await measure(urls[target], readCase, target, slugs, SECONDS);
          const key = `${readCase.name}|${target}`;
          results.set(key, [...(results.get(key) ?? []), figures]);
          console.log(`  round ${round + 1}  ${readCase.name.padEnd(46)} ${target.padEnd(15)} ${format(figures)}`);
        }
      }
    }
    report(results);
  } finally {
    for (const server of servers) server.kill('SIGTERM');
    await local?.stop();
  }
}

async function syntheticEssaySlugs(uri: string): Promise<string[]> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? ''));
  try {
    const { records } = await driver.executeQuery(
      `MATCH (e:Essay)
       WHERE e.slug STARTS WITH 'synthetic-'
       RETURN e.slug AS slug
       ORDER BY slug`,
    );
    const slugs = records.map((record) => record.get('slug') as string);
    if (slugs.length < 1000) {
      throw new Error(`Found ${slugs.length} synthetic essays; run \`npm run generate -- --essays 10000 --seed 42\` first.`);
    }
    return slugs;
  } finally {
    await driver.close();
  }
}

/** Starts `script` in its own process on a free loopback port; resolves once it answers. */
async function startServer(servers: ChildProcess[], script: string, uri: string): Promise<string> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [projectPath(script)], {
    env: { ...process.env, NEO4J_URI: uri, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  servers.push(child);
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ok = await post(url, '{ __typename }').then(
      () => true,
      () => false,
    );
    if (ok) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${script} did not answer within a minute`);
}

async function post(url: string, query: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A comparison is only fair when both servers answer the same; 20 samples per read. */
async function requireSameAnswers(readCase: ReadCase, urls: Record<Target, string>, slugs: string[]): Promise<void> {
  const random = seedrandom(`same-${readCase.name}`);
  for (let sample = 0; sample < 20; sample += 1) {
    const slug = slugs[Math.floor(random() * (slugs.length - 20))]!;
    const [ours, peer] = await Promise.all(TARGETS.map(async (target) => readCase.answer(target, await post(urls[target], readCase.query(target, slug)))));
    if (!isDeepStrictEqual(ours, peer)) {
      throw new Error(`${readCase.name}: the answers differ for ${slug}:\n${JSON.stringify(ours)}\n${JSON.stringify(peer)}`);
    }
  }
  console.log(`Same answers from both servers: ${readCase.name} (20 samples).`);
}

/** Closed-loop load for `seconds`; every request reads another essay (seeded, so repeatable). */
async function measure(url: string, readCase: ReadCase, target: Target, slugs: string[], seconds: number): Promise<Figures> {
  const random = seedrandom(`${readCase.name}|${target}`);
  const latencies: number[] = [];
  let failures = 0;
  let finish: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  const options: autocannon.Options = {
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const slug = slugs[Math.floor(random() * (slugs.length - 20))]!;
          return { ...request, body: JSON.stringify({ query: readCase.query(target, slug) }) };
        },
      },
    ],
    setupClient: (client) => {
      client.on('body', (body) => {
        if (body.includes('"errors"')) failures += 1;
      });
    },
  };
  const instance = autocannon(options, (error: Error | null, result) => finish(error, result));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode !== 200) failures += 1;
    latencies.push(responseTime);
  });
  const result = await done;
  if (failures > 0 || result.errors > 0) throw new Error(`${target}, ${readCase.name}: ${failures + result.errors} failed requests`);
  return { requestsPerSecond: result.requests.total / seconds, p95: quantile(latencies, 0.95) };
}

function report(results: Map<string, Figures[]>): void {
  console.log(`\nMedians of ${ROUNDS} interleaved rounds (ratio: Thoughtgraph over @neo4j/graphql; req/s higher is better, p95 lower):`);
  console.log(`| read | Thoughtgraph req/s | p95 | @neo4j/graphql req/s | p95 | req/s ratio |`);
  console.log(`| --- | --- | --- | --- | --- | --- |`);
  for (const readCase of CASES) {
    const [ours, peer] = TARGETS.map((target) => results.get(`${readCase.name}|${target}`)!);
    const rps = (figures: Figures[]) => median(figures.map((f) => f.requestsPerSecond));
    const p95 = (figures: Figures[]) => median(figures.map((f) => f.p95));
    console.log(
      `| ${readCase.name} | ${rps(ours!).toFixed(0)} | ${p95(ours!).toFixed(1)} ms | ${rps(peer!).toFixed(0)} | ${p95(peer!).toFixed(1)} ms | ${(rps(ours!) / rps(peer!)).toFixed(2)}× |`,
    );
  }
}

function format(figures: Figures): string {
  return `${figures.requestsPerSecond.toFixed(0).padStart(6)} req/s  p95 ${figures.p95.toFixed(1).padStart(7)} ms`;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
