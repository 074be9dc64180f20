import { compareIds, compareKeys } from './compare-ids';
import { firstInOrder } from './first-in-order';
import { EdgeType } from './edge-type';
import type { EdgeRecord } from './graph-records';
import { meaningStrength, type MeaningMatch } from './meaning';
import { NodeKind } from './node-kind';

/** Why two nodes are related. */
export enum ReasonKind {
  SHARED_PRINCIPLE = 'SHARED_PRINCIPLE',
  SHARED_CONCEPT = 'SHARED_CONCEPT',
  SHARED_ROLE = 'SHARED_ROLE',
  /** For principles, concepts and roles: an essay links both. */
  SHARED_ESSAY = 'SHARED_ESSAY',
  EDITOR_LINK = 'EDITOR_LINK',
  DIRECT_EDGE = 'DIRECT_EDGE',
  TEXT_SIMILARITY = 'TEXT_SIMILARITY',
  /** Their texts say similar things, by the sentence model, whatever words they use. */
  SIMILAR_MEANING = 'SIMILAR_MEANING',
  /** The source links a principle, and the candidate's text says much what that principle says. */
  SIMILAR_TO_PRINCIPLE = 'SIMILAR_TO_PRINCIPLE',
  /** The source links a concept, and the candidate's text says much what that concept says. */
  SIMILAR_TO_CONCEPT = 'SIMILAR_TO_CONCEPT',
}

/** What a shared tag counts: a principle more than a concept. */
const TAG_WEIGHTS = { principle: 0.3, concept: 0.24 } as const;

/**
 * How much each kind of evidence can count, before its own strength (0..1) scales it. Read as a
 * chance that the reason alone makes the two related: below 1 even for an editor's link, so
 * scores keep telling items with more evidence apart.
 */
export const REASON_WEIGHTS: Readonly<Record<ReasonKind, number>> = {
  EDITOR_LINK: 0.6,
  DIRECT_EDGE: 0.36,
  SHARED_PRINCIPLE: TAG_WEIGHTS.principle,
  SHARED_CONCEPT: TAG_WEIGHTS.concept,
  SHARED_ROLE: 0.15,
  SHARED_ESSAY: 0.24,
  TEXT_SIMILARITY: 0.18,
  // Alone, meaning ranks a theme's essays best of the three signals (nDCG@10 0.52, against 0.40 for
  // shared neighbours and 0.29 for shared words, on the test corpus): more than a shared principle, less than an editor's link.
  SIMILAR_MEANING: 0.45,
  // A tag inferred from the text: as much as the tag itself, scaled by how surely the text says it.
  SIMILAR_TO_PRINCIPLE: TAG_WEIGHTS.principle,
  SIMILAR_TO_CONCEPT: TAG_WEIGHTS.concept,
};

/**
 * The reason a candidate gets when its text is near an idea the source links: the meaning half of
 * "shares a principle or concept", for the candidates an editor did not tag.
 */
export const SIMILAR_TO_IDEA: Readonly<Partial<Record<NodeKind, ReasonKind>>> = {
  [NodeKind.PRINCIPLE]: ReasonKind.SIMILAR_TO_PRINCIPLE,
  [NodeKind.CONCEPT]: ReasonKind.SIMILAR_TO_CONCEPT,
};

/**
 * How far the search by linked ideas goes: the source's `ideas` rarest linked principles and
 * concepts (ideasToSearch), and for each the `matches` nodes of the source's kind nearest it by
 * meaning. Four ideas cover every essay of the test corpus; a hub essay's thirty would cost thirty
 * vector searches for reasons that its shared tags mostly give already.
 */
export const IDEA_SEARCH = { ideas: 4, matches: 10 } as const;

/** A principle or concept the source links, and how many nodes of the source's kind link it (the source included). */
export interface LinkedIdea {
  readonly id: string;
  readonly kind: NodeKind;
  readonly sharers: number;
}

