import { BadUserInputError } from '../domain/errors';
import { hasMeaning, MEANING_KINDS, type MeaningAccess } from '../domain/meaning';
import type { NodeRecord } from '../domain/graph-records';
import type { NodeKind } from '../domain/node-kind';
import { readNodesById, type GraphReader } from '../domain/repositories';
import { MORE_LIKE_THIS, searchWords } from '../domain/search-text';

/** Which signal found a node: the sentence model, or (with no model loaded) the full-text index. */
export enum SimilaritySignal {
  MEANING = 'MEANING',
  WORDS = 'WORDS',
}

export interface SimilarNode {
  readonly node: NodeRecord;
  /** MEANING: the cosine similarity of the two texts' vectors. WORDS: full-text relevance relative to the best hit (that one is 1). */
  readonly score: number;
  readonly signal: SimilaritySignal;
}

/** A free text's words handed to the full-text index when no model is loaded: enough to find a paragraph's topic. */
const FALLBACK_WORDS = 24;

/**
 * The principles, concepts and essays whose texts say most nearly what `text` says, best first:
 * "which of our principles is this paragraph about?". The text is embedded by the sentence model
 * and its nearest vectors read from the graph; with no model loaded, the full-text index answers
 * instead, and each result says which signal found it.
 */
export async function findSimilarTo(
  text: string,
  kinds: readonly NodeKind[],
  first: number,
  meaning: MeaningAccess,
  reader: GraphReader,
): Promise<SimilarNode[]> {
  const searched = kinds.length === 0 ? MEANING_KINDS : [...new Set(kinds)];
  const unembedded = searched.filter((kind) => !hasMeaning(kind));
  if (unembedded.length > 0) {
    throw new BadUserInputError('kinds', `Only ${MEANING_KINDS.join(', ')} have meaning vectors; not ${unembedded.join(', ')}.`);
  }
  const words = searchWords(text);
  if (words.length === 0) throw new BadUserInputError('text', 'The text has no words.');
  if (!meaning.embedder) {
    const stopWords: readonly string[] = MORE_LIKE_THIS.stopWords;
    const telling = words.filter((word) => word.length >= MORE_LIKE_THIS.minLength && !stopWords.includes(word));
    const hits = await reader.search((telling.length > 0 ? telling : words).slice(0, FALLBACK_WORDS).join(' '), searched, first);
    const best = hits[0]?.score ?? 1;
    return hits.map((hit) => ({ node: hit.node, score: hit.score / best, signal: SimilaritySignal.WORDS }));
  }
  const [vector] = await meaning.embedder.embed([text]);
  const matches = await meaning.search.findNearest(vector!, meaning.embedder.model, searched, first);
  const nodes = await readNodesById(
    reader,
    matches.map((match) => match.id),
  );
  return matches.flatMap((match) => {
    const node = nodes.get(match.id);
    return node ? [{ node, score: match.similarity, signal: SimilaritySignal.MEANING }] : [];
  });
}
