import { NotFoundError } from '../domain/errors';
import type { NodeRecord } from '../domain/graph-records';
import { requireNodeId } from '../domain/node-id';
import { NodeKind } from '../domain/node-kind';
import { ReasonKind, scoreRelated, type ScoredCandidate, type ScoredReason } from '../domain/relatedness';
import { readNodesById, type GraphReader, type NodeSource } from '../domain/repositories';
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

const TEXT_MATCHES = 25;
const TEXT_WORDS = 24;

/**
 * The nodes of the same kind most related to `id`: read the evidence, score it with the one
 * formula of the domain (`scoreRelated`), then read the top nodes and the neighbours their
 * reasons go through in one batch, from `answerNodes` (outlines, when the answer selects no
 * properties and the reader has them). Deterministic: ties by id.
 */
export async function findRelatedThoughts(
  nodes: GraphReader,
  thinking: ThinkingReader,
  id: string,
  first: number,
  answerNodes: NodeSource = nodes,
): Promise<RelatedThought[]> {
  const { kind } = requireNodeId(id, 'id');
  const [source] = await nodes.findNodes([id]);
  if (!source) throw new NotFoundError('id', id);
  const [evidence, text] = await Promise.all([
    thinking.findRelatedEvidence(id, kind),
    thinking.findSimilarText(kind, distinctiveWords(source), TEXT_MATCHES),
  ]);
  return hydrate(answerNodes, scoreRelated(id, evidence, text, first));
}

async function hydrate(nodes: NodeSource, ranked: readonly ScoredCandidate[]): Promise<RelatedThought[]> {
  const vias = ranked.flatMap((entry) => entry.reasons.flatMap((reason) => (reason.via ? [reason.via] : [])));
  const ids = [...new Set([...ranked.map((entry) => entry.id), ...vias])];
  const records = await readNodesById(nodes, ids);
  return ranked.flatMap((entry) => {
    const node = records.get(entry.id);
    if (!node) return [];
    const reasons = entry.reasons.map((reason) => {
      const via = reason.via === null ? null : (records.get(reason.via) ?? null);
      return { kind: reason.kind, via, weight: reason.weight, description: describeReason(reason, via) };
    });
    return [{ node, score: entry.score, reasons }];
  });
}

function describeReason(reason: ScoredReason, via: NodeRecord | null): string {
  const note = reason.edge?.note ? `: ${reason.edge.note}` : '.';
  switch (reason.kind) {
    case ReasonKind.EDITOR_LINK:
      return `An editor linked them as related thoughts${note}`;
    case ReasonKind.DIRECT_EDGE:
      return `They are joined directly by ${reason.edge?.type}${note}`;
    case ReasonKind.TEXT_SIMILARITY:
      return `Their texts use many of the same words (similarity ${(reason.similarity ?? 0).toFixed(2)}).`;
    case ReasonKind.SHARED_PRINCIPLE:
    case ReasonKind.SHARED_CONCEPT:
    case ReasonKind.SHARED_ROLE:
    case ReasonKind.SHARED_ESSAY:
      return describeShared(via, reason.sharers ?? 0);
  }
}

function describeShared(via: NodeRecord | null, sharers: number): string {
  const rarity = sharers <= 2 ? 'which nothing else of their kind shares' : `shared by ${sharers} of their kind`;
  const label = via?.label ?? 'a node';
  switch (via?.kind) {
    case NodeKind.PRINCIPLE:
      return `Both connect to the principle "${label}", ${rarity}.`;
    case NodeKind.CONCEPT:
      return `Both connect to the concept "${label}", ${rarity}.`;
    case NodeKind.ROLE:
      return `Both speak to the role "${label}", ${rarity}.`;
    case NodeKind.ESSAY:
      return `Both appear in the essay "${label}", ${rarity}.`;
    default:
      return `Both connect to "${label}", ${rarity}.`;
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

