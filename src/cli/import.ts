import { readFile } from 'node:fs/promises';
import { DumpError, validateDump } from '../domain/graph-dump';
import { toWriterInput, writeInBatches } from '../graph/graph-dump-repository';
import { elapsedSeconds, runWithDatabase } from './cli-runtime';

/** `npm run import -- <file>`: writes an export back; importing the same file again changes nothing. */
const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run import -- <file.json>');
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
  await writeInBatches(database.executor(), nodes, edges, 5000, (progress) =>
    console.log(`  ${progress.nodes}/${nodes.length} nodes, ${progress.edges}/${edges.length} edges`),
  );
  console.log(`Imported ${nodes.length} nodes and ${edges.length} edges from ${file} in ${elapsedSeconds(started)} s.`);
  return 0;
});
