import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import seedrandom from 'seedrandom';
import { findFreePort } from '../src/runtime/local-neo4j';
import { projectPath } from '../src/runtime/project-paths';

/*
 * `npm run bench:load -- [--seconds 60] [--url http://host:port/graphql] [--heavy 4] [--warmup 20]`:
 * after a warm-up of the same mix (not counted), mixed cheap reads at 8, then 32 clients, while `--heavy` loops send expensive aliased operations in
 * parallel. Prints, per phase, the cheap reads' errors, p50 and p99, what became of the
 * expensive ones (answered, or refused with which code), and the service's largest RSS.
 * Without --url it starts the built service (`dist/src/server/main.js`) on the store it
 * would use for `npm start` (NEO4J_HOME or .data/neo4j), on whatever graph that holds:
 * `npm run generate -- --essays 10000` makes the 10k graph. Asserts nothing.
 */

const PHASES = [8, 32];

interface Outcome {
  readonly ms: number;
  /** `ok`, or the first error code, or the HTTP status. */
  readonly result: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      url: { type: 'string' },
      heavy: { type: 'string', default: '4' },
      warmup: { type: 'string', default: '20' },
    },
  });
  const seconds = Number(values.seconds);
  const service = values.url ? null : await startService();
  const url = values.url ?? service!.url;
  try {
    await untilSteady(url);
    const ids = await sampleIds(url);
    console.log(`Graph sample: ${ids.essays.length} essays, ${ids.ideas.length} principles and concepts. ${seconds} s per phase, ${values.heavy} heavy loops.`);
    // The same mix, unmeasured: Neo4j's JIT compiles for its first minute, and Node's too.
    const warmup = await runPhase(url, ids, PHASES[0]!, Number(values.heavy), Number(values.warmup) * 1000);
    console.log(`Warm-up: ${values.warmup} s, ${warmup[0].length + warmup[1].length} requests, not counted.`);
    for (const clients of PHASES) {
      const rss = service ? sampleRss(service.child.pid!) : null;
      const [cheap, heavy] = await runPhase(url, ids, clients, Number(values.heavy), seconds * 1000);
      report(clients, cheap, heavy, rss?.stop() ?? null);
    }
  } finally {
    service?.child.kill('SIGTERM');
  }
}

async function runPhase(url: string, ids: Ids, clients: number, heavyLoops: number, durationMs: number): Promise<[Outcome[], Outcome[]]> {
  const until = Date.now() + durationMs;
  const random = seedrandom(`load-${clients}`);
  const cheap: Outcome[] = [];
  const heavy: Outcome[] = [];
  const loop = async (make: () => Request, into: Outcome[]) => {
    while (Date.now() < until) into.push(await timed(url, make()));
  };
  await Promise.all([
    ...Array.from({ length: clients }, () => loop(() => cheapQuery(random, ids), cheap)),
    ...Array.from({ length: heavyLoops }, () => loop(() => heavyQuery(random, ids), heavy)),
  ]);
  return [cheap, heavy];
}

type Ids = { essays: string[]; ideas: string[] };
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** The reads a frontend sends on every click, as frontends send them: a fixed document, the ids in variables. */
function cheapQuery(random: () => number, ids: Ids): Request {
  return pick<Request>(random, [
    { query: 'query Node($id: ID!) { node(id: $id) { id label degree } }', variables: { id: pick(random, ids.essays) } },
    { query: 'query Edges($id: ID!) { node(id: $id) { label edges(first: 5) { type node { id label } } } }', variables: { id: pick(random, ids.ideas) } },
    { query: '{ essays(first: 10) { totalCount nodes { id title } } }' },
    { query: '{ role(slug: "engineer") { name growsInto { name } } }' },
    { query: 'query Search($text: String!) { search(query: $text, first: 5) { score node { id } } }', variables: { text: pick(random, SEARCHES) } },
  ]);
}

const SEARCHES = ['culture', 'structure', 'leadership', 'hiring', 'ownership', 'strategy'];

