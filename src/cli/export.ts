import { writeFile } from 'node:fs/promises';
import { canonicalJson } from '../domain/graph-dump';
import { readGraphDump } from '../graph/graph-dump-repository';
import { runWithDatabase } from './cli-runtime';

/** `npm run export -- <file>`: the whole graph as versioned JSON (every node, edge and property). */
const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run export -- <file.json>');
  process.exit(2);
}

runWithDatabase(async (database) => {
  const dump = await readGraphDump(database.executor());
  await writeFile(file, `${canonicalJson(dump)}\n`);
  console.log(`Exported ${dump.nodes.length} nodes and ${dump.edges.length} edges to ${file}.`);
  return 0;
});
