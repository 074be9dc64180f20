import { NODE_DIAMETER, roundCoordinate as round, type LayoutResult } from '../analysis/global-layout';
import type { Placement } from '../domain/thinking-reader';
import { forEachIncidence, type GraphProjection } from './graph-projection';
import { inChunks, NO_PAUSES, type Slices } from './time-slices';

/** The whole-graph layout of `graph`, by id (a chunk of nodes at a time). */
export async function toPlacements(graph: GraphProjection, layout: LayoutResult, slices: Slices = NO_PAUSES): Promise<Map<string, Placement>> {
  const placements = new Map<string, Placement>();
  await inChunks(graph.nodeCount, slices, (from, to) => {
    for (let node = from; node < to; node++) placements.set(graph.ids[node]!, { cluster: layout.cluster[node]!, x: layout.x[node]!, y: layout.y[node]! });
  });
  return placements;
}

/**
 * An older version's layout carried to `graph` while its own is computed, so a map keeps its
 * shape across an edit: every node that had a place keeps it; a new node (in id order) goes
 * beside the mean of its placed neighbours, in the cluster most of them are in (ties: the lower
 * cluster); a new node with no placed neighbour goes on a ring just outside the layout, in a
 * cluster of its own kind's newcomers. Offsets and angles come from a hash of the id, so the
 * same graph and layout give the same places. The same map when no node is new. Long loops
 * pause between chunks (`slices`).
 */
export async function carryPlacements(
  placements: ReadonlyMap<string, Placement>,
  graph: GraphProjection,
  slices: Slices = NO_PAUSES,
): Promise<ReadonlyMap<string, Placement>> {
  const missing: string[] = [];
  await inChunks(graph.nodeCount, slices, (from, to) => {
    for (let node = from; node < to; node++) if (!placements.has(graph.ids[node]!)) missing.push(graph.ids[node]!);
  });
  if (missing.length === 0) return placements;
  const carried = new Map<string, Placement>();
  const held = placements.entries();
  await inChunks(placements.size, slices, (from, to) => {
    for (let i = from; i < to; i++) {
      const [id, place] = held.next().value!;
      carried.set(id, place);
    }
  });
  let outside: { radius: number; cluster: number } | null = null;
  for (const id of missing) {
    const node = graph.indexOf(id)!;
    const turn = 2 * Math.PI * unitHash(id);
    let [x, y, placed] = [0, 0, 0];
    const votes = new Map<number, number>();
    forEachIncidence(graph, node, (_edge, neighbour) => {
      const place = carried.get(graph.ids[neighbour]!);
      if (!place) return;
      x += place.x;
      y += place.y;
      placed += 1;
      votes.set(place.cluster, (votes.get(place.cluster) ?? 0) + 1);
    });
    if (placed > 0) {
      const [cluster] = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
      carried.set(id, { cluster, x: round(x / placed + NODE_DIAMETER * Math.cos(turn)), y: round(y / placed + NODE_DIAMETER * Math.sin(turn)) });
    } else {
      outside ??= ringOutside(placements);
      carried.set(id, { cluster: outside.cluster, x: round(outside.radius * Math.cos(turn)), y: round(outside.radius * Math.sin(turn)) });
    }
  }
  return carried;
}

/** Just beyond the farthest placed node, and the first cluster number no node has. */
function ringOutside(placements: ReadonlyMap<string, Placement>): { radius: number; cluster: number } {
  let [radius, cluster] = [0, 0];
  for (const place of placements.values()) {
    radius = Math.max(radius, Math.hypot(place.x, place.y));
    cluster = Math.max(cluster, place.cluster + 1);
  }
  return { radius: radius + 2 * NODE_DIAMETER, cluster };
}

/** FNV-1a of the id, in [0, 1). */
function unitHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}
