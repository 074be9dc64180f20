import { embedGraph } from '../meaning/embed-graph';
import { loadMeaning } from '../meaning/sentence-model';
import { loadConfig } from '../runtime/config';
import { runWithDatabase } from './cli-runtime';

/**
 * `npm run embed [-- --all]`: gives every essay, principle and concept that lacks one a vector
 * of the current sentence model; with --all, embeds every one again (after a model change, say).
 * Pages of 200 are written as they are done, so a stopped run (without --all) resumes where it was.
 */
const everything = process.argv.includes('--all');

runWithDatabase(async (database) => {
  const meaning = await loadMeaning(loadConfig().meaning, console.log, { threads: 2 });
  if (!meaning.embedder) {
    console.error(`The sentence model is off: ${meaning.status.state === 'off' ? meaning.status.reason : ''}.`);
    return 1;
  }
  const embedded = await embedGraph(database.executor(), meaning.embedder, console.log, everything);
  if (embedded === 0) console.log(`Every text already has a vector of ${meaning.embedder.model}.`);
  await meaning.embedder.release?.();
  return 0;
});
