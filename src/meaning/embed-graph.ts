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
  const repository = new MeaningRepository(executor);
  const started = Date.now();
  let reported = 0;
  const embedded = await repository.embedAll(embedder, {
    everything,
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
 * After a command loaded nodes (seed, import, generate): loads the model (both cores: nothing
 * else runs) and embeds what has no vector. Without a model it says so and leaves the vectors
 * to `npm run embed` or the service's next start.
 */
export async function embedAfterLoad(executor: QueryExecutor, setting: MeaningSetting, log: Log): Promise<number> {
  const meaning = await loadMeaning(setting, log, { threads: 2 });
  if (!meaning.embedder) {
    if (meaning.status.state === 'off') log(`No meaning vectors written: ${meaning.status.reason}.`);
    return 0;
  }
  try {
    return await embedGraph(executor, meaning.embedder, log);
  } finally {
    await meaning.embedder.release?.();
  }
}
