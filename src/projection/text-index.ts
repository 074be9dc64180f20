import { NODE_KINDS, type NodeKind } from '../domain/node-kind';
import type { TextMatch } from '../domain/relatedness';
import type { NodeWords } from '../domain/topology';
import {
  analyze,
  FULLTEXT_FIELDS,
  idf,
  moreLikeThisWords,
  normInverses,
  encodeLength,
  termScore,
  WORD_FIELDS,
  type FieldStatistics,
} from '../domain/word-relevance';
import { MORE_LIKE_THIS } from '../domain/search-text';
import { inChunks, NO_PAUSES, type Slices } from './time-slices';
import { compareCodeUnits } from '../domain/compare-ids';
import { firstInOrder } from '../domain/first-in-order';

const FIELDS = FULLTEXT_FIELDS.length;
/** Dead document slots tolerated before a compaction, whatever the index's size. */
const COMPACT_AFTER = 1024;
const GONE = 0xff;
/** Where each "more like this" field sits among a node's WORD_FIELDS values. */
const MORE_LIKE_THIS_AT = MORE_LIKE_THIS.fields.map((field) => WORD_FIELDS.indexOf(field));

/** The documents holding one term in one field, with how often. */
interface Postings {
  readonly docs: Uint32Array;
  readonly freqs: Uint32Array;
}

/** Per document, a list of numbers: one packed array for the whole read, and the documents added since. */
class DocLists {
  constructor(
    private readonly offsets: Uint32Array,
    private readonly values: Uint32Array,
    private readonly since: ReadonlyMap<number, Uint32Array> = new Map(),
  ) {}

  of(doc: number): Uint32Array {
    return this.since.get(doc) ?? (doc + 1 < this.offsets.length ? this.values.subarray(this.offsets[doc], this.offsets[doc + 1]) : EMPTY);
  }

  with(added: ReadonlyMap<number, Uint32Array>, removed: Iterable<number>): DocLists {
    const since = new Map([...this.since, ...added]);
    for (const doc of removed) if (!added.has(doc)) since.delete(doc);
    return new DocLists(this.offsets, this.values, since);
  }

  static pack(lists: readonly Uint32Array[]): DocLists {
    const offsets = new Uint32Array(lists.length + 1);
    lists.forEach((list, doc) => (offsets[doc + 1] = offsets[doc]! + list.length));
    const values = new Uint32Array(offsets[lists.length]!);
    lists.forEach((list, doc) => values.set(list, offsets[doc]));
    return new DocLists(offsets, values);
  }
}

const EMPTY = new Uint32Array(0);

/** Term numbers, shared by every version: only ever added to, so an older version finds what it knew. */
class TermDictionary {
  private readonly numbers = new Map<string, number>();

  numberOf(term: string): number {
    let number = this.numbers.get(term);
    if (number === undefined) this.numbers.set(term, (number = this.numbers.size));
    return number;
  }

  get size(): number {
    return this.numbers.size;
  }
}

/** One document's part of the index, before it is placed. */
interface AnalysedDoc {
  readonly id: string;
  readonly kind: number;
  /** Tokens per full-text field. */
  readonly lengths: Uint32Array;
  /** (field · termCount + term) → occurrences, for the fields' postings. */
  readonly counts: Map<number, number>;
  /** Its "more like this" words as query clauses: see queryClauses. */
  readonly query: Uint32Array;
}

/**
 * The nodes' words at one version, immutable, for the word signal of relatedThoughts: the
 * full-text fields of every node as postings per field and term, the field lengths and
 * statistics BM25 needs, and each node's "more like this" query as term numbers. A node's
 * matches are scored as Neo4j's full-text index scores them (see domain/word-relevance.ts).
 */
export class TextIndex {
  private inverses: Float32Array[] | undefined;
  private scratch: Float64Array | undefined;
  private innerScratch: Float64Array | undefined;

  private constructor(
    private readonly terms: TermDictionary,
    private readonly docOf: ReadonlyMap<string, number>,
    private readonly ids: readonly string[],
    /** NODE_KINDS index of each document; GONE once its node changed or went. */
    private readonly kinds: Uint8Array,
    /** Tokens of each document in each full-text field: `lengths[field][doc]`. */
    private readonly lengths: readonly Uint32Array[],
    private readonly postings: readonly (readonly (Postings | undefined)[])[],
    private readonly stats: readonly FieldStatistics[],
    /** Each document's terms as `field · termCount + term`, to take it out again. */
    private readonly docTerms: DocLists,
    private readonly queries: DocLists,
  ) {}

