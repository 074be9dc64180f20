import type { IndexedPath, PathGraph } from './path-graph';
import { comparePaths, compareSequences, keyOfPath, passThroughCost, REVERSAL_COST, weightCost } from './path-ranking';

export interface ShortestPathOptions {
  readonly k: number;
  readonly maxHops: number;
}

/**
 * Exactly the first k of all simple paths from `from` to `to` with at most `maxHops` edges,
 * sorted by `comparePaths` (length, then score, weight and ids; see path-ranking.ts).
 *
 * Yen's algorithm. Its inner search is a Dijkstra over (node, direction of the last step) on
 * the whole lexicographic key, so that it returns the best path under the same total order
 * the answer is sorted by (a plain breadth-first search would return an arbitrary path among
 * ties, and Yen's would then return arbitrary ties too). Hops come first in the key, so the
 * best walk is always simple.
 */
export function findShortestSimplePaths(graph: PathGraph, from: number, to: number, options: ShortestPathOptions): IndexedPath[] {
  if (options.k < 1) return [];
  if (from === to) return [{ nodes: [from], edges: [], forward: [] }];
  const search = new BestPathSearch(graph, from, to, options.maxHops);
  const first = search.run(from, NONE, rootOf(graph, null, 0), [], NO_EDGES);
  if (!first) return [];
  const accepted: IndexedPath[] = [first];
  const candidates: IndexedPath[] = [];
  const seen = new Set<string>([signature(first)]);
  while (accepted.length < options.k) {
    for (const candidate of spurCandidates(graph, search, accepted)) {
      const key = signature(candidate);
      if (!seen.has(key)) {
        seen.add(key);
        candidates.push(candidate);
      }
    }
    if (candidates.length === 0) break;
    accepted.push(takeBest(graph, candidates));
  }
  return accepted;
}

const NONE = 0;
const FORWARD = 1;
const BACKWARD = 2;
const STATES_PER_NODE = 3;
const UNREACHABLE = 0x3fffffff;
const REVERSE_SEARCH_NODES = 2000;
const NO_EDGES: ReadonlySet<number> = new Set();

interface Root {
  readonly hops: number;
  readonly cost: number;
  readonly weightCost: number;
}

/** Yen's deviations from the last accepted path, one per node it passes (the spur nodes). */
function spurCandidates(graph: PathGraph, search: BestPathSearch, accepted: readonly IndexedPath[]): IndexedPath[] {
  const last = accepted.at(-1)!;
  const found: IndexedPath[] = [];
  for (let j = 0; j < last.edges.length; j += 1) {
    const blocked = new Set<number>();
    for (const path of accepted) if (sharesRoot(path, last, j)) blocked.add(path.edges[j]!);
    const direction = j === 0 ? NONE : last.forward[j - 1] ? FORWARD : BACKWARD;
    const spur = search.run(last.nodes[j]!, direction, rootOf(graph, last, j), last.nodes.slice(0, j), blocked);
    if (spur) found.push(joinPaths(last, j, spur));
  }
  return found;
}

/** The key of the path's first `hops` steps, its last node counted as passed through (the search charges a node on entry). */
function rootOf(graph: PathGraph, path: IndexedPath | null, hops: number): Root {
  if (!path || hops === 0) return { hops: 0, cost: 0, weightCost: 0 };
  const key = keyOfPath(graph, {
    nodes: path.nodes.slice(0, hops + 1),
    edges: path.edges.slice(0, hops),
    forward: path.forward.slice(0, hops),
  });
  return { ...key, cost: key.cost + passThroughCost(graph.degree(path.nodes[hops]!)) };
}

/** True when `path` starts with the first `hops` steps of `last` and goes on past them. */
function sharesRoot(path: IndexedPath, last: IndexedPath, hops: number): boolean {
  if (path.edges.length <= hops) return false;
  for (let i = 0; i < hops; i += 1) {
    if (path.edges[i] !== last.edges[i] || path.nodes[i + 1] !== last.nodes[i + 1]) return false;
  }
  return true;
}

function joinPaths(root: IndexedPath, hops: number, spur: IndexedPath): IndexedPath {
  return {
    nodes: [...root.nodes.slice(0, hops), ...spur.nodes],
    edges: [...root.edges.slice(0, hops), ...spur.edges],
    forward: [...root.forward.slice(0, hops), ...spur.forward],
  };
}

