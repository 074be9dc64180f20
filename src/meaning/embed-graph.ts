import type { TextEmbedder } from '../domain/meaning';
import type { QueryExecutor } from '../graph/graph-database';
import { MeaningRepository } from '../graph/meaning-repository';
import type { Log } from '../runtime/maven';
import { loadMeaning, type MeaningSetting } from './sentence-model';

/**
 * Gives every essay, principle and concept a vector of the embedder's model (all of them again
 * with `everything`, after a model change), with progress about every tenth of the work.
 * Answers how many were embedded.
 */
export async function embedGraph(executor: QueryExecutor, embedder: TextEmbedder, log: Log, everything = false): Promise<number> {
  const started = Date.now();
  let reported = 0;
  const embedded = await new MeaningRepository(executor).embedAll(embedder, {
    everything,
    started: (total) => log(`Embedding ${total} texts ${everything ? 'again' : 'without a vector'} with ${embedder.model}...`),
    progress: (done, total) => {
      if (done === total || done - reported >= Math.max(200, total / 10)) {
        reported = done;
        log(`  embedded ${done}/${total} texts (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }
    },
  });
  if (embedded > 0) log(`Embedded ${embedded} texts with ${embedder.model} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return embedded;
}

/**
 * For a command (seed, import, generate, embed): loads the model (both cores: nothing else
 * runs), embeds what has no vector (everything with `everything`), and lets the model go.
 * Null when the model is off: the log says why, and the vectors are left to `npm run embed` or
 * the service's next start.
 */
export async function embedWithModel(executor: QueryExecutor, setting: MeaningSetting, log: Log, everything = false): Promise<number | null> {
  const meaning = await loadMeaning(setting, log, { threads: 2 });
  if (!meaning.embedder) {
    if (meaning.status.state === 'off') log(`No meaning vectors written: ${meaning.status.reason}.`);
    return null;
  }
  try {
    return await embedGraph(executor, meaning.embedder, log, everything);
  } finally {
    await meaning.embedder.release?.();
  }
}