/** The order ideas are chosen in: the rarest first (fewest sharers, as a shared neighbour's rarity counts), then by id. */
export function compareIdeas(a: { readonly id: string; readonly sharers: number }, b: { readonly id: string; readonly sharers: number }): number {
  return a.sharers - b.sharers || compareIds(a.id, b.id);
}

/** The linked ideas whose nearest nodes are searched: the first IDEA_SEARCH.ideas in compareIdeas order. */
export function ideasToSearch(linked: readonly LinkedIdea[]): LinkedIdea[] {
  return firstInOrder(linked, IDEA_SEARCH.ideas, compareIdeas);
}

/** The kinds whose nodes a node of `kind` can be related through by meaning (ideas that have vectors, other than its own kind). */
export function ideaKindsFor(kind: NodeKind): NodeKind[] {
  return (Object.keys(SIMILAR_TO_IDEA) as NodeKind[]).filter((idea) => idea !== kind);
}

/** The kinds whose sharing makes two nodes related (authorship and employers do not), with their reason. */
export const SHARED_REASONS: Readonly<Partial<Record<NodeKind, ReasonKind>>> = {
  [NodeKind.PRINCIPLE]: ReasonKind.SHARED_PRINCIPLE,
  [NodeKind.CONCEPT]: ReasonKind.SHARED_CONCEPT,
  [NodeKind.ROLE]: ReasonKind.SHARED_ROLE,
  [NodeKind.ESSAY]: ReasonKind.SHARED_ESSAY,
};

/** The kinds a node of `kind` can share with another of its kind. */
export function sharedKindsFor(kind: NodeKind): NodeKind[] {
  return (Object.keys(SHARED_REASONS) as NodeKind[]).filter((shared) => shared !== kind);
}

/**
 * Inverse-frequency strength of a shared neighbour, in [0, 1]: a neighbour that only these two
 * nodes have counts 1; one that every node of the kind has counts 0.
 * `sharers` is how many distinct nodes of the kind have it, `population` how many there are.
 */
export function sharedNeighbourStrength(sharers: number, population: number): number {
  if (population <= 2 || sharers <= 2) return 1;
  return Math.log(population / sharers) / Math.log(population / 2);
}

/**
 * Reasons combine as independent chances (noisy-OR): score = 1 − Π(1 − weightᵢ). With every
 * weight in 0..1 the score is in 0..1, grows with each reason, and is never below its strongest
 * reason, so no reason can weigh more than the item it explains.
 */
export function combineEvidence(weights: readonly number[]): number {
  return 1 - weights.reduce((miss, weight) => miss * (1 - Math.min(1, Math.max(0, weight))), 1);
}

/** A neighbour the source shares with candidates of its own kind. */
export interface SharedVia {
  readonly via: string;
  readonly viaKind: NodeKind;
  /** Distinct nodes of the source's kind that have this neighbour, the source included. */
  readonly sharers: number;
  /** Distinct nodes of the source's kind, other than the source, that have it. */
  readonly candidates: readonly string[];
}

export interface DirectLink {
  readonly candidate: string;
  readonly edge: EdgeRecord;
}

/** Everything structural that relates a node to others of its kind. */
export interface RelatedEvidence {
  /** Nodes of the kind in the graph. */
  readonly population: number;
  readonly shared: readonly SharedVia[];
  readonly direct: readonly DirectLink[];
  /** From a reader that holds the graph in memory: the same candidates as node indices. */
  readonly nodes?: IndexedCandidates;
}

/**
 * The shared candidates as dense node indices, so that scoring thousands of them (a hub's
 * essays) counts on arrays instead of maps keyed by id. Same candidates, same answer.
 */
export interface IndexedCandidates {
  /** The id of each node index. */
  readonly ids: readonly string[];
  indexOf(id: string): number | undefined;
  /** `shared[i].candidates` as node indices, ascending, the source possibly among them (tallies skip it). */
  readonly shared: readonly Uint32Array[];
  /** True when index order is the order of ids (compareIds): ties are then broken on indices. */
  readonly inIdOrder: boolean;
}

