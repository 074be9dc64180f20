import { applySchema } from '../runtime/apply-schema';
import { loadConfig } from '../runtime/config';
import { openDatabase } from '../runtime/open-database';
import { loadSeed } from '../../seed/load-seed';
import { embedWithModel } from '../meaning/embed-graph';

/** `npm run seed`: (re)loads the demo graph into NEO4J_URI, or into the local Neo4j. */
async function runSeed(): Promise<void> {
  const runtime = await openDatabase(loadConfig(), console.log);
  try {
    await applySchema(runtime.database);
    const summary = await loadSeed(runtime.database);
    console.log(`Demo graph loaded: ${summary.nodes} nodes, ${summary.edges} edges.`);
    await embedWithModel(runtime.database.executor(), loadConfig().meaning, console.log);
  } finally {
    await runtime.close();
  }
}

runSeed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
