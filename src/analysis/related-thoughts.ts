import { NotFoundError } from '../domain/errors';
import type { NodeRecord } from '../domain/graph-records';
import { requireNodeId } from '../domain/node-id';
import { ReasonKind, scoreRelated, type ScoredCandidate, type ScoredReason } from '../domain/relatedness';
import { readNodesById, type NodeSource } from '../domain/repositories';
import type { ThinkingReader } from '../domain/thinking-reader';

export interface RelationReason {
  readonly kind: ReasonKind;
  readonly via: NodeRecord | null;
  readonly weight: number;
  /** Its part of the score (see ScoredReason.share). */
  readonly share: number;
  readonly description: string;
}

export interface RelatedThought {
  readonly node: NodeRecord;
  readonly score: number;
  readonly reasons: readonly RelationReason[];
}

const TEXT_MATCHES = 25;

/**
 * The nodes of the same kind most related to `id`: read the evidence and the text matches (side
 * by side), score them with the one formula of the domain (`scoreRelated`), then read the top nodes and the neighbours their
 * reasons go through in one batch, from `answerNodes` (outlines, when the answer selects no
 * properties and the reader has them). Deterministic: ties by id.
 */
export async function findRelatedThoughts(thinking: ThinkingReader, id: string, first: number, answerNodes: NodeSource): Promise<RelatedThought[]> {
  const { kind } = requireNodeId(id, 'id');
  const [evidence, text] = await Promise.all([thinking.findRelatedEvidence(id, kind), thinking.findTextEvidence(id, kind, TEXT_MATCHES)]);
  // The text search starts from the node itself: no text match list means no such node.
  if (text === null) throw new NotFoundError('id', id);
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
      return { kind: reason.kind, via, weight: reason.weight, share: reason.share, description: describeReason(reason, via) };
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
    case ReasonKind.SIMILAR_MEANING:
      return `Their texts say similar things (similarity ${(reason.similarity ?? 0).toFixed(2)}).`;
    case ReasonKind.SIMILAR_TO_PRINCIPLE:
    case ReasonKind.SIMILAR_TO_CONCEPT:
      return `One connects to the ${reason.kind === ReasonKind.SIMILAR_TO_PRINCIPLE ? 'principle' : 'concept'} "${via?.label ?? 'an idea'}", and the other's text says much the same (similarity ${(reason.similarity ?? 0).toFixed(2)}).`;
    case ReasonKind.SHARED_PRINCIPLE:
    case ReasonKind.SHARED_CONCEPT:
    case ReasonKind.SHARED_ROLE:
    case ReasonKind.SHARED_ESSAY:
      return describeShared(reason.kind, via, reason.sharers ?? 0);
  }
}

type SharedReasonKind = ReasonKind.SHARED_PRINCIPLE | ReasonKind.SHARED_CONCEPT | ReasonKind.SHARED_ROLE | ReasonKind.SHARED_ESSAY;

/** The reason names what was shared; a new shared kind is a compile error here until it has its sentence. */
function describeShared(kind: SharedReasonKind, via: NodeRecord | null, sharers: number): string {
  const rarity = sharers <= 2 ? 'which nothing else of their kind shares' : `shared by ${sharers} of their kind`;
  const label = via?.label ?? 'a node';
  switch (kind) {
    case ReasonKind.SHARED_PRINCIPLE:
      return `Both connect to the principle "${label}", ${rarity}.`;
    case ReasonKind.SHARED_CONCEPT:
      return `Both connect to the concept "${label}", ${rarity}.`;
    case ReasonKind.SHARED_ROLE:
      return `Both speak to the role "${label}", ${rarity}.`;
    case ReasonKind.SHARED_ESSAY:
      return `Both appear in the essay "${label}", ${rarity}.`;
  }
}