  static empty(): TextIndex {
    return new TextIndexBuilder().build();
  }

  get documents(): number {
    return this.docOf.size;
  }

  /**
   * The nodes of `kind` whose full-text fields best match the "more like this" words of node
   * `id`, best first (score, then id), at most `limit`, the node itself among them if it
   * ranks; null when the index has no node `id`.
   */
  match(id: string, kind: NodeKind, limit: number): TextMatch[] | null {
    const doc = this.docOf.get(id);
    if (doc === undefined) return null;
    const query = this.queries.of(doc);
    if (query.length === 0 || limit < 1) return [];
    const wanted = NODE_KINDS.indexOf(kind);
    const scores = (this.scratch = zeroes(this.scratch, this.ids.length));
    const touched: number[] = [];
    for (let at = 0; at < query.length;) {
      const [times, count] = [query[at]!, query[at + 1]!];
      const terms = query.subarray(at + 2, at + 2 + count);
      at += 2 + count;
      if (times === 1) {
        // A word's clause is flattened into the query: its terms' scores join the document's sum.
        this.scoreTerms(terms, 1, wanted, scores, touched);
        continue;
      }
      // A word asked `times` times is one clause boosted `times`: its own sum, rounded to a float, then added.
      const inner = (this.innerScratch = zeroes(this.innerScratch, this.ids.length));
      const reached: number[] = [];
      this.scoreTerms(terms, times, wanted, inner, reached);
      for (const d of reached) {
        if (scores[d] === 0) touched.push(d);
        scores[d]! += Math.fround(inner[d]!);
        inner[d] = 0;
      }
    }
    // Best first, ties by id in UTF-16 order, as Lucene breaks them; the scratch is left all zeroes.
    for (const d of touched) scores[d] = Math.fround(scores[d]!);
    const ids = this.ids;
    const order = (a: number, b: number) => scores[b]! - scores[a]! || compareCodeUnits(ids[a]!, ids[b]!);
    const best = firstInOrder(touched, limit, order).map((d) => ({ id: ids[d]!, score: scores[d]! }));
    for (const d of touched) scores[d] = 0;
    return best;
  }

