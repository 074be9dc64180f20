import { EdgeOrigin, EdgeType } from '../../../src/domain/edge-type';
import { NodeKind } from '../../../src/domain/node-kind';
import { NODE_DIAMETER } from '../../../src/analysis/global-layout';
import { ProjectionBuilder, type GraphProjection } from '../../../src/projection/graph-projection';
import { carryPlacements } from '../../../src/projection/placements';

/*
 * A layout carried to a newer version: a principle p and two essays placed; then a new essay n
 * that articulates p and addresses the placed role r, and a new concept k that nothing touches.
 */
const placed = new Map([
  ['principle:p', { cluster: 2, x: 100, y: 0 }],
  ['role:r', { cluster: 1, x: 0, y: 100 }],
  ['essay:a', { cluster: 2, x: 140, y: 20 }],
  ['essay:b', { cluster: 1, x: -300, y: -400 }],
]);

function newerGraph(): Promise<GraphProjection> {
  const builder = new ProjectionBuilder();
  builder.addNode('principle:p', NodeKind.PRINCIPLE, 'P');
  builder.addNode('role:r', NodeKind.ROLE, 'R');
  builder.addNode('essay:a', NodeKind.ESSAY, 'A');
  builder.addNode('essay:n', NodeKind.ESSAY, 'N');
  builder.addNode('concept:k', NodeKind.CONCEPT, 'K');
  builder.addEdge('essay:a', 'principle:p', EdgeType.ARTICULATES, 1, EdgeOrigin.ASSERTED, null);
  builder.addEdge('essay:n', 'principle:p', EdgeType.ARTICULATES, 1, EdgeOrigin.ASSERTED, null);
  builder.addEdge('essay:n', 'role:r', EdgeType.ADDRESSES, 1, EdgeOrigin.ASSERTED, null);
  builder.addEdge('essay:n', 'essay:a', EdgeType.RELATES_TO, 1, EdgeOrigin.ASSERTED, null);
  return builder.build(9);
}

describe('a layout carried to a newer version', () => {
  it('keeps every placed node where it was, and puts a new node beside its placed neighbours, in their majority cluster', async () => {
    const carried = await carryPlacements(placed, await newerGraph());
    for (const [id, place] of placed) expect(carried.get(id)).toEqual(place);
    const n = carried.get('essay:n')!;
    // The mean of p, r and a is (80, 40); the new node sits one node's width from it.
    expect(n.cluster).toBe(2);
    expect(Math.hypot(n.x - 80, n.y - 40)).toBeCloseTo(NODE_DIAMETER, 0);
  });

  it('puts a new node with no placed neighbour on a ring outside the layout, in a cluster of its own', async () => {
    const k = (await carryPlacements(placed, await newerGraph())).get('concept:k')!;
    // The farthest placed node (b) is 500 from the centre; the ring is two widths beyond it.
    expect(Math.hypot(k.x, k.y)).toBeCloseTo(500 + 2 * NODE_DIAMETER, 0);
    expect(k.cluster).toBe(3);
  });

  it('gives the same places for the same graph and layout, and the same map when no node is new', async () => {
    const graph = await newerGraph();
    expect([...(await carryPlacements(placed, graph))]).toEqual([...(await carryPlacements(placed, graph))]);
    const complete = await carryPlacements(placed, graph);
    expect(await carryPlacements(complete, graph)).toBe(complete);
  });
});
