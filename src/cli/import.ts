import { readFile } from 'node:fs/promises';
import { DumpError, validateDump } from '../domain/graph-dump';
import { toWriterInput, writeInBatches, type BatchProgress } from '../graph/graph-dump-repository';
import { embedWithModel } from '../meaning/embed-graph';
import { loadConfig } from '../runtime/config';
import { elapsedSeconds, numberFlag, runWithDatabase } from './cli-runtime';

/**
 * `npm run import -- [--batch 5000] <file>`: writes an export back in batched transactions,
 * printing what has committed after each one. Importing the same file again changes nothing,
 * so after a crash the same command completes the graph.
 */
const batchSize = numberFlag('batch', 5_000, 50_000);
const file = process.argv.slice(2).find((arg, index, args) => !arg.startsWith('--') && args[index - 1] !== '--batch');
if (!file) {
  console.error('usage: npm run import -- [--batch 5000] <file.json>');
  process.exit(2);
}

runWithDatabase(async (database) => {
  let dump;
  try {
    dump = validateDump(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if (error instanceof DumpError || error instanceof SyntaxError) {
      console.error(`${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const started = Date.now();
  const { nodes, edges } = toWriterInput(dump);
  const describe = (progress: BatchProgress) => `${progress.nodes}/${nodes.length} nodes, ${progress.edges}/${edges.length} edges`;
  let committed: BatchProgress = { nodes: 0, edges: 0 };
  try {
    await writeInBatches(database.executor(), nodes, edges, batchSize, (progress) => {
      committed = progress;
      console.log(`  committed ${describe(progress)}`);
    });
  } catch (error) {
    // The batch in flight may have committed before the connection broke; only the ones
    // acknowledged are counted, and MERGE makes writing it again harmless.
    console.error(
      `Import stopped: ${describe(committed)} committed; the batch after them may or may not have. ` +
        `Run the same import again to complete the graph (importing is idempotent).`,
    );
    throw error;
  }
  console.log(`Imported ${nodes.length} nodes and ${edges.length} edges from ${file} in ${elapsedSeconds(started)} s.`);
  await embedWithModel(database.executor(), loadConfig().meaning, console.log);
  return 0;
});