export interface TextMatch {
  readonly id: string;
  readonly score: number;
}

/** What the texts say of a node's relatives: full-text matches of its distinctive words, and its nearest neighbours by meaning. */
export interface TextEvidence {
  /** Lucene scores, best first. */
  readonly words: readonly TextMatch[];
  /** Cosine similarities, best first; empty when the node has no vector. */
  readonly meaning: readonly MeaningMatch[];
  /** For each idea the source links that ideasToSearch picks, the nodes of its kind nearest it by meaning; an idea with none is left out. */
  readonly ideas: readonly IdeaMeaning[];
}

/** An idea the source links (ideasToSearch), and the nodes of the source's kind nearest it by meaning. */
export interface IdeaMeaning {
  readonly idea: LinkedIdea;
  /**
   * Best first, at most IDEA_SEARCH.matches + 1, the source possibly among them: the matches do
   * not depend on the source, so a projection keeps them per idea for every source that links it.
   */
  readonly matches: readonly MeaningMatch[];
}

export const NO_TEXT_EVIDENCE: TextEvidence = { words: [], meaning: [], ideas: [] };

export interface ScoredReason {
  readonly kind: ReasonKind;
  /** The shared neighbour, for SHARED_* reasons; the idea, for SIMILAR_TO_* reasons. */
  readonly via: string | null;
  readonly weight: number;
  readonly sharers: number | null;
  readonly edge: EdgeRecord | null;
  readonly similarity: number | null;
  /**
   * This reason's part of the candidate's score. Reasons combine by noisy-OR, which adds their
   * log-chances −ln(1 − weight); the score is split among them in that proportion, so the shares
   * of a candidate's reasons add up to its score.
   */
  readonly share: number;
}

export interface ScoredCandidate {
  readonly id: string;
  readonly score: number;
  /** Strongest first; none of weight 0. */
  readonly reasons: readonly ScoredReason[];
}

/** Text matches weaker than this share of the best are noise. */
const MIN_SIMILARITY = 0.05;

/**
 * The one relatedness formula: each piece of evidence becomes a weighted reason, reasons combine
 * by `combineEvidence`, candidates rank by score, then id; the best `first`, each with its
 * reasons strongest first. Pure, so both the projection and the Cypher fallback feed it the same
 * evidence and get the same answer. Scores every candidate (thousands, through a hub) as a
 * number first and builds reasons only for the ones returned.
 */
export function scoreRelated(source: string, evidence: RelatedEvidence, text: TextEvidence, first: number): ScoredCandidate[] {
  const groups = reasonGroups(source, evidence, text);
  const tally = evidence.nodes ? new NodeTally(evidence.nodes, source) : new IdTally(source);
  for (const group of groups) tally.multiply(group, 1 - group.reason.weight);
  const top = tally.best(first);
  const kept = new Map(top.map((entry) => [entry.id, [] as ScoredReason[]]));
  for (const group of groups) tally.forEachAmong(group, kept, (reasons) => reasons.push(group.reason));
  tally.release();
  return top.map((entry) => ({ ...entry, reasons: withShares(kept.get(entry.id)!, entry.score).sort(compareReasons) }));
}

/** Each reason's weight rounded, and its share of `score` in proportion to its log-chance. */
function withShares(reasons: readonly ScoredReason[], score: number): ScoredReason[] {
  const logChance = (weight: number): number => -Math.log(1 - Math.min(weight, 1 - 1e-9));
  const total = reasons.reduce((sum, reason) => sum + logChance(reason.weight), 0);
  return reasons.map((reason) => ({ ...reason, weight: round(reason.weight), share: round((score * logChance(reason.weight)) / total) }));
}

