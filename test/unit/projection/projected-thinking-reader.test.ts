import { layOutWholeGraph, NODE_DIAMETER } from '../../../src/analysis/global-layout';
import { EdgeOrigin, EdgeType } from '../../../src/domain/edge-type';
import { NodeKind } from '../../../src/domain/node-kind';
import { Direction } from '../../../src/domain/repositories';
import { ProjectionBuilder, type GraphProjection } from '../../../src/projection/graph-projection';
import { ProjectedThinkingReader } from '../../../src/projection/projected-thinking-reader';

/*
 * A small world, fed to the builder in a scrambled order: three essays; a and b articulate the
 * rare principle p; all three address the role r; a relates to c; p is about the concept k.
 */
function smallWorld(): Promise<GraphProjection> {
  const builder = new ProjectionBuilder();
  builder.addNode('role:r', NodeKind.ROLE, 'R');
  builder.addNode('essay:c', NodeKind.ESSAY, 'C');
  builder.addNode('essay:a', NodeKind.ESSAY, 'A');
  builder.addNode('principle:p', NodeKind.PRINCIPLE, 'P');
  builder.addNode('essay:b', NodeKind.ESSAY, 'B');
  builder.addNode('concept:k', NodeKind.CONCEPT, 'K');
  const edge = (source: string, type: EdgeType, target: string, note: string | null = null) =>
    builder.addEdge(source, target, type, 1, EdgeOrigin.ASSERTED, note);
  edge('essay:b', EdgeType.ARTICULATES, 'principle:p');
  edge('essay:a', EdgeType.ARTICULATES, 'principle:p');
  for (const essay of ['essay:a', 'essay:b', 'essay:c']) edge(essay, EdgeType.ADDRESSES, 'role:r');
  edge('essay:a', EdgeType.RELATES_TO, 'essay:c', 'a sequel');
  edge('principle:p', EdgeType.ABOUT, 'concept:k');
  edge('essay:a', EdgeType.ARTICULATES, 'principle:missing');
  return builder.build(7);
}

/** Full-text matching stays in Neo4j; these tests do not reach it. */
const unused = { findMeaningEvidence: async () => ({ meaning: [], ideas: [] }) };

describe('the projection', () => {
  let graph: GraphProjection;
  let reader: ProjectedThinkingReader;
  beforeAll(async () => {
    graph = await smallWorld();
    reader = new ProjectedThinkingReader(graph, { placements: null }, unused);
  });

  it('orders nodes by id and edges by (source, type, target), dropping edges to unknown nodes', () => {
    expect(graph.ids).toEqual(['concept:k', 'essay:a', 'essay:b', 'essay:c', 'principle:p', 'role:r']);
    expect(graph.edgeCount).toBe(7);
    expect(graph.degree(graph.indexOf('essay:a')!)).toBe(3);
    expect(graph.population.get(NodeKind.ESSAY)).toBe(3);
  });

  it('gathers the evidence relatedness scores: distinct sharers per neighbour and direct links', async () => {
    const { nodes, ...evidence } = await reader.findRelatedEvidence('essay:a', NodeKind.ESSAY);
    // The same candidates as node indices, for scoring on arrays; the source among them, kept once per version for every request.
    expect(nodes!.shared.map((members) => Array.from(members, (node) => nodes!.ids[node]))).toEqual([
      ['essay:a', 'essay:b'],
      ['essay:a', 'essay:b', 'essay:c'],
    ]);
    expect(evidence.shared.map((via) => via.candidates)).toEqual([['essay:b'], ['essay:b', 'essay:c']]);
    expect(evidence).toEqual({
      population: 3,
      shared: [
        { via: 'principle:p', viaKind: NodeKind.PRINCIPLE, sharers: 2, candidates: ['essay:b'] },
        { via: 'role:r', viaKind: NodeKind.ROLE, sharers: 3, candidates: ['essay:b', 'essay:c'] },
      ],
      direct: [
        {
          candidate: 'essay:c',
          edge: { type: EdgeType.RELATES_TO, source: 'essay:a', target: 'essay:c', weight: 1, note: 'a sequel', origin: EdgeOrigin.ASSERTED, properties: {} },
        },
      ],
    });
  });

  it('selects a map by the request filters and counts as hidden only what expanding would show', async () => {
    const map = await reader.findSubgraph({
      center: 'principle:p',
      depth: 1,
      kinds: [NodeKind.ESSAY, NodeKind.PRINCIPLE],
      types: [EdgeType.ARTICULATES],
      limit: 10,
    });
    expect(map).toEqual({
      nodes: [
        { id: 'principle:p', kind: NodeKind.PRINCIPLE, label: 'P', degree: 3, hiddenNeighbors: 0 },
        { id: 'essay:a', kind: NodeKind.ESSAY, label: 'A', degree: 3, hiddenNeighbors: 0 },
        { id: 'essay:b', kind: NodeKind.ESSAY, label: 'B', degree: 2, hiddenNeighbors: 0 },
      ],
      edges: [
        expect.objectContaining({ source: 'essay:a', type: EdgeType.ARTICULATES, target: 'principle:p' }),
        expect.objectContaining({ source: 'essay:b', type: EdgeType.ARTICULATES, target: 'principle:p' }),
      ],
      placements: null,
      truncated: false,
    });
  });

  it('finds the k best simple paths under the request filters', async () => {
    const paths = await reader.findPaths({ from: 'essay:b', to: 'essay:c', groups: 1, k: 3, maxHops: 3, types: [], direction: Direction.ANY, avoid: [] });
    expect(paths.map((path) => path.nodes.map((node) => node.id))).toEqual([
      ['essay:b', 'role:r', 'essay:c'],
      // Equal in length, degrees, turns and weights: the edge types decide (ADDRESSES first).
      ['essay:b', 'role:r', 'essay:a', 'essay:c'],
      ['essay:b', 'principle:p', 'essay:a', 'essay:c'],
    ]);
    const avoiding = await reader.findPaths({
      from: 'essay:b',
      to: 'essay:c',
      groups: 1,
      k: 3,
      maxHops: 3,
      types: [],
      direction: Direction.ANY,
      avoid: ['role:r'],
    });
    expect(avoiding.map((path) => path.nodes.map((node) => node.id))).toEqual([['essay:b', 'principle:p', 'essay:a', 'essay:c']]);
    const outgoing = await reader.findPaths({
      from: 'essay:b',
      to: 'essay:c',
      groups: 1,
      k: 3,
      maxHops: 3,
      types: [],
      direction: Direction.OUTGOING,
      avoid: [],
    });
    expect(outgoing).toEqual([]);
  });

  it('counts principle co-occurrence over essays', async () => {
    const ideas = new ProjectionBuilder();
    for (const id of ['essay:1', 'essay:2', 'principle:x', 'principle:y']) ideas.addNode(id, id.startsWith('essay') ? NodeKind.ESSAY : NodeKind.PRINCIPLE, id);
    for (const essay of ['essay:1', 'essay:2']) ideas.addEdge(essay, 'principle:x', EdgeType.ARTICULATES, 1, EdgeOrigin.ASSERTED, null);
    ideas.addEdge('essay:2', 'principle:y', EdgeType.ARTICULATES, 1, EdgeOrigin.ASSERTED, null);
    ideas.addEdge('principle:y', 'principle:x', EdgeType.SUPPORTS, 1, EdgeOrigin.ASSERTED, null);
    const pairs = await new ProjectedThinkingReader(await ideas.build(1), { placements: null }, unused).findPrinciplePairs(1, 20);
    expect(pairs).toEqual({
      essays: 2,
      pairs: [{ a: 'principle:x', b: 'principle:y', shared: 1, sharedEssays: ['essay:2'], aEssays: 2, bEssays: 1, direct: [EdgeType.SUPPORTS] }],
    });
  });
});

