import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import seedrandom from 'seedrandom';

/** The whole graph's topology, as the layout needs it: dense node indices, ids for the seeds. */
export interface LayoutInput {
  readonly ids: readonly string[];
  readonly source: Uint32Array;
  readonly target: Uint32Array;
  readonly weight: Float64Array;
}

export interface LayoutResult {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly cluster: Int32Array;
}

/**
 * Map units: a node drawn `NODE_DIAMETER` wide (Cytoscape.js's default) never overlaps another,
 * and each node gets about `CELL` units square of room before the overlap pass.
 */
export const NODE_DIAMETER = 30;
const CELL = 70;
const SEED = 'thoughtgraph';

/**
 * One layout and one community assignment of the whole graph, a pure function of its topology:
 * Louvain communities (seeded), ForceAtlas2 from positions hashed from each id (so a node starts
 * where it started before, and small edits move little), scaled to map units, then an overlap
 * pass. Every map takes its slice, so a node keeps its place and cluster in every map of a
 * version. Seconds for a 10k-essay graph: run it off the request path (a worker thread).
 */
export function layOutWholeGraph(input: LayoutInput): LayoutResult {
  const graph = toGraph(input);
  const large = graph.order > 2000;
  const communities = graph.order > 0 ? louvain(graph, { rng: seedrandom(SEED), getEdgeWeight: 'weight' }) : {};
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: large ? 60 : 200,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: large },
    });
  }
  scaleToMapUnits(graph);
  noverlap.assign(graph, {
    maxIterations: large ? 40 : 200,
    settings: { margin: 6, ratio: 1, expansion: 1.1, gridSize: gridSizeFor(graph.order) },
  });
  const count = input.ids.length;
  const result = { x: new Float64Array(count), y: new Float64Array(count), cluster: new Int32Array(count) };
  input.ids.forEach((id, node) => {
    result.x[node] = roundCoordinate(graph.getNodeAttribute(id, 'x') as number);
    result.y[node] = roundCoordinate(graph.getNodeAttribute(id, 'y') as number);
    result.cluster[node] = communities[id] ?? 0;
  });
  return result;
}

/**
 * Cells per side of the overlap pass's grid: about 8 nodes a cell. It compares the nodes of
 * neighbouring cells pairwise and keeps the pairs in one Set, which a fixed 20×20 grid overflows
 * past a few tens of thousands of nodes (a JavaScript Set holds at most 2^24 entries).
 */
function gridSizeFor(order: number): number {
  return Math.max(20, Math.ceil(Math.sqrt(order / 8)));
}

function toGraph(input: LayoutInput): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  input.ids.forEach((id) => graph.addNode(id, { ...hashedPosition(id), size: NODE_DIAMETER / 2 }));
  for (let edge = 0; edge < input.source.length; edge++) {
    const [a, b] = [input.ids[input.source[edge]!]!, input.ids[input.target[edge]!]!];
    if (a === b) continue;
    const weight = input.weight[edge]!;
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (sum: number) => sum + weight);
    else graph.addEdge(a, b, { weight });
  }
  return graph;
}

/** A start position that depends only on the id. */
function hashedPosition(id: string): { x: number; y: number } {
  const random = seedrandom(`${SEED}:${id}`);
  const angle = random() * 2 * Math.PI;
  const radius = Math.sqrt(random()) * 100;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** Centers the layout and scales it so that its bounding box gives each node about CELL² units. */
function scaleToMapUnits(graph: Graph): void {
  if (graph.order === 0) return;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((_id, attributes) => {
    const { x, y } = attributes as { x: number; y: number };
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  });
  const area = Math.max((maxX - minX) * (maxY - minY), 1e-9);
  const scale = Math.sqrt((graph.order * CELL * CELL) / area);
  const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
  graph.updateEachNodeAttributes((_id, attributes) => ({
    ...attributes,
    x: (attributes.x - cx) * scale,
    y: (attributes.y - cy) * scale,
  }));
}

/** Map coordinates to a tenth of a unit: plenty for a drawing, and short in JSON. */
export const roundCoordinate = (value: number): number => Math.round(value * 10) / 10;
