import { NodeKind } from './node-kind';

/*
 * Related by meaning: a sentence model turns a node's text into a vector, and two texts that say
 * similar things get vectors at a small angle, whatever words they use. What is embedded, where
 * the vector is kept and how a similarity becomes evidence are decided here; running the model
 * belongs to src/meaning, storing and searching the vectors to src/graph.
 */

/** A sentence model: texts in, unit-length vectors out (cosine similarity is their dot product). */
export interface TextEmbedder {
  /** Stored beside every vector, so a change of model is seen and re-embedded. */
  readonly model: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Frees the model's memory, if it holds any outside the heap. */
  release?(): Promise<void>;
}

/** The kinds whose text is embedded: what a reader asks "what is this about?" of. */
export const MEANING_KINDS: readonly NodeKind[] = [NodeKind.ESSAY, NodeKind.PRINCIPLE, NodeKind.CONCEPT];

export function hasMeaning(kind: NodeKind): boolean {
  return MEANING_KINDS.includes(kind);
}

/** The node properties that keep a vector and the model that made it. */
export const MEANING_PROPERTIES = { vector: 'embedding', model: 'embeddingModel' } as const;

/** The properties a node's meaning is read from, in order; a change to any of them re-embeds it. */
export const MEANING_FIELDS: Readonly<Partial<Record<NodeKind, readonly string[]>>> = {
  [NodeKind.ESSAY]: ['title', 'summary', 'body'],
  [NodeKind.PRINCIPLE]: ['name', 'statement', 'description'],
  [NodeKind.CONCEPT]: ['name', 'description'],
};

/** The texts a node's vector is made from: its meaning fields that hold text, in order (none for a kind that is not embedded). */
export function meaningTexts(kind: NodeKind, properties: Readonly<Record<string, unknown>>): string[] {
  return (MEANING_FIELDS[kind] ?? [])
    .map((field) => properties[field])
    .filter((value): value is string => typeof value === 'string' && value.trim().length > 0)
    .map((value) => value.trim());
}

/**
 * A node's vector: each meaning field embedded on its own, then their mean, scaled to unit
 * length; null when it has no text. Embedding the fields one by one keeps a long description
 * or body from drowning a principle's one-sentence statement: on the seed's principles and 24
 * restatements of them, the nearest principle was right for 22 this way, for 21 with the fields
 * joined into one text (the model reads the first 256 word pieces of each).
 */
export async function embedNode(embedder: TextEmbedder, kind: NodeKind, properties: Readonly<Record<string, unknown>>): Promise<Float32Array | null> {
  const texts = meaningTexts(kind, properties);
  if (texts.length === 0) return null;
  return unitMean(await embedder.embed(texts), embedder.dimensions);
}

/** The mean of unit vectors, scaled to unit length. */
export function unitMean(vectors: readonly Float32Array[], dimensions: number): Float32Array {
  const mean = new Float32Array(dimensions);
  for (const vector of vectors) for (let d = 0; d < dimensions; d++) mean[d]! += vector[d]!;
  const norm = Math.sqrt(mean.reduce((sum, value) => sum + value * value, 0));
  return norm > 0 ? mean.map((value) => value / norm) : mean;
}

/**
 * How a cosine similarity becomes a strength in 0..1, from what this model gives texts of one
 * field (measured on the test corpus of 48 essays in six themes, test/fixtures/meaning-corpus.ts):
 * essays on different themes score 0.28 at the median (0.41 at the 90th percentile), essays on
 * one theme 0.39 (0.50), a restated principle 0.5–0.7. So 0.25 and below is nothing, and strength
 * grows linearly to 1 at 0.55, where a pair is as close as the closest tenth of one theme's.
 */
export const SIMILARITY_FLOOR = 0.25;
const SIMILARITY_FULL = 0.55;

export function meaningStrength(cosine: number): number {
  return Math.min(1, Math.max(0, (cosine - SIMILARITY_FLOOR) / (SIMILARITY_FULL - SIMILARITY_FLOOR)));
}

/**
 * A section of an ingested essay must be at least this close to a principle or concept for it to
 * be suggested. On the test corpus, an essay's body scores below this against 95% of the
 * principles of other themes, and at least this against 37% of its own theme's: a suggestion an editor reviews, so
 * some recall is worth a wrong one in twenty.
 */
export const SUGGESTION_SIMILARITY = 0.38;

/** A node found by meaning, with its cosine similarity to the text searched for. */
export interface MeaningMatch {
  readonly id: string;
  readonly similarity: number;
}

/** Where vectors are searched (src/graph: Neo4j's vector indexes). */
export interface MeaningSearch {
  /** The nodes of `kinds` whose vectors (made by `model`) are nearest `vector`, best first, ties by id. */
  findNearest(vector: Float32Array, model: string, kinds: readonly NodeKind[], limit: number): Promise<MeaningMatch[]>;
}

/** What a request may use of meaning: the model, if one is loaded, and the vectors stored with the graph. */
export interface MeaningAccess {
  readonly embedder: TextEmbedder | null;
  readonly search: MeaningSearch;
}