/** One reason and the candidates it holds for (the many nodes that share one neighbour share its reason). */
interface ReasonGroup {
  readonly reason: ScoredReason;
  readonly candidates: readonly string[];
  /** The candidates as node indices, when the evidence has them. */
  readonly nodes: Uint32Array | null;
}

/** Every reason the evidence gives with its candidates, leaving out reasons of weight 0 (tallies skip the source). */
function reasonGroups(source: string, evidence: RelatedEvidence, text: TextEvidence): ReasonGroup[] {
  const best = text.words.find((match) => match.id === source)?.score ?? text.words[0]?.score ?? 1;
  const groups: ReasonGroup[] = [];
  const add = (reason: ScoredReason, candidates: () => readonly string[], nodes: Uint32Array | null = null): void => {
    // Candidates are read only for a kept reason: a projection builds their ids on demand.
    if (round(reason.weight) > 0) groups.push({ reason, candidates: nodes ? [] : candidates(), nodes });
  };
  evidence.shared.forEach((shared, index) => {
    const kind = SHARED_REASONS[shared.viaKind];
    if (!kind) return;
    const weight = REASON_WEIGHTS[kind] * sharedNeighbourStrength(shared.sharers, evidence.population);
    const reason = { kind, via: shared.via, weight, sharers: shared.sharers, edge: null, similarity: null, share: 0 };
    add(reason, () => shared.candidates, evidence.nodes?.shared[index] ?? null);
  });
  for (const { candidate, edge } of evidence.direct) {
    const kind = edge.type === EdgeType.RELATES_TO ? ReasonKind.EDITOR_LINK : ReasonKind.DIRECT_EDGE;
    add({ kind, via: null, weight: REASON_WEIGHTS[kind] * edge.weight, sharers: null, edge, similarity: null, share: 0 }, () => [candidate]);
  }
  for (const match of text.words) {
    const similarity = Math.min(1, match.score / best);
    if (similarity < MIN_SIMILARITY) continue;
    const weight = REASON_WEIGHTS.TEXT_SIMILARITY * similarity;
    add({ kind: ReasonKind.TEXT_SIMILARITY, via: null, weight, sharers: null, edge: null, similarity, share: 0 }, () => [match.id]);
  }
  for (const match of text.meaning) {
    // A cosine at or below the floor weighs 0 and is left out, like any reason of weight 0.
    const weight = REASON_WEIGHTS.SIMILAR_MEANING * meaningStrength(match.similarity);
    add({ kind: ReasonKind.SIMILAR_MEANING, via: null, weight, sharers: null, edge: null, similarity: match.similarity, share: 0 }, () => [match.id]);
  }
  for (const { idea, matches } of text.ideas) {
    const kind = SIMILAR_TO_IDEA[idea.kind];
    if (!kind) continue;
    // An idea's rarity counts as it does for a shared one.
    const rarity = REASON_WEIGHTS[kind] * sharedNeighbourStrength(idea.sharers, evidence.population);
    for (const match of matches.filter((found) => found.id !== source).slice(0, IDEA_SEARCH.matches)) {
      const weight = rarity * meaningStrength(match.similarity);
      add({ kind, via: idea.id, weight, sharers: idea.sharers, edge: null, similarity: match.similarity, share: 0 }, () => [match.id]);
    }
  }
  return groups;
}

/** Each candidate's chance that no reason holds, Π(1 − weight), over the groups it is in. */
interface Tally {
  multiply(group: ReasonGroup, factor: number): void;
  /** The `first` best candidates by score, then id (see bestScored). */
  best(first: number): { id: string; score: number }[];
  /** Calls back with the entry of `kept` of each of the group's candidates that has one. */
  forEachAmong(group: ReasonGroup, kept: ReadonlyMap<string, ScoredReason[]>, visit: (reasons: ScoredReason[]) => void): void;
  /** Done: what it holds may be reused. */
  release(): void;
}

/** Candidates keyed by id (evidence read through Cypher). */
class IdTally implements Tally {
  private readonly miss = new Map<string, number>();

