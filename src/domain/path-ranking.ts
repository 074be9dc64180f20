import type { IndexedPath, PathGraph } from './path-graph';

/*
 * How paths of equal length are ranked, in the spirit of Hetionet's degree-weighted path count
 * (DWPC): a path through a hub says little, because the hub joins almost everything.
 *
 *   score = Π over the nodes a path passes through (its ends excluded) of degree^-DAMPING
 *           × REVERSAL_FACTOR ^ (times the path turns against the edges' direction)
 *
 * With DAMPING 0.5 this orders the paths of one request exactly as Hetionet's path-degree
 * product with w = 0.5 does (each step damped by (degree(u) · degree(v))^-0.5): the two ends
 * are the same for every path of a request, and each inner node is met by two steps. A path
 * that reads one way ("Engineer grows into Engineering Leader, who grows into CTPO") keeps its
 * score; each turn ("Engineer requires Technical Depth, which is required by CTPO") halves it.
 *
 * Paths are ordered by (length, score, total weight, ids). Score and weight are compared as
 * integers in millionths so that every order of summing gives the same key, which lets the
 * search compare partial paths step by step and the tests compare with an independent oracle.
 */

export const DAMPING = 0.5;
export const REVERSAL_FACTOR = 0.5;
const SCALE = 1_000_000;

/** What leaving `node` costs a path that passes through it, in millionths of -ln(score). */
export function passThroughCost(degree: number): number {
  return Math.round(DAMPING * Math.log(Math.max(degree, 1)) * SCALE);
}

/** What one turn against the edges' direction costs, in millionths of -ln(score). */
export const REVERSAL_COST = Math.round(-Math.log(REVERSAL_FACTOR) * SCALE);

/** Weight missing from a full-strength edge, in millionths: lower is heavier. */
export function weightCost(weight: number): number {
  return Math.round((1 - Math.min(Math.max(weight, 0), 1)) * SCALE);
}

/** The additive parts of a path's rank; lower is better in each. */
export interface PathKey {
  readonly hops: number;
  readonly cost: number;
  readonly weightCost: number;
}

/** The key of a whole path, summed step by step from its start as the search sums it. */
export function keyOfPath(graph: PathGraph, path: IndexedPath): PathKey {
  let cost = 0;
  let weight = 0;
  path.edges.forEach((edge, step) => {
    if (step > 0) cost += passThroughCost(graph.degree(path.nodes[step]!));
    if (step > 0 && path.forward[step] !== path.forward[step - 1]) cost += REVERSAL_COST;
    weight += weightCost(graph.edgeWeight(edge));
  });
  return { hops: path.edges.length, cost, weightCost: weight };
}

/**
 * The total order on paths: length, score, weight, then their sequences of node ids and steps
 * (edge type, forwards before backwards) read from the start, then edge indices (only two
 * copies of one relationship differ there), so the same request always ranks alike.
 */
export function comparePaths(graph: PathGraph, a: IndexedPath, b: IndexedPath): number {
  const ka = keyOfPath(graph, a);
  const kb = keyOfPath(graph, b);
  return ka.hops - kb.hops || ka.cost - kb.cost || ka.weightCost - kb.weightCost || compareSequences(graph, a, b, a.edges.length);
}

/** A path's steps as the search holds them: `forward` as 1 or true for a step along its edge. */
export interface StepSequence {
  readonly nodes: ArrayLike<number>;
  readonly edges: ArrayLike<number>;
  readonly forward: ArrayLike<number | boolean>;
}

/** Compares two step sequences of `hops` steps each (see comparePaths for the order). */
export function compareSequences(graph: PathGraph, a: StepSequence, b: StepSequence, hops: number): number {
  for (let i = 0; i <= hops; i += 1) {
    const byNode = compareNodes(graph, a.nodes[i]!, b.nodes[i]!);
    if (byNode !== 0 || i === hops) return byNode || compareEdgeIndices(a, b, hops);
    const byStep = compareSteps(graph, a.edges[i]!, Boolean(a.forward[i]), b.edges[i]!, Boolean(b.forward[i]));
    if (byStep !== 0) return byStep;
  }
  return 0;
}

function compareNodes(graph: PathGraph, a: number, b: number): number {
  if (a === b) return 0;
  const ia = graph.nodeId(a);
  const ib = graph.nodeId(b);
  return ia < ib ? -1 : ia > ib ? 1 : a - b;
}

function compareSteps(graph: PathGraph, a: number, forwardA: boolean, b: number, forwardB: boolean): number {
  if (a === b) return 0;
  const ta = graph.edgeType(a);
  const tb = graph.edgeType(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return forwardA === forwardB ? 0 : forwardA ? -1 : 1;
}

function compareEdgeIndices(a: StepSequence, b: StepSequence, hops: number): number {
  for (let i = 0; i < hops; i += 1) if (a.edges[i] !== b.edges[i]) return a.edges[i]! - b.edges[i]!;
  return 0;
}

/** The nodes a path passes through, with their degrees: what its score was damped by. */
export interface PathExplanation {
  /** 0..1: 1 for a direct edge; see the formula at the top of this file. */
  readonly score: number;
  readonly through: readonly { readonly node: number; readonly degree: number }[];
  readonly reversals: number;
}

export function explainPath(graph: PathGraph, path: IndexedPath): PathExplanation {
  const through = path.nodes.slice(1, -1).map((node) => ({ node, degree: graph.degree(node) }));
  const reversals = path.forward.filter((forward, step) => step > 0 && forward !== path.forward[step - 1]).length;
  const damping = through.reduce((product, { degree }) => product * Math.max(degree, 1) ** -DAMPING, 1);
  return { score: damping * REVERSAL_FACTOR ** reversals, through, reversals };
}

/**
 * The explanation as one line a client can show: "2 steps through Engineering Leader
 * (degree 16), read in one direction". `labelOf` names a node of the path.
 */
export function describeRank(explanation: PathExplanation, hops: number, labelOf: (node: number) => string): string {
  const steps = hops === 1 ? '1 step' : `${hops} steps`;
  if (hops === 0) return 'the node itself';
  const through =
    explanation.through.length === 0
      ? ' directly'
      : ` through ${explanation.through.map(({ node, degree }) => `${labelOf(node)} (degree ${degree})`).join(', ')}`;
  return `${steps}${through}, ${describeDirection(explanation.reversals)}`;
}

function describeDirection(reversals: number): string {
  if (reversals === 0) return 'read in one direction';
  return reversals === 1 ? 'changing direction once' : `changing direction ${reversals} times`;
}
