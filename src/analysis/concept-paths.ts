import { BOUNDS } from '../domain/bounds';
import { BadUserInputError, NotFoundError } from '../domain/errors';
import type { EdgeRecord, NodeRecord } from '../domain/graph-records';
import { requireNodeId } from '../domain/node-id';
import { readPath } from '../domain/path-reading';
import { rankFoundPaths, type RankedPath } from '../domain/rank-found-paths';
import { readNodesById, type NodeSource } from '../domain/repositories';
import type { PathQuery, ThinkingReader } from '../domain/thinking-reader';

export interface PathStep {
  readonly edge: EdgeRecord;
  /** True when the path walks the edge from its source to its target. */
  readonly forward: boolean;
}

export interface ConceptPath {
  readonly nodes: readonly NodeRecord[];
  readonly steps: readonly PathStep[];
  readonly length: number;
  readonly reading: string;
  /** 0..1: how informative the path is among paths of its length (see path-ranking.ts). */
  readonly score: number;
  /** The score explained in one line. */
  readonly why: string;
}

export type PathRequest = Omit<PathQuery, 'groups'> & { readonly k: number };

/**
 * Up to k simple paths from `from` to `to`: the k shortest, and among paths of one length the
 * most informative first (through specific nodes rather than hubs, reading in one direction;
 * then heavier, then ids), so the same request always gives the same answer.
 * Read candidates, rank them with the pure ranking, hydrate: any ThinkingReader feeds it. The
 * answer's nodes come from `nodes` (outlines, when the answer selects no properties and the
 * reader has them).
 */
export async function findConceptPaths(nodes: NodeSource, thinking: ThinkingReader, request: PathRequest): Promise<ConceptPath[]> {
  validatePathRequest(request);
  const [from, to] = await nodes.findNodes([request.from, request.to]);
  if (!from) throw new NotFoundError('from', request.from);
  if (!to) throw new NotFoundError('to', request.to);
  if (from.id === to.id) {
    return [{ nodes: [from], steps: [], length: 0, reading: readPath([from], []), score: 1, why: 'the node itself' }];
  }
  // The shortest length group usually holds k paths already, and reading one group is an order
  // of magnitude cheaper than reading k; widen to k groups only when it does not.
  let found = await thinking.findPaths({ ...request, groups: 1 });
  if (found.length > 0 && found.length < request.k) found = await thinking.findPaths({ ...request, groups: request.k });
  const ranked = rankFoundPaths(found, request.k);
  // A reader with outlines found the paths with them: read the records the answer wants.
  return (thinking.outlineNodes ? await hydratePaths(nodes, ranked) : ranked).map(toConceptPath);
}

async function hydratePaths(nodes: NodeSource, paths: readonly RankedPath[]): Promise<RankedPath[]> {
  const ids = [...new Set(paths.flatMap((path) => path.nodes.map((node) => node.id)))];
  const records = await readNodesById(nodes, ids);
  // A node the graph lost since the projection's version drops its path, as the reader would have.
  return paths.flatMap((path) => {
    const hydrated = path.nodes.map((node) => records.get(node.id));
    return hydrated.every((node) => node !== undefined) ? [{ ...path, nodes: hydrated }] : [];
  });
}

function validatePathRequest(request: PathRequest): void {
  requireNodeId(request.from, 'from');
  requireNodeId(request.to, 'to');
  request.avoid.forEach((id, index) => requireNodeId(id, `avoid[${index}]`));
  if (request.avoid.length > BOUNDS.path.avoid.max) {
    throw new BadUserInputError('avoid', `avoid takes at most ${BOUNDS.path.avoid.max} ids.`);
  }
  if (request.avoid.includes(request.from) || request.avoid.includes(request.to)) {
    throw new BadUserInputError('avoid', 'avoid cannot name the path’s own ends.');
  }
}

function toConceptPath(path: RankedPath): ConceptPath {
  const steps = path.edges.map((edge, index) => ({ edge, forward: path.forward[index]! }));
  return {
    nodes: path.nodes,
    steps,
    length: steps.length,
    reading: readPath(
      path.nodes,
      steps.map((step) => ({ type: step.edge.type, forward: step.forward })),
    ),
    score: path.score,
    why: path.why,
  };
}