  constructor(private readonly source: string) {}

  multiply(group: ReasonGroup, factor: number): void {
    for (const candidate of group.candidates) {
      if (candidate !== this.source) this.miss.set(candidate, (this.miss.get(candidate) ?? 1) * factor);
    }
  }

  best(first: number): { id: string; score: number }[] {
    return bestScored([...this.miss.keys()], Float64Array.from(this.miss.values()), first);
  }

  forEachAmong(group: ReasonGroup, kept: ReadonlyMap<string, ScoredReason[]>, visit: (reasons: ScoredReason[]) => void): void {
    for (const candidate of group.candidates) {
      const reasons = kept.get(candidate);
      if (reasons) visit(reasons);
    }
  }

  release(): void {}
}

/**
 * A tally array per set of node indices (a projection version), all ones between requests:
 * through a role at 100k essays, allocating and filling one per request was a tenth of the
 * scoring time, and its garbage as much again. Taken out while in use, so it is never shared.
 */
const SPARE_TALLIES = new WeakMap<object, Float64Array>();

/** Candidates by node index, on arrays (evidence from the projection). */
class NodeTally implements Tally {
  private readonly miss: Float64Array;
  private readonly touched: number[] = [];
  private readonly source: number;
  private wanted: ReadonlyMap<number, ScoredReason[]> | null = null;

  constructor(
    private readonly nodes: IndexedCandidates,
    source: string,
  ) {
    const spare = SPARE_TALLIES.get(nodes.ids);
    SPARE_TALLIES.delete(nodes.ids);
    this.miss = spare?.length === nodes.ids.length ? spare : new Float64Array(nodes.ids.length).fill(1);
    this.source = nodes.indexOf(source) ?? -1;
  }

  /** Every touched entry back to 1, and the array kept for the next request. */
  release(): void {
    for (const node of this.touched) this.miss[node] = 1;
    SPARE_TALLIES.set(this.nodes.ids, this.miss);
  }

  multiply(group: ReasonGroup, factor: number): void {
    const nodes = group.nodes ?? this.indicesOf(group.candidates);
    // One plain loop: through a hub this runs for tens of thousands of candidates per request.
    const { miss, touched, source } = this;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node === source) continue;
      if (miss[node] === 1) touched.push(node);
      miss[node] = miss[node]! * factor;
    }
  }

  /**
   * As bestScored, on node indices: the cut is found in one pass, and when index order is id
   * order, ties at the cut are decided on indices, so only the winners' ids are ever read.
   */
  best(first: number): { id: string; score: number }[] {
    const ids = this.nodes.ids;
    if (!this.nodes.inIdOrder) {
      const missed = Float64Array.from(this.touched, (node) => this.miss[node]!);
      return bestScored(
        this.touched.map((node) => ids[node]!),
        missed,
        first,
      );
    }
    const touched = this.touched;
    const scores = new Float64Array(touched.length);
    for (let i = 0; i < touched.length; i++) scores[i] = round(1 - this.miss[touched[i]!]!);
    const cut = touched.length <= first ? -Infinity : largest(scores, first);
    const above: number[] = [];
    const tied: number[] = [];
    for (let i = 0; i < touched.length; i++) {
      if (scores[i]! > cut) above.push(i);
      else if (scores[i] === cut) tied.push(touched[i]!);
    }
    above.sort((a, b) => scores[b]! - scores[a]! || touched[a]! - touched[b]!);
    const fromTies = smallest(tied, first - above.length);
    return [...above.map((i) => ({ id: ids[touched[i]!]!, score: scores[i]! })), ...fromTies.map((node) => ({ id: ids[node]!, score: cut }))];
  }

  forEachAmong(group: ReasonGroup, kept: ReadonlyMap<string, ScoredReason[]>, visit: (reasons: ScoredReason[]) => void): void {
    if (!group.nodes) {
      for (const id of group.candidates) {
        const reasons = kept.get(id);
        if (reasons) visit(reasons);
      }
      return;
    }
    // A hub's thousands of candidates are not walked again: each of the few kept is looked up in them.
    for (const [node, reasons] of this.keptNodes(kept)) if (includes(group.nodes, node)) visit(reasons);
  }

  /** `kept` by node index, worked out once: every group asks about the same few. */
  private keptNodes(kept: ReadonlyMap<string, ScoredReason[]>): ReadonlyMap<number, ScoredReason[]> {
    if (!this.wanted) {
      const wanted = new Map<number, ScoredReason[]>();
      for (const [id, reasons] of kept) {
        const node = this.nodes.indexOf(id);
        if (node !== undefined) wanted.set(node, reasons);
      }
      this.wanted = wanted;
    }
    return this.wanted;
  }

  /** Candidates named by id (an editor's link, a text match): one the projection lacks is not of its version. */
  private indicesOf(ids: readonly string[]): number[] {
    return ids.flatMap((id) => {
      const node = this.nodes.indexOf(id);
      return node === undefined ? [] : [node];
    });
  }
}