  /** Adds each term's score in each field, boosted `boost`, to `sums` of the documents of kind `wanted`. */
  private scoreTerms(terms: Uint32Array, boost: number, wanted: number, sums: Float64Array, touched: number[]): void {
    const inverses = (this.inverses ??= this.stats.map((field) => normInverses(field)));
    for (let field = 0; field < FIELDS; field++) {
      const lengths = this.lengths[field]!;
      const cache = inverses[field]!;
      for (const term of terms) {
        const postings = this.postings[field]![term];
        if (!postings) continue;
        const weight = Math.fround(boost * idf(postings.docs.length, this.stats[field]!.docCount));
        const { docs, freqs } = postings;
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i]!;
          if (this.kinds[d] !== wanted) continue;
          if (sums[d] === 0) touched.push(d);
          // Sums of a few dozen floats are exact in a double, in any order, as Lucene sums them.
          sums[d]! += termScore(weight, freqs[i]!, cache[encodeLength(lengths[d]!)]!);
        }
      }
    }
  }

  /**
   * This index with the changes of a later version: each touched node's old document leaves it
   * (its postings and its part of the statistics), and the node, if it has a row, comes back as
   * a new document. Shares every unchanged posting list with this version. The slots of the
   * documents that left are reclaimed (the index compacted, in slices) once they pass a quarter
   * of the live ones.
   */
  async withChanges(
    touched: readonly string[],
    rows: readonly { id: string; kind: NodeKind; words?: NodeWords }[],
    slices: Slices = NO_PAUSES,
  ): Promise<TextIndex> {
    const changed = this.changed(touched, rows);
    const dead = changed.ids.length - changed.docOf.size;
    return dead > Math.max(COMPACT_AFTER, changed.docOf.size / 4) ? changed.compacted(slices) : changed;
  }

  private changed(touched: readonly string[], rows: readonly { id: string; kind: NodeKind; words?: NodeWords }[]): TextIndex {
    const docOf = new Map(this.docOf);
    const kinds = new Uint8Array(this.ids.length + rows.length);
    kinds.set(this.kinds);
    const lengths = this.lengths.map((field) => {
      const grown = new Uint32Array(this.ids.length + rows.length);
      grown.set(field);
      return grown;
    });
    const stats = this.stats.map((field) => ({ ...field }));
    const postings = this.postings.map((field) => [...field]);
    const ids = [...this.ids];
    const removed = new Map<number, number[]>(); // posting key → docs leaving it
    const leaving: number[] = [];
    for (const id of touched) {
      const doc = docOf.get(id);
      if (doc === undefined) continue;
      docOf.delete(id);
      kinds[doc] = GONE;
      leaving.push(doc);
      for (let field = 0; field < FIELDS; field++) {
        const length = lengths[field]![doc]!;
        if (length > 0) Object.assign(stats[field]!, { docCount: stats[field]!.docCount - 1, sumTotalTermFreq: stats[field]!.sumTotalTermFreq - length });
        lengths[field]![doc] = 0;
      }
      for (const key of this.docTerms.of(doc)) (removed.get(key) ?? removed.set(key, []).get(key)!).push(doc);
    }
    for (const [key, docs] of removed) {
      const [field, term] = [key % FIELDS, Math.floor(key / FIELDS)];
      const gone = new Set(docs);
      const before = postings[field]![term]!;
      const kept = before.docs.reduce<number[]>((list, doc, i) => (gone.has(doc) ? list : (list.push(i), list)), []);
      postings[field]![term] =
        kept.length === 0 ? undefined : { docs: Uint32Array.from(kept, (i) => before.docs[i]!), freqs: Uint32Array.from(kept, (i) => before.freqs[i]!) };
    }
    const addedTerms = new Map<number, Uint32Array>();
    const addedQueries = new Map<number, Uint32Array>();
    for (const row of rows) {
      const doc = ids.length;
      const analysed = analyseDoc(this.terms, row.id, row.kind, row.words);
      ids.push(row.id);
      docOf.set(row.id, doc);
      kinds[doc] = analysed.kind;
      for (let field = 0; field < FIELDS; field++) {
        const length = analysed.lengths[field]!;
        lengths[field]![doc] = length;
        if (length > 0) Object.assign(stats[field]!, { docCount: stats[field]!.docCount + 1, sumTotalTermFreq: stats[field]!.sumTotalTermFreq + length });
      }
      const keys: number[] = [];
      for (const [key, count] of analysed.counts) {
        const [field, term] = [key % FIELDS, Math.floor(key / FIELDS)];
        keys.push(key);
        const before = postings[field]![term];
        postings[field]![term] = {
          docs: appended(before?.docs, doc),
          freqs: appended(before?.freqs, count),
        };
      }
      addedTerms.set(doc, Uint32Array.from(keys));
      addedQueries.set(doc, analysed.query);
    }
    return new TextIndex(
      this.terms,
      docOf,
      ids,
      kinds.subarray(0, ids.length),
      lengths.map((field) => field.subarray(0, ids.length)),
      postings,
      stats,
      this.docTerms.with(addedTerms, leaving),
      this.queries.with(addedQueries, leaving),
    );
  }

  /** The same index with only the live documents, renumbered in their order. */
  private async compacted(slices: Slices): Promise<TextIndex> {
    const renumbered = new Int32Array(this.ids.length).fill(-1);
    const live: number[] = [];
    this.ids.forEach((id, doc) => {
      if (this.docOf.get(id) === doc) renumbered[doc] = live.push(doc) - 1;
    });
    const postings: (Postings | undefined)[][] = [];
    for (const field of this.postings) {
      const moved: (Postings | undefined)[] = [];
      await inChunks(field.length, slices, (from, to) => {
        for (let term = from; term < to; term++) {
          const list = field[term];
          if (list) moved[term] = { docs: list.docs.map((doc) => renumbered[doc]!), freqs: list.freqs };
        }
      });
      postings.push(moved);
    }
    return new TextIndex(
      this.terms,
      new Map(live.map((doc, at) => [this.ids[doc]!, at])),
      live.map((doc) => this.ids[doc]!),
      Uint8Array.from(live, (doc) => this.kinds[doc]!),
      this.lengths.map((field) => Uint32Array.from(live, (doc) => field[doc]!)),
      postings,
      this.stats,
      DocLists.pack(live.map((doc) => this.docTerms.of(doc))),
      DocLists.pack(live.map((doc) => this.queries.of(doc))),
    );
  }

  /** How many document slots it holds, live or left behind by a change (compaction reclaims those). */
  get slots(): number {
    return this.ids.length;
  }

  /** A rough size, for the memory budget. */
  approximateBytes(): number {
    let postings = 0;
    for (const field of this.postings) for (const list of field) if (list) postings += list.docs.byteLength + list.freqs.byteLength + 64;
    return postings + this.ids.length * (1 + 4 * FIELDS + 24 * 4 + 60 * 4) + this.terms.size * 48;
  }

  /** @internal for TextIndexBuilder */
  static assemble(terms: TermDictionary, docs: readonly AnalysedDoc[]): TextIndex {
    const postingLists = Array.from({ length: FIELDS }, () => new Map<number, { docs: number[]; freqs: number[] }>());
    const lengths = Array.from({ length: FIELDS }, () => new Uint32Array(docs.length));
    const stats = Array.from({ length: FIELDS }, () => ({ docCount: 0, sumTotalTermFreq: 0 }));
    docs.forEach((analysed, doc) => {
      for (let field = 0; field < FIELDS; field++) {
        const length = analysed.lengths[field]!;
        lengths[field]![doc] = length;
        if (length > 0) {
          stats[field]!.docCount += 1;
          stats[field]!.sumTotalTermFreq += length;
        }
      }
      for (const [key, count] of analysed.counts) {
        const field = postingLists[key % FIELDS]!;
        const term = Math.floor(key / FIELDS);
        const list = field.get(term) ?? field.set(term, { docs: [], freqs: [] }).get(term)!;
        list.docs.push(doc);
        list.freqs.push(count);
      }
    });
    const postings = postingLists.map((field) => {
      const byTerm: (Postings | undefined)[] = [];
      for (const [term, list] of field) byTerm[term] = { docs: Uint32Array.from(list.docs), freqs: Uint32Array.from(list.freqs) };
      return byTerm;
    });
    return new TextIndex(
      terms,
      new Map(docs.map((analysed, doc) => [analysed.id, doc])),
      docs.map((analysed) => analysed.id),
      Uint8Array.from(docs, (analysed) => analysed.kind),
      lengths,
      postings,
      stats,
      DocLists.pack(docs.map((analysed) => Uint32Array.from(analysed.counts.keys()))),
      DocLists.pack(docs.map((analysed) => analysed.query)),
    );
  }
}

