import { BOUNDS } from '../domain/bounds';
import { BadUserInputError, NotFoundError } from '../domain/errors';
import type { EdgeRecord, NodeRecord } from '../domain/graph-records';
import { requireNodeId } from '../domain/node-id';
import { readPath } from '../domain/path-reading';
import type { GraphReader } from '../domain/repositories';
import type { FoundPath, PathQuery, ThinkingReader } from '../domain/thinking-reader';

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
}

export type PathRequest = Omit<PathQuery, 'groups'> & { readonly k: number };

/**
 * Up to k paths from `from` to `to`, shortest first; ties go to heavier paths, then to the
 * lexically smaller sequence of node ids, so the same request always gives the same answer.
 */
export async function findConceptPaths(
  nodes: GraphReader,
  thinking: ThinkingReader,
  request: PathRequest,
): Promise<ConceptPath[]> {
  validatePathRequest(request);
  const [from, to] = await nodes.findNodes([request.from, request.to]);
  if (!from) throw new NotFoundError('from', request.from);
  if (!to) throw new NotFoundError('to', request.to);
  if (from.id === to.id) return [{ nodes: [from], steps: [], length: 0, reading: readPath([from], []) }];
  // The shortest length group usually holds k paths already, and reading one group is an order
  // of magnitude cheaper than reading k; widen to k groups only when it does not.
  let found = await thinking.findPaths({ ...request, groups: 1 });
  if (found.length > 0 && found.length < request.k) found = await thinking.findPaths({ ...request, groups: request.k });
  return found.map(toConceptPath).sort(comparePaths).slice(0, request.k);
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

function toConceptPath(path: FoundPath): ConceptPath {
  const steps = path.edges.map((edge, index) => ({ edge, forward: edge.source === path.nodes[index]!.id }));
  return {
    nodes: path.nodes,
    steps,
    length: steps.length,
    reading: readPath(path.nodes, steps.map((step) => ({ type: step.edge.type, forward: step.forward }))),
  };
}

function comparePaths(a: ConceptPath, b: ConceptPath): number {
  return (
    a.length - b.length ||
    totalWeight(b) - totalWeight(a) ||
    idSequence(a).localeCompare(idSequence(b))
  );
}

const totalWeight = (path: ConceptPath): number => path.steps.reduce((sum, step) => sum + step.edge.weight, 0);
const idSequence = (path: ConceptPath): string =>
  path.nodes.map((node) => node.id).join(' ') + ' ' + path.steps.map((step) => step.edge.type).join(' ');