function signature(path: IndexedPath): string {
  return `${path.nodes.join(',')}|${path.edges.join(',')}`;
}

function takeBest(graph: PathGraph, candidates: IndexedPath[]): IndexedPath {
  let best = 0;
  for (let i = 1; i < candidates.length; i += 1) {
    if (comparePaths(graph, candidates[i]!, candidates[best]!) < 0) best = i;
  }
  return candidates.splice(best, 1)[0]!;
}

/**
 * One best-path search at a time, reusing its typed arrays across Yen's spur searches: a
 * Dijkstra whose states are (node, direction of the step into it), because turning against
 * the edges costs, and whose key is (hops + distance still to go, cost, weight, hops, ids).
 * Every array is stamped with the run that wrote it instead of being cleared.
 */
class BestPathSearch {
  private readonly toTarget: Int32Array;
  /** The reverse search's complete layers: nodes by their exact distance to the target. */
  private readonly layers: Layers;
  private readonly leaveCost: Float64Array;
  private readonly heap = new EntryHeap((a, b) => this.compareEntries(a, b));
  private readonly chainA: Chain;
  private readonly chainB: Chain;
  /** The per-state arrays, shared by every search on a graph of this size. */
  private readonly states: SearchStates;
  private stamp = 0;
  private rootHops = 0;
  /** The deepening bound on f of the current run, and whether a label was left out for it. */
  private bound = 0;
  private beyondBound = false;

  constructor(
    private readonly graph: PathGraph,
    start: number,
    private readonly target: number,
    private readonly maxHops: number,
  ) {
    this.states = searchStatesFor(graph.nodeCount);
    ({ distance: this.toTarget, layers: this.layers } = distancesToTarget(graph, start, target, maxHops));
    this.leaveCost = new Float64Array(graph.nodeCount).fill(-1);
    this.chainA = newChain(maxHops);
    this.chainB = newChain(maxHops);
  }

  /**
   * The best path from `spur` to the target that avoids `blockedNodes` and does not leave
   * `spur` by a `blockedEdges` edge, given the root (the path's first steps) that reached
   * `spur` with its last step in `direction`. Returns the spur part only, or null.
   */
  run(spur: number, direction: number, root: Root, blockedNodes: readonly number[], blockedEdges: ReadonlySet<number>): IndexedPath | null {
    if (this.toTarget[spur]! === UNREACHABLE || root.hops + this.toTarget[spur]! > this.maxHops) return null;
    // Deepening on f (hops so far + hops still to go, never overestimated, never falling along a
    // step): a search that queues only labels up to a bound pops the same labels in the same order
    // as one without it until the target, whenever the target is within the bound, since f leads
    // the heap's order. Past a hub most neighbours lead away from the target; they are not queued
    // until no path within the bound exists.
    for (let bound = root.hops + this.toTarget[spur]!; bound <= this.maxHops; bound += 1) {
      this.bound = bound;
      this.beyondBound = false;
      const path = this.runWithin(spur, direction, root, blockedNodes, blockedEdges);
      if (path || !this.beyondBound) return path;
    }
    return null;
  }

  private runWithin(spur: number, direction: number, root: Root, blockedNodes: readonly number[], blockedEdges: ReadonlySet<number>): IndexedPath | null {
    this.stamp = nextStamp(this.states);
    this.rootHops = root.hops;
    for (const node of blockedNodes) this.states.blockedNode[node] = this.stamp;
    const heap = this.heap;
    heap.clear();
    heap.push(spur * STATES_PER_NODE + direction, -1, -1, 0, root.hops, root.hops + this.toTarget[spur]!, root.cost, root.weightCost);
    while (heap.size > 0) {
      const entry = heap.pop();
      const state = heap.state[entry]!;
      if (this.states.settled[state] === this.stamp) continue;
      this.settle(state, entry);
      const node = (state / STATES_PER_NODE) | 0;
      if (node === this.target) return this.materialize(state);
      this.expand(state, node, spur, blockedEdges);
    }
    return null;
  }

  private settle(state: number, entry: number): void {
    const heap = this.heap;
    this.states.settled[state] = this.stamp;
    this.states.settledParent[state] = heap.parent[entry]!;
    this.states.settledEdge[state] = heap.edge[entry]!;
    this.states.settledForward[state] = heap.forward[entry]!;
    this.states.settledHops[state] = heap.hops[entry]!;
    this.states.settledCost[state] = heap.cost[entry]!;
    this.states.settledWeight[state] = heap.weight[entry]!;
  }

