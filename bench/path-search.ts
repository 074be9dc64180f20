import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import seedrandom from 'seedrandom';
import { generateSyntheticGraph } from '../src/cli/synthetic-graph';
import { EdgeListPathGraph, type ListedEdge } from '../src/domain/edge-list-path-graph';
import { findShortestSimplePaths } from '../src/domain/k-shortest-paths';
import { Direction } from '../src/domain/repositories';

/*
 * CPU time of findShortestSimplePaths alone (no I/O), on the synthetic graph (10,000 essays
 * unless told) held in typed arrays, as the in-memory projection holds it. Prints figures and a
 * digest of every answer (two versions of the search must print the same); asserts none.
 *   npm run build && node dist/bench/path-search.js [requests] [k] [maxHops] [essays]
 */

const [requests = 300, k = 3, maxHops = 6, essays = 10_000] = process.argv.slice(2).map(Number);
const digest = createHash('sha256');

function main(): void {
  const synthetic = generateSyntheticGraph({ essays, seed: 1 });
  const ids = [...synthetic.ideas, ...synthetic.essays].map((node) => node.id);
  const edges: ListedEdge[] = synthetic.edges.map((edge) => ({
    type: edge.type,
    source: edge.source,
    target: edge.target,
    weight: typeof edge.properties.weight === 'number' ? edge.properties.weight : 1,
  }));
  const degree = new Map<string, number>();
  for (const edge of edges) for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const graph = new EdgeListPathGraph(
    ids.map((id) => ({ id, degree: degree.get(id) ?? 0 })),
    edges,
    { types: [], direction: Direction.ANY, avoid: [] },
  );
  console.log(`graph: ${ids.length} nodes, ${edges.length} edges; k ${k}, maxHops ${maxHops}, ${requests} requests`);
  // Ends as clients pick them: principles, concepts and roles (the essays are the hubs' leaves).
  const ends = synthetic.ideas.map((node) => graph.indexOf(node.id));
  report(
    'ideas to ideas',
    measure(graph, () => [pick(ends), pick(ends)]),
  );
  report(
    'essay to idea',
    measure(graph, () => [graph.indexOf(pick(synthetic.essays).id), pick(ends)]),
  );
  report(
    'essay to essay',
    measure(graph, () => [graph.indexOf(pick(synthetic.essays).id), graph.indexOf(pick(synthetic.essays).id)]),
  );
  console.log(`answers digest ${digest.digest('hex').slice(0, 16)}`);
}

const random = seedrandom('path-search-bench');
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function measure(graph: EdgeListPathGraph, pair: () => number[]): number[] {
  const times: number[] = [];
  for (let i = 0; i < requests + 20; i += 1) {
    const [from, to] = pair() as [number, number];
    const started = performance.now();
    const paths = findShortestSimplePaths(graph, from, to, { k, maxHops });
    if (i >= 20) times.push(performance.now() - started);
    digest.update(JSON.stringify(paths));
  }
  return times.sort((a, b) => a - b);
}

function report(label: string, times: number[]): void {
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`${label.padEnd(16)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`);
}

main();