function appended(list: Uint32Array | undefined, value: number): Uint32Array {
  const grown = new Uint32Array((list?.length ?? 0) + 1);
  if (list) grown.set(list);
  grown[grown.length - 1] = value;
  return grown;
}

/** Collects the nodes' words as the topology read streams them (analysing each at once, so no text is held). */
export class TextIndexBuilder {
  private readonly terms = new TermDictionary();
  private readonly docs: AnalysedDoc[] = [];

  add(id: string, kind: NodeKind, words: NodeWords | undefined): void {
    this.docs.push(analyseDoc(this.terms, id, kind, words));
  }

  build(): TextIndex {
    return TextIndex.assemble(this.terms, this.docs);
  }
}

function analyseDoc(terms: TermDictionary, id: string, kind: NodeKind, words: NodeWords | undefined): AnalysedDoc {
  const lengths = new Uint32Array(FIELDS);
  const counts = new Map<number, number>();
  const values = words?.fields ?? [];
  for (let field = 0; field < FIELDS; field++) {
    const value = values[field];
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
    for (const text of texts) {
      for (const token of analyze(text)) {
        const key = terms.numberOf(token) * FIELDS + field;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        lengths[field]! += 1;
      }
    }
  }
  const query = queryClauses(moreLikeThisWords(MORE_LIKE_THIS_AT.map((at) => values[at])), terms);
  return { id, kind: NODE_KINDS.indexOf(kind), lengths, counts, query };
}

/**
 * The query the full-text search makes of the words, as Lucene rewrites it: each word is a
 * clause over the fields of its terms (a word of several tokens matches each); words whose
 * terms are the same ("culture", "culture.") are one clause boosted by how many they are, and
 * the other clauses are flattened into the query. Packed as, per clause: times, term count,
 * term numbers; in the words' order.
 */
function queryClauses(words: readonly string[], terms: TermDictionary): Uint32Array {
  const clauses = new Map<string, { times: number; terms: number[] }>();
  for (const word of words) {
    const tokens = analyze(word);
    if (tokens.length === 0) continue;
    const key = tokens.join('\u0000');
    const clause = clauses.get(key);
    if (clause) clause.times += 1;
    else clauses.set(key, { times: 1, terms: tokens.map((token) => terms.numberOf(token)) });
  }
  return Uint32Array.from([...clauses.values()].flatMap((clause) => [clause.times, clause.terms.length, ...clause.terms]));
}

/** A scratch array of at least `length` (all zeroes between uses): `held` when it is long enough. */
function zeroes(held: Float64Array | undefined, length: number): Float64Array {
  return held && held.length >= length ? held : new Float64Array(length);
}