  private expand(state: number, node: number, spur: number, blockedEdges: ReadonlySet<number>): void {
    const hops = this.states.settledHops[state]! + 1;
    if (hops > this.maxHops) return;
    const direction = state % STATES_PER_NODE;
    const base = this.states.settledCost[state]!;
    const weight = this.states.settledWeight[state]!;
    const visit = (to: number, edge: number, forward: boolean): void => {
      if (to === node || this.states.blockedNode[to] === this.stamp) return;
      if (node === spur && blockedEdges.has(edge)) return;
      const f = hops + this.toTarget[to]!;
      if (f > this.bound) {
        // Never recorded as seen: a label beyond the bound cannot be better than one within it.
        if (f <= this.maxHops) this.beyondBound = true;
        return;
      }
      const turn = forward ? FORWARD : BACKWARD;
      // A node is charged as it is entered (every node but the target is passed through), so
      // that a label's cost already holds what its next step cannot avoid.
      const reversal = direction !== NONE && direction !== turn ? REVERSAL_COST : 0;
      const cost = base + reversal + (to === this.target ? 0 : this.passThrough(to));
      const next = to === this.target ? to * STATES_PER_NODE : to * STATES_PER_NODE + turn;
      if (this.states.settled[next] === this.stamp) return;
      const nextWeight = weight + weightCost(this.graph.edgeWeight(edge));
      if (this.dominated(next, f, cost, nextWeight)) return;
      this.heap.push(next, state, edge, forward ? 1 : 0, hops, f, cost, nextWeight);
    };
    // A step can only be queued into a node at most `this.bound - hops` from the target. When the
    // nodes that near are known and their edges are fewer than this node's (a hub's thousands),
    // find the steps from their side: the same steps, fewer looked at. Queue order does not
    // matter: the heap's order is total.
    const near = node === spur ? null : this.layers.within(this.bound - hops);
    if (near === null || near.edges >= this.graph.degree(node)) {
      this.graph.forEachStep(node, visit);
      return;
    }
    for (const to of near.nodes) {
      this.graph.forEachStepInto!(to, (from, edge, forward) => {
        if (from === node) visit(to, edge, forward);
      });
    }
  }

  /** True when a label already queued for `state` is strictly better on (f, cost, weight). */
  private dominated(state: number, f: number, cost: number, weight: number): boolean {
    if (this.states.bestSeen[state] === this.stamp) {
      const order = this.states.bestF[state]! - f || this.states.bestCost[state]! - cost || this.states.bestWeight[state]! - weight;
      if (order < 0) return true;
      if (order === 0) return false;
    }
    this.states.bestSeen[state] = this.stamp;
    this.states.bestF[state] = f;
    this.states.bestCost[state] = cost;
    this.states.bestWeight[state] = weight;
    return false;
  }

  private passThrough(node: number): number {
    let cost = this.leaveCost[node]!;
    if (cost < 0) cost = this.leaveCost[node] = passThroughCost(this.graph.degree(node));
    return cost;
  }

  private materialize(state: number): IndexedPath {
    const nodes: number[] = [];
    const edges: number[] = [];
    const forward: boolean[] = [];
    for (let at = state; at !== -1; at = this.states.settledParent[at]!) {
      nodes.push((at / STATES_PER_NODE) | 0);
      if (this.states.settledParent[at] !== -1) {
        edges.push(this.states.settledEdge[at]!);
        forward.push(this.states.settledForward[at] === 1);
      }
    }
    return { nodes: nodes.reverse(), edges: edges.reverse(), forward: forward.reverse() };
  }

  /** Heap order: (f, cost, weight, hops), then ids for two labels of one state, else the state. */
  private compareEntries(a: number, b: number): number {
    const heap = this.heap;
    const order = heap.f[a]! - heap.f[b]! || heap.cost[a]! - heap.cost[b]! || heap.weight[a]! - heap.weight[b]! || heap.hops[a]! - heap.hops[b]!;
    if (order !== 0) return order;
    if (heap.state[a] !== heap.state[b]) return heap.state[a]! - heap.state[b]!;
    return this.compareChains(a, b);
  }