/**
 * The `first` best candidates by score, then id, without sorting them all: through a hub there
 * are thousands, most of them tied on one shared neighbour, and ordering ids is the costly part.
 * Scores are rounded first, so equal evidence ties exactly.
 */
function bestScored(ids: readonly string[], missed: Float64Array, first: number): { id: string; score: number }[] {
  const scores = new Float64Array(missed.length);
  for (let i = 0; i < scores.length; i++) scores[i] = round(1 - missed[i]!);
  // The `first`-th best score: every candidate above it is in, ties at it compete on id.
  const cut = scores.length <= first ? -Infinity : scores.slice().sort()[scores.length - first]!;
  const above: { id: string; score: number }[] = [];
  const tied: string[] = [];
  ids.forEach((id, index) => {
    const score = scores[index]!;
    if (score > cut) above.push({ id, score });
    else if (score === cut) tied.push(id);
  });
  const fromTies = smallestIds(tied, first - above.length).map((id) => ({ id, score: cut }));
  return [...above.sort((a, b) => b.score - a.score || compareIds(a.id, b.id)), ...fromTies];
}

/**
 * The `rank`-th largest of `values` (1: the largest), equal values counted each: one pass over
 * plain numbers (no comparator call per value: through a role at 100k essays there are tens of
 * thousands), keeping the `rank` largest so far in descending order.
 */
function largest(values: Float64Array, rank: number): number {
  const kept = new Float64Array(rank).fill(-Infinity);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value <= kept[rank - 1]!) continue;
    let at = rank - 1;
    for (; at > 0 && kept[at - 1]! < value; at--) kept[at] = kept[at - 1]!;
    kept[at] = value;
  }
  return kept[rank - 1]!;
}

/** Whether ascending `values` hold `value`: a binary search. */
function includes(values: Uint32Array, value: number): boolean {
  let [low, high] = [0, values.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low < values.length && values[low] === value;
}

/** The `count` smallest numbers, ascending, in one pass as `largest` keeps its. */
function smallest(values: readonly number[], count: number): number[] {
  if (count <= 0) return [];
  const kept: number[] = [];
  for (const value of values) {
    if (kept.length === count && value >= kept[count - 1]!) continue;
    let at = kept.length === count ? count - 1 : kept.length;
    for (; at > 0 && kept[at - 1]! > value; at--) kept[at] = kept[at - 1]!;
    kept[at] = value;
  }
  return kept;
}

/** The `count` first ids in id order. */
function smallestIds(ids: readonly string[], count: number): string[] {
  return firstInOrder(ids, count, compareIds);
}

function compareReasons(a: ScoredReason, b: ScoredReason): number {
  return b.weight - a.weight || compareKeys(a.kind, b.kind) || compareIds(a.via ?? '', b.via ?? '');
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;
