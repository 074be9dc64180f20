import { compareIds } from '../domain/compare-ids';
import type { EdgeType } from '../domain/edge-type';
import { BadUserInputError, NotFoundError } from '../domain/errors';
import type { NodeRecord } from '../domain/graph-records';
import { requireNodeId } from '../domain/node-id';
import { NodeKind } from '../domain/node-kind';
import { jaccard, lift } from '../domain/principle-links';
import { readNodesById, type GraphReader } from '../domain/repositories';
import type { ThinkingReader } from '../domain/thinking-reader';
import type { RankedNode } from './centrality';

export interface PrincipleLink {
  readonly a: NodeRecord;
  readonly b: NodeRecord;
  readonly cooccurrences: number;
  readonly jaccard: number;
  readonly lift: number;
  readonly sharedEssays: readonly NodeRecord[];
  readonly directEdges: readonly EdgeType[];
}

/** Shared essays listed per pair (co-occurrences count them all). */
export const MAX_SHARED_ESSAYS = 20;

/**
 * Principle pairs that share at least `minShared` essays or are joined directly, with
 * co-occurrence, Jaccard and lift over essays; by co-occurrences, then Jaccard, then ids.
 */
export async function findPrincipleLinks(nodes: GraphReader, thinking: ThinkingReader, minShared: number, first: number): Promise<PrincipleLink[]> {
  const { essays, pairs } = await thinking.findPrinciplePairs(minShared, MAX_SHARED_ESSAYS);
  const measured = pairs
    .map((pair) => {
      const counts = { shared: pair.shared, first: pair.aEssays, second: pair.bEssays, essays };
      return { pair, jaccard: round(jaccard(counts)), lift: round(lift(counts)) };
    })
    .sort((x, y) => y.pair.shared - x.pair.shared || y.jaccard - x.jaccard || compareIds(x.pair.a, y.pair.a) || compareIds(x.pair.b, y.pair.b))
    .slice(0, first);
  const ids = [...new Set(measured.flatMap(({ pair }) => [pair.a, pair.b, ...pair.sharedEssays]))];
  const records = await readNodesById(nodes, ids);
  return measured.map(({ pair, jaccard: j, lift: l }) => ({
    a: records.get(pair.a)!,
    b: records.get(pair.b)!,
    cooccurrences: pair.shared,
    jaccard: j,
    lift: l,
    sharedEssays: pair.sharedEssays.flatMap((id) => records.get(id) ?? []),
    directEdges: pair.direct,
  }));
}

/** How strongly a direct APPLIES_TO counts against being stated in the role's essays. */
const APPLIES_SHARE = 0.6;

/**
 * Principles for a role: those that apply to it directly, and those stated in essays that
 * address it; the score mixes the APPLIES_TO weight with the share of the role's essays.
 */
export async function findPrinciplesForRole(nodes: GraphReader, thinking: ThinkingReader, role: string, first: number): Promise<RankedNode[]> {
  if (requireNodeId(role, 'role').kind !== NodeKind.ROLE) {
    throw new BadUserInputError('role', `"${role}" is not a role id.`);
  }
  const [record] = await nodes.findNodes([role]);
  if (!record) throw new NotFoundError('role', role);
  const { roleEssays, signals } = await thinking.findRoleSignals(role);
  const scored = signals
    .map((signal) => ({
      id: signal.principle,
      score: round(APPLIES_SHARE * (signal.applies ?? 0) + (1 - APPLIES_SHARE) * (roleEssays ? signal.essays / roleEssays : 0)),
    }))
    .sort((a, b) => b.score - a.score || compareIds(a.id, b.id))
    .slice(0, first);
  const records = await nodes.findNodes(scored.map((entry) => entry.id));
  return scored.flatMap((entry, index) => {
    const node = records[index];
    return node ? [{ node, score: entry.score, rank: index + 1 }] : [];
  });
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;