  /** Two labels of one state with equal keys: compare their node and step sequences from the spur. */
  private compareChains(a: number, b: number): number {
    const hops = this.heap.hops[a]! - this.rootHops;
    this.fillChain(a, hops, this.chainA);
    this.fillChain(b, hops, this.chainB);
    return compareSequences(this.graph, this.chainA, this.chainB, hops);
  }

  private fillChain(entry: number, hops: number, chain: Chain): void {
    const heap = this.heap;
    chain.nodes[hops] = (heap.state[entry]! / STATES_PER_NODE) | 0;
    if (hops > 0) {
      chain.edges[hops - 1] = heap.edge[entry]!;
      chain.forward[hops - 1] = heap.forward[entry]!;
    }
    let at = heap.parent[entry]!;
    for (let i = hops - 1; i >= 0; i -= 1) {
      chain.nodes[i] = (at / STATES_PER_NODE) | 0;
      if (i > 0) {
        chain.edges[i - 1] = this.states.settledEdge[at]!;
        chain.forward[i - 1] = this.states.settledForward[at]!;
      }
      at = this.states.settledParent[at]!;
    }
  }
}

/**
 * The per-state arrays of the search, kept between requests on a graph of one size: a search is
 * synchronous, so one set serves them all, and on a 100k-node graph they are about 17 MB that
 * would otherwise be allocated and zeroed per request. Entries are valid only under the current
 * stamp, which keeps rising across searches.
 */
interface SearchStates {
  readonly nodeCount: number;
  stamp: number;
  readonly settled: Int32Array;
  readonly settledParent: Int32Array;
  readonly settledEdge: Int32Array;
  readonly settledForward: Uint8Array;
  readonly settledCost: Float64Array;
  readonly settledWeight: Float64Array;
  readonly settledHops: Int32Array;
  readonly bestSeen: Int32Array;
  readonly bestF: Int32Array;
  readonly bestCost: Float64Array;
  readonly bestWeight: Float64Array;
  readonly blockedNode: Int32Array;
}

let kept: SearchStates | null = null;

function searchStatesFor(nodeCount: number): SearchStates {
  if (kept?.nodeCount === nodeCount) return kept;
  const states = nodeCount * STATES_PER_NODE;
  kept = {
    nodeCount,
    stamp: 0,
    settled: new Int32Array(states),
    settledParent: new Int32Array(states),
    settledEdge: new Int32Array(states),
    settledForward: new Uint8Array(states),
    settledCost: new Float64Array(states),
    settledWeight: new Float64Array(states),
    settledHops: new Int32Array(states),
    bestSeen: new Int32Array(states),
    bestF: new Int32Array(states),
    bestCost: new Float64Array(states),
    bestWeight: new Float64Array(states),
    blockedNode: new Int32Array(nodeCount),
  };
  return kept;
}

/** A stamp no entry carries yet; when they run out, the stamped arrays are cleared and counting restarts. */
function nextStamp(states: SearchStates): number {
  if (states.stamp >= 0x7ffffff0) {
    states.settled.fill(0);
    states.bestSeen.fill(0);
    states.blockedNode.fill(0);
    states.stamp = 0;
  }
  return (states.stamp += 1);
}

interface Chain {
  readonly nodes: Int32Array;
  readonly edges: Int32Array;
  readonly forward: Uint8Array;
}

/**
 * Hops from each node to the target, by breadth-first search backwards from it, when the graph
 * can walk backwards; 0 everywhere (no guidance) when it cannot. The search stops at the layer
 * that reaches `start`, or once it has reached REVERSE_SEARCH_NODES (past a hub the next layer
 * is most of the graph, and the forward search covers the rest of the way more cheaply); nodes
 * it did not reach get one more than the last layer, which still never overestimates.
 * UNREACHABLE marks nodes that cannot reach the target within maxHops.
 */
function distancesToTarget(graph: PathGraph, start: number, target: number, maxHops: number): { distance: Int32Array; layers: Layers } {
  const distance = new Int32Array(graph.nodeCount);
  const layers = new Layers(graph);
  if (!graph.forEachStepInto) return { distance, layers };
  distance.fill(UNREACHABLE);
  distance[target] = 0;
  let frontier = [target];
  let depth = 0;
  let reached = 1;
  while (frontier.length > 0 && depth < maxHops && distance[start] === UNREACHABLE && reached < REVERSE_SEARCH_NODES) {
    // Every node at distance `depth` is in the frontier now: the layer is complete.
    layers.add(frontier);
    const next: number[] = [];
    for (const node of frontier) {
      graph.forEachStepInto(node, (from) => {
        if (distance[from] === UNREACHABLE) {
          distance[from] = depth + 1;
          next.push(from);
          reached += 1;
        }
      });
    }
    frontier = next;
    depth += 1;
  }
  // The last frontier is complete too (its nodes are all those at `depth`), unless the graph ends there.
  layers.add(frontier);
  if (frontier.length > 0 && depth < maxHops) {
    for (let node = 0; node < distance.length; node += 1) if (distance[node] === UNREACHABLE) distance[node] = depth + 1;
  }
  return { distance, layers };
}

