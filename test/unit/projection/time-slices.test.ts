import seedrandom from 'seedrandom';
import { EDGE_TYPES, EdgeOrigin } from '../../../src/domain/edge-type';
import { NodeKind } from '../../../src/domain/node-kind';
import { ProjectionBuilder } from '../../../src/projection/graph-projection';
import { CHUNK, NO_PAUSES, timeSlices } from '../../../src/projection/time-slices';
import { projectionContents as contents } from '../../support/projection-contents';

/*
 * Building and catching up a projection pause between chunks, so a big graph never holds the
 * event loop in one stretch: with slices of 0 ms every pause is a turn, and other work (here a
 * counter of turns) runs while the projection is built, which comes out the same either way.
 */

const NODES = 3_000;

/** Nodes in `order` (ids sorted, or not), each with 12 outgoing edges: several chunks of edges. */
function builderOf(order: 'sorted' | 'shuffled'): ProjectionBuilder {
  const ids = Array.from({ length: NODES }, (_, n) => `essay:n-${String(n).padStart(5, '0')}`);
  const random = seedrandom('edges');
  const edges = ids.map((id) => Array.from({ length: 12 }, (_, i) => ({ id, target: ids[Math.floor(random() * NODES)]!, i })));
  const shuffle = seedrandom('order');
  const added = order === 'sorted' ? ids.map((_, n) => n) : ids.map((_, n) => n).sort(() => shuffle() - 0.5);
  const builder = new ProjectionBuilder();
  for (const n of added) builder.addNode(ids[n]!, NodeKind.ESSAY, ids[n]!);
  for (const n of added) {
    for (const { id, target, i } of edges[n]!)
      builder.addEdge(id, target, EDGE_TYPES[i % EDGE_TYPES.length]!, 1, EdgeOrigin.ASSERTED, i === 0 ? `note of ${id}` : null);
  }
  return builder;
}

/** Counts turns of the event loop until stopped. */
function turnCounter(): { turns: () => number; stop: () => void } {
  let turns = 0;
  let running = true;
  const tick = (): void => {
    if (!running) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  return { turns: () => turns, stop: () => (running = false) };
}

describe('a projection built in slices', () => {
  it('lets the event loop turn while it builds, and is the projection built in one stretch', async () => {
    const counter = turnCounter();
    const sliced = await builderOf('sorted').build(1, timeSlices(0));
    const turnsDuring = counter.turns();
    counter.stop();
    expect(sliced.edgeCount).toBeGreaterThan(2 * CHUNK);
    expect(turnsDuring).toBeGreaterThanOrEqual(Math.floor(sliced.edgeCount / CHUNK));
    // Nodes that come in id order are not sorted again; the same projection as from any order.
    expect(contents(sliced)).toEqual(contents(await builderOf('shuffled').build(1, NO_PAUSES)));
  });

  it('lets the event loop turn while it catches up, and catches up to the same projection', async () => {
    const held = await builderOf('sorted').build(1);
    const row = {
      id: 'essay:n-00007',
      kind: NodeKind.ESSAY,
      label: 'Renamed',
      out: [{ target: 'essay:n-00001', type: EDGE_TYPES[0]!, weight: 1, origin: EdgeOrigin.ASSERTED, note: null }],
    };
    const counter = turnCounter();
    const sliced = await held.withChanges(2, [row.id], [row], timeSlices(0));
    const turnsDuring = counter.turns();
    counter.stop();
    expect(turnsDuring).toBeGreaterThanOrEqual(Math.floor(held.edgeCount / CHUNK));
    expect(contents(sliced)).toEqual(contents(await held.withChanges(2, [row.id], [row])));
    expect(sliced.labels[sliced.indexOf(row.id)!]).toBe('Renamed');
  });
});