describe('the meaning evidence through linked ideas', () => {
  it('asks Neo4j only for the ideas this version has not searched, per kind searched, and remembers one that is gone', async () => {
    const asked: { id: string; kind: NodeKind; ideas: readonly string[] }[] = [];
    const near = [{ id: 'essay:b', similarity: 0.5 }];
    const companion = {
      findMeaningEvidence: async (id: string, kind: NodeKind, _limit: number, ideas: readonly string[]) => {
        asked.push({ id, kind, ideas });
        // concept:k is gone from Neo4j since this version was read.
        return { meaning: [], ideas: ideas.filter((idea) => idea !== 'concept:k').map((idea) => ({ idea, matches: near })) };
      },
    };
    const reader = new ProjectedThinkingReader(await smallWorld(), { placements: null }, companion);
    const throughP = [{ idea: { id: 'principle:p', kind: NodeKind.PRINCIPLE, sharers: 2 }, matches: near }];

    expect(await reader.findTextEvidence('essay:a', NodeKind.ESSAY, 5)).toEqual({ words: [], meaning: [], ideas: throughP });
    // essay:b links the same principle: its matches are this version's already.
    expect(await reader.findTextEvidence('essay:b', NodeKind.ESSAY, 5)).toEqual({ words: [], meaning: [], ideas: throughP });
    // essay:c links no idea; principle:p's idea is the concept it is about, which is gone: asked once, then known to give nothing.
    expect(await reader.findTextEvidence('essay:c', NodeKind.ESSAY, 5)).toEqual({ words: [], meaning: [], ideas: [] });
    expect(await reader.findTextEvidence('principle:p', NodeKind.PRINCIPLE, 5)).toEqual({ words: [], meaning: [], ideas: [] });
    expect(await reader.findTextEvidence('principle:p', NodeKind.PRINCIPLE, 5)).toEqual({ words: [], meaning: [], ideas: [] });
    expect(asked).toEqual([
      { id: 'essay:a', kind: NodeKind.ESSAY, ideas: ['principle:p'] },
      { id: 'essay:b', kind: NodeKind.ESSAY, ideas: [] },
      { id: 'essay:c', kind: NodeKind.ESSAY, ideas: [] },
      { id: 'principle:p', kind: NodeKind.PRINCIPLE, ideas: ['concept:k'] },
      { id: 'principle:p', kind: NodeKind.PRINCIPLE, ideas: [] },
    ]);
  });
});

describe('the whole graph layout', () => {
  it('places nodes so that none overlaps another at the default node size, the same every time', async () => {
    const graph = await smallWorld();
    const input = { ids: graph.ids, source: graph.source, target: graph.target, weight: graph.weight };
    const layout = layOutWholeGraph(input);
    for (let i = 0; i < graph.nodeCount; i++) {
      for (let j = i + 1; j < graph.nodeCount; j++) {
        expect(Math.hypot(layout.x[i]! - layout.x[j]!, layout.y[i]! - layout.y[j]!)).toBeGreaterThanOrEqual(NODE_DIAMETER);
      }
    }
    expect(layOutWholeGraph(input)).toEqual(layout);
  });
});