/**
 * The complete layers of the reverse search: `within(d)` is every node at distance at most `d`
 * from the target, with the sum of their degrees (what walking their edges costs); null when
 * nodes that near are not all known (past the layers the search completed).
 */
class Layers {
  private readonly nodes: (readonly number[])[] = [];
  private readonly unions: { nodes: number[]; edges: number }[] = [];

  constructor(private readonly graph: PathGraph) {}

  /** `layer` is kept as given: the reverse search makes a new array for each. */
  add(layer: readonly number[]): void {
    this.nodes.push(layer);
  }

  within(distance: number): { nodes: readonly number[]; edges: number } | null {
    if (distance < 0) return { nodes: [], edges: 0 };
    if (distance >= this.nodes.length) return null;
    for (let d = this.unions.length; d <= distance; d += 1) {
      const previous = this.unions[d - 1] ?? { nodes: [], edges: 0 };
      const layer = this.nodes[d]!;
      this.unions.push({ nodes: [...previous.nodes, ...layer], edges: layer.reduce((sum, node) => sum + this.graph.degree(node), previous.edges) });
    }
    return this.unions[distance]!;
  }
}

/** A binary heap of search labels held in growable typed arrays (no object per label). */
class EntryHeap {
  state = new Int32Array(64);
  parent = new Int32Array(64);
  edge = new Int32Array(64);
  forward = new Uint8Array(64);
  hops = new Int32Array(64);
  f = new Int32Array(64);
  cost = new Float64Array(64);
  weight = new Float64Array(64);
  private order = new Int32Array(64);
  private entries = 0;
  size = 0;

  constructor(private readonly compare: (a: number, b: number) => number) {}

  clear(): void {
    this.entries = 0;
    this.size = 0;
  }

  push(state: number, parent: number, edge: number, forward: number, hops: number, f: number, cost: number, weight: number): void {
    if (this.entries === this.state.length) this.grow();
    const entry = this.entries++;
    this.state[entry] = state;
    this.parent[entry] = parent;
    this.edge[entry] = edge;
    this.forward[entry] = forward;
    this.hops[entry] = hops;
    this.f[entry] = f;
    this.cost[entry] = cost;
    this.weight[entry] = weight;
    this.order[this.size] = entry;
    this.siftUp(this.size++);
  }

  pop(): number {
    const top = this.order[0]!;
    this.size -= 1;
    if (this.size > 0) {
      this.order[0] = this.order[this.size]!;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(index: number): void {
    const order = this.order;
    const entry = order[index]!;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.compare(entry, order[parent]!) >= 0) break;
      order[index] = order[parent]!;
      index = parent;
    }
    order[index] = entry;
  }

  private siftDown(index: number): void {
    const order = this.order;
    const entry = order[index]!;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.compare(order[child + 1]!, order[child]!) < 0) child += 1;
      if (this.compare(order[child]!, entry) >= 0) break;
      order[index] = order[child]!;
      index = child;
    }
    order[index] = entry;
  }

  private grow(): void {
    const size = this.state.length * 2;
    this.state = resize(this.state, new Int32Array(size));
    this.parent = resize(this.parent, new Int32Array(size));
    this.edge = resize(this.edge, new Int32Array(size));
    this.forward = resize(this.forward, new Uint8Array(size));
    this.hops = resize(this.hops, new Int32Array(size));
    this.f = resize(this.f, new Int32Array(size));
    this.cost = resize(this.cost, new Float64Array(size));
    this.weight = resize(this.weight, new Float64Array(size));
    this.order = resize(this.order, new Int32Array(size));
  }
}

function newChain(maxHops: number): Chain {
  return { nodes: new Int32Array(maxHops + 1), edges: new Int32Array(maxHops), forward: new Uint8Array(maxHops) };
}

function resize<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
