import { EdgeType } from '../domain/edge-type';
import { NotFoundError } from '../domain/errors';
import type { NodeRecord } from '../domain/graph-records';
import { requireNodeId } from '../domain/node-id';
import { NodeKind } from '../domain/node-kind';
import { combineEvidence, REASON_WEIGHTS, ReasonKind, sharedNeighbourStrength } from '../domain/relatedness';
import type { GraphReader } from '../domain/repositories';
import { searchWords } from '../domain/search-text';
import type { ThinkingReader } from '../domain/thinking-reader';

export interface RelationReason {
  readonly kind: ReasonKind;
  readonly via: NodeRecord | null;
  readonly weight: number;
  readonly description: string;
}

export interface RelatedThought {
  readonly node: NodeRecord;
  readonly score: number;
  readonly reasons: readonly RelationReason[];
}

/** Candidates read per request before scoring; the rest are too weakly linked to rank. */
const MAX_CANDIDATES = 200;
const TEXT_MATCHES = 25;
const TEXT_WORDS = 24;

const SHARED_REASON: Partial<Record<NodeKind, ReasonKind>> = {
  [NodeKind.PRINCIPLE]: ReasonKind.SHARED_PRINCIPLE,
  [NodeKind.CONCEPT]: ReasonKind.SHARED_CONCEPT,
  [NodeKind.ROLE]: ReasonKind.SHARED_ROLE,
  [NodeKind.ESSAY]: ReasonKind.SHARED_ESSAY,
};

/**
 * The nodes of the same kind most related to `id`: shared neighbours weighted by how rare they
 * are, editor links and other direct edges, and text similarity. Deterministic: ties by id.
 */
export async function findRelatedThoughts(
  nodes: GraphReader,
  thinking: ThinkingReader,
  id: string,
  first: number,
): Promise<RelatedThought[]> {
  const { kind } = requireNodeId(id, 'id');
  const [source] = await nodes.findNodes([id]);
  if (!source) throw new NotFoundError('id', id);
  const [evidence, text] = await Promise.all([
    thinking.findRelatedEvidence(id, kind, MAX_CANDIDATES),
    thinking.findSimilarText(kind, distinctiveWords(source), TEXT_MATCHES),
  ]);
  const reasons = new Map<string, RelationReason[]>();
  const add = (candidate: string, reason: RelationReason): void => {
    if (candidate !== id) reasons.set(candidate, [...(reasons.get(candidate) ?? []), reason]);
  };
  for (const shared of evidence.shared) {
    const reasonKind = SHARED_REASON[shared.via.kind];
    if (!reasonKind) continue;
    const weight = REASON_WEIGHTS[reasonKind] * sharedNeighbourStrength(shared.sharers, evidence.population);
    add(shared.candidate, { kind: reasonKind, via: shared.via, weight, description: describeShared(shared.via, shared.sharers) });
  }
  for (const { candidate, edge } of evidence.direct) {
    const editor = edge.type === EdgeType.RELATES_TO;
    const reasonKind = editor ? ReasonKind.EDITOR_LINK : ReasonKind.DIRECT_EDGE;
    const description = editor
      ? `An editor linked them as related thoughts${edge.note ? `: ${edge.note}` : '.'}`
      : `They are joined directly by ${edge.type}${edge.note ? `: ${edge.note}` : '.'}`;
    add(candidate, { kind: reasonKind, via: null, weight: REASON_WEIGHTS[reasonKind] * edge.weight, description });
  }
  const best = text.find((match) => match.id === id)?.score ?? text[0]?.score ?? 1;
  for (const match of text) {
    const similarity = Math.min(1, match.score / best);
    if (similarity < 0.05) continue;
    add(match.id, {
      kind: ReasonKind.TEXT_SIMILARITY,
      via: null,
      weight: REASON_WEIGHTS.TEXT_SIMILARITY * similarity,
      description: `Their texts use many of the same words (similarity ${similarity.toFixed(2)}).`,
    });
  }
  return rank(nodes, reasons, first);
}

async function rank(nodes: GraphReader, reasons: Map<string, RelationReason[]>, first: number): Promise<RelatedThought[]> {
  const ranked = [...reasons.entries()]
    .map(([candidate, list]) => ({
      candidate,
      score: round(combineEvidence(list.map((reason) => reason.weight))),
      reasons: [...list]
        .map((reason) => ({ ...reason, weight: round(reason.weight) }))
        .sort((a, b) => b.weight - a.weight || a.kind.localeCompare(b.kind) || (a.via?.id ?? '').localeCompare(b.via?.id ?? '')),
    }))
    .sort((a, b) => b.score - a.score || a.candidate.localeCompare(b.candidate))
    .slice(0, first);
  const records = await nodes.findNodes(ranked.map((entry) => entry.candidate));
  return ranked.flatMap((entry, index) => {
    const node = records[index];
    return node ? [{ node, score: entry.score, reasons: entry.reasons }] : [];
  });
}

function describeShared(via: NodeRecord, sharers: number): string {
  const rarity = sharers <= 2 ? 'which nothing else of their kind shares' : `shared by ${sharers} of their kind`;
  switch (via.kind) {
    case NodeKind.PRINCIPLE:
      return `Both connect to the principle "${via.label}", ${rarity}.`;
    case NodeKind.CONCEPT:
      return `Both connect to the concept "${via.label}", ${rarity}.`;
    case NodeKind.ROLE:
      return `Both speak to the role "${via.label}", ${rarity}.`;
    default:
      return `Both appear in the essay "${via.label}", ${rarity}.`;
  }
}

const STOP_WORDS = new Set(
  'a an the and or but of to in on for with as at by from into is are was were be been it its this that these those not no can cannot you your they their them we our how what when where which who why than then so such too very more most less much many also only just about over under out up down all any each every other own same both'.split(
    ' ',
  ),
);

/** The node's longest, most repeated non-trivial words: the query for "more like this". */
export function distinctiveWords(node: NodeRecord): string[] {
  const text = ['summary', 'statement', 'description', 'body']
    .map((key) => node.properties[key])
    .filter((value): value is string => typeof value === 'string')
    .join(' ');
  const counts = new Map<string, number>();
  for (const word of searchWords(text)) {
    if (word.length >= 4 && !STOP_WORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))
    .slice(0, TEXT_WORDS)
    .map(([word]) => word);
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;