/** Near the cost limit: aliased maps and paths, the shape of issue 8's starving bursts. */
function heavyQuery(random: () => number, ids: Ids): Request {
  const maps = Array.from(
    { length: 2 },
    (_, i) => `m${i}: conceptMap(center: "${pick(random, ids.essays)}", depth: 2, limit: 1000) { nodes { id x y } edges { id } }`,
  );
  const paths = Array.from(
    { length: 3 },
    (_, i) => `p${i}: conceptPath(from: "${pick(random, ids.ideas)}", to: "${pick(random, ids.ideas)}", k: 5, maxHops: 6) { reading }`,
  );
  return { query: `{ ${[...maps, ...paths].join(' ')} }` };
}

type Request = { query: string; variables?: Record<string, string> };

async function timed(url: string, request: Request): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    // A heavy answer is half a megabyte: parsed only when it holds errors, so this process's
    // event loop (which times the cheap reads) is not held parsing maps it does not read.
    const text = await response.text();
    const body = (text.includes('"errors":') ? JSON.parse(text) : {}) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    return { ms: performance.now() - started, result: code ?? (response.ok ? 'ok' : `HTTP ${response.status}`) };
  } catch (error) {
    return { ms: performance.now() - started, result: `network: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function sampleIds(url: string): Promise<Ids> {
  const query = '{ essays(first: 100) { nodes { id } } principles(first: 50) { nodes { id } } concepts(first: 50) { nodes { id } } }';
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const { data } = (await response.json()) as { data: Record<string, { nodes: { id: string }[] }> };
  const ids = (name: string) => data[name]!.nodes.map((node) => node.id);
  return { essays: ids('essays'), ideas: [...ids('principles'), ...ids('concepts')] };
}

function report(clients: number, cheap: Outcome[], heavy: Outcome[], rssMb: number | null): void {
  const times = cheap.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  const errors = cheap.filter((outcome) => outcome.result !== 'ok');
  console.log(
    `${String(clients).padStart(2)} clients: cheap reads ${cheap.length}, errors ${errors.length}${summarize(errors)}, ` +
      `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms; heavy ${heavy.length}${summarize(heavy)}; ` +
      `RSS max ${rssMb === null ? 'n/a (--url)' : `${rssMb} MB`}`,
  );
}

function summarize(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) counts.set(outcome.result, (counts.get(outcome.result) ?? 0) + 1);
  return counts.size === 0 ? '' : ` (${[...counts].map(([result, count]) => `${result} ${count}`).join(', ')})`;
}

/** Samples the process's resident set every 250 ms; `stop` gives the largest, in MB. */
function sampleRss(pid: number): { stop(): number } {
  let max = 0;
  const read = () => {
    try {
      max = Math.max(max, Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024);
    } catch {
      // The process may be between samples of ps; the next sample counts.
    }
  };
  read();
  const timer = setInterval(read, 250);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(max);
    },
  };
}

/**
 * Waits (up to 5 minutes) until the service answers the thinking queries from its projection
 * with the whole-graph layout ready: the phases measure steady state, not a cold start, during
 * which the Cypher fallback answers and the layout takes a core.
 */
async function untilSteady(url: string): Promise<void> {
  const readyz = new URL('/readyz', url).toString();
  const started = Date.now();
  while (Date.now() - started < 300_000) {
    const body = (await fetch(readyz)
      .then((response) => response.json())
      .catch(() => null)) as { thinking?: { mode?: string; layout?: string } } | null;
    const thinking = body?.thinking;
    if (thinking?.mode === 'cypher' && thinking.layout === undefined) break;
    if (thinking?.mode === 'projection' && (thinking.layout === 'ready' || thinking.layout === 'off')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`Steady after ${((Date.now() - started) / 1000).toFixed(1)} s (projection built, layout ready).`);
}

async function startService(): Promise<{ child: ChildProcess; url: string }> {
  const main = projectPath('dist', 'src', 'server', 'main.js');
  const port = await findFreePort();
  const child = spawn(process.execPath, [...(process.env.SERVICE_NODE_ARGS?.split(' ') ?? []), main], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const ready = /ready at (http:\/\/\S+\/graphql)/.exec(line);
      if (ready) resolve({ child, url: ready[1]! });
    });
    child.once('exit', (code) => reject(new Error(`The service exited (${code}) before it was ready.`)));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
