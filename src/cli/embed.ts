import { embedWithModel } from '../meaning/embed-graph';
import { loadConfig } from '../runtime/config';
import { runWithDatabase } from './cli-runtime';

/**
 * `npm run embed [-- --all]`: gives every essay, principle and concept that lacks one a vector
 * of the current sentence model; with --all, embeds every one again (after a model change, say).
 * Pages of 200 are written as they are done, so a stopped run (without --all) resumes where it was.
 */
const everything = process.argv.includes('--all');

runWithDatabase(async (database) => {
  const embedded = await embedWithModel(database.executor(), loadConfig().meaning, console.log, everything);
  if (embedded === null) return 1;
  if (embedded === 0) console.log('Every text already has a vector of the current model.');
  return 0;
});
