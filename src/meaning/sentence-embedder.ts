import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { TooManyRequestsError } from '../domain/errors';
import type { TextEmbedder } from '../domain/meaning';
import { SENTENCE_MODEL, type ModelFiles } from './model-files';

/** Texts that may wait for the model at once; past it, TOO_MANY_REQUESTS (a burst of similarTo must not queue minutes of work). */
const MAX_WAITING = 64;

/** Word pieces the model reads of one text ([CLS] and [SEP] included): the length it was tuned on. */
const MAX_TOKENS = 256;
/** Enough characters for MAX_TOKENS word pieces and more: a long body is cut before it is tokenized. */
const MAX_CHARACTERS = 4 * MAX_TOKENS * 4;

export interface EmbedderOptions {
  /** Threads one run of the model may use (the service keeps one core for everything else). */
  readonly threads?: number;
}

/**
 * all-MiniLM-L6-v2 run by onnxruntime (CPU) with the tokenizer it was trained with: word
 * pieces in, the mean of the last hidden states over the real tokens, scaled to unit length, out
 * (the sentence-transformers recipe, so its cosines are the model's published ones). A run of the
 * model happens off the event loop, in onnxruntime's own threads.
 */
export class SentenceEmbedder implements TextEmbedder {
  readonly model = SENTENCE_MODEL;
  readonly dimensions = 384;

  /** The run in progress: runs take turns, so the model uses one core however many requests ask at once (see `embed`). */
  private turn: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  private constructor(
    private readonly tokenizer: Tokenizer,
    private readonly session: InferenceSession,
  ) {}

  static async load(files: ModelFiles, options: EmbedderOptions = {}): Promise<SentenceEmbedder> {
    const tokenizer = new Tokenizer(JSON.parse(readFileSync(files.tokenizer, 'utf8')) as object, {});
    const threads = options.threads ?? 1;
    const session = await InferenceSession.create(files.onnx, { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential' });
    const embedder = new SentenceEmbedder(tokenizer, session);
    // Other files (MEANING_MODEL_DIR) may hold another model: the vector indexes take 384 dimensions.
    const [probe] = await embedder.embed(['probe']);
    if (probe?.length !== embedder.dimensions) {
      await session.release();
      throw new Error(`the model gives ${probe?.length} dimensions; the vector indexes take ${embedder.dimensions}`);
    }
    return embedder;
  }

  /**
   * One run of the model per text. Batching would pad texts to one length, and the quantized
   * model scales its integer arithmetic by the whole batch's range: a text's vector would then
   * depend on its neighbours in the batch (cosine 0.993 with itself, measured). Runs take turns:
   * a burst of requests queues here instead of filling libuv's thread pool (which file and DNS
   * work share) and every core.
   */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (const text of texts) vectors.push(await this.inTurn(() => this.embedOne(text)));
    return vectors;
  }

  private inTurn<T>(run: () => Promise<T>): Promise<T> {
    if (this.waiting >= MAX_WAITING) return Promise.reject(new TooManyRequestsError(1));
    this.waiting += 1;
    const settle = () => {
      this.waiting -= 1;
      return run();
    };
    const result = this.turn.then(settle, settle);
    this.turn = result.catch(() => undefined);
    return result;
  }

  async release(): Promise<void> {
    await this.session.release();
  }

  private async embedOne(text: string): Promise<Float32Array> {
    const tokens = this.encode(text);
    const shape = [1, tokens.length];
    const output = await this.session.run({
      input_ids: new Tensor('int64', BigInt64Array.from(tokens, BigInt), shape),
      attention_mask: new Tensor('int64', new BigInt64Array(tokens.length).fill(1n), shape),
      token_type_ids: new Tensor('int64', new BigInt64Array(tokens.length), shape),
    });
    return meanPooled(output.last_hidden_state!.data as Float32Array, tokens.length, this.dimensions);
  }

  /** Word-piece ids, [CLS] … [SEP], at most MAX_TOKENS (a longer text keeps its start). */
  private encode(text: string): number[] {
    const ids = this.tokenizer.encode(text.slice(0, MAX_CHARACTERS)).ids;
    if (ids.length <= MAX_TOKENS) return ids;
    return [...ids.slice(0, MAX_TOKENS - 1), ids[ids.length - 1]!];
  }
}

/** The mean of `count` token states, scaled to unit length. */
function meanPooled(hidden: Float32Array, count: number, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  for (let token = 0; token < count; token++) {
    const at = token * dimensions;
    for (let d = 0; d < dimensions; d++) vector[d]! += hidden[at + d]!;
  }
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += vector[d]! * vector[d]!;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < dimensions; d++) vector[d] = vector[d]! * scale;
  return vector;
}
