import { writeInBatches } from '../graph/graph-dump-repository';
import { embedWithModel } from '../meaning/embed-graph';
import { loadConfig } from '../runtime/config';
import { elapsedSeconds, numberFlag, runWithDatabase } from './cli-runtime';
import { generateSyntheticGraph } from './synthetic-graph';

/**
 * `npm run generate -- --essays 10000 --seed 42 [--no-meaning]`: writes a synthetic graph with
 * planted topic clusters in batched UNWIND transactions, with progress, and prints nodes and
 * edges per second; then embeds the texts (unless --no-meaning).
 */
const essays = numberFlag('essays', 10_000, 200_000);
const seed = numberFlag('seed', 42, 2 ** 31);
const batchSize = numberFlag('batch', 5_000, 50_000);

runWithDatabase(async (database) => {
  const graph = generateSyntheticGraph({ essays, seed });
  const nodes = [...graph.ideas, ...graph.essays];
  console.log(`Generating ${graph.essays.length} essays in ${graph.clusters} clusters: ${nodes.length} nodes, ${graph.edges.length} edges (seed ${seed}).`);
  const started = Date.now();
  let reported = 0;
  let nodesDone = started;
  await writeInBatches(database.executor(), nodes, graph.edges, batchSize, (progress) => {
    if (progress.edges === 0 && progress.nodes === nodes.length) nodesDone = Date.now();
    const done = progress.nodes + progress.edges;
    if (done - reported >= 20_000 || done === nodes.length + graph.edges.length) {
      reported = done;
      console.log(`  ${progress.nodes}/${nodes.length} nodes, ${progress.edges}/${graph.edges.length} edges (${elapsedSeconds(started)} s)`);
    }
  });
  const nodeSeconds = (nodesDone - started) / 1000;
  const edgeSeconds = (Date.now() - nodesDone) / 1000;
  console.log(
    `Loaded in ${(nodeSeconds + edgeSeconds).toFixed(1)} s: ${nodes.length} nodes in ${nodeSeconds.toFixed(1)} s ` +
      `(${Math.round(nodes.length / nodeSeconds)} nodes/s), ${graph.edges.length} edges in ${edgeSeconds.toFixed(1)} s ` +
      `(${Math.round(graph.edges.length / edgeSeconds)} edges/s).`,
  );
  if (!process.argv.includes('--no-meaning')) await embedWithModel(database.executor(), loadConfig().meaning, console.log);
  return 0;
});
