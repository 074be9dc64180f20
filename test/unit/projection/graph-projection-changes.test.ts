import seedrandom from 'seedrandom';
import { EDGE_TYPES, EdgeOrigin, type EdgeType } from '../../../src/domain/edge-type';
import { NODE_KINDS, type NodeKind } from '../../../src/domain/node-kind';
import type { TopologyRow } from '../../../src/domain/topology';
import { ProjectionBuilder, type GraphProjection } from '../../../src/projection/graph-projection';
import { projectionContents as contents } from '../../support/projection-contents';

/*
 * A catch-up from the change log must give the projection a whole read would: random graphs,
 * random logged writes (nodes created, relabelled and deleted, outgoing edges replaced, edges
 * into new nodes), each applied to the held projection and compared, array by array, with one
 * built from scratch at the new state.
 */

interface Edge {
  readonly target: string;
  readonly type: EdgeType;
  readonly weight: number;
  readonly origin: EdgeOrigin;
  readonly note: string | null;
}

interface World {
  readonly nodes: Map<string, { kind: NodeKind; label: string }>;
  readonly out: Map<string, Edge[]>;
}

function randomWorld(random: () => number, size: number): World {
  const world: World = { nodes: new Map(), out: new Map() };
  for (let n = 0; n < size; n++) addNode(world, random, `${n}`);
  for (const id of world.nodes.keys()) world.out.set(id, randomEdges(world, random));
  return world;
}

function addNode(world: World, random: () => number, name: string): string {
  const kind = NODE_KINDS[Math.floor(random() * NODE_KINDS.length)]!;
  const id = `${kind.toLowerCase()}:n-${name}`;
  world.nodes.set(id, { kind, label: `Node ${name}` });
  world.out.set(id, []);
  return id;
}

/** Up to four outgoing edges, one per (type, target), as MERGE leaves them. */
function randomEdges(world: World, random: () => number): Edge[] {
  const ids = [...world.nodes.keys()];
  const edges = new Map<string, Edge>();
  for (let i = Math.floor(random() * 5); i > 0; i--) {
    const target = ids[Math.floor(random() * ids.length)]!;
    const type = EDGE_TYPES[Math.floor(random() * EDGE_TYPES.length)]!;
    const note = random() < 0.3 ? `note ${Math.floor(random() * 100)}` : null;
    const origin = random() < 0.5 ? EdgeOrigin.ASSERTED : EdgeOrigin.INFERRED;
    edges.set(`${type}|${target}`, { target, type, weight: Math.round(random() * 100) / 100, origin, note });
  }
  return [...edges.values()];
}

/** A whole read: nodes and edges in a scrambled order, as Neo4j may stream them. */
function buildWhole(world: World, version: number, random: () => number): Promise<GraphProjection> {
  const builder = new ProjectionBuilder();
  const shuffled = <T>(items: T[]): T[] =>
    items
      .map((item) => [random(), item] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, item]) => item);
  for (const [id, node] of shuffled([...world.nodes])) builder.addNode(id, node.kind, node.label);
  for (const [source, edges] of shuffled([...world.out])) {
    for (const edge of shuffled([...edges])) builder.addEdge(source, edge.target, edge.type, edge.weight, edge.origin, edge.note);
  }
  return builder.build(version);
}

/** One logged write: what it touched, and the world after it. */
function randomWrite(world: World, random: () => number, serial: number): string[] {
  const touched = new Set<string>();
  const ids = () => [...world.nodes.keys()];
  for (let step = 1 + Math.floor(random() * 4); step > 0; step--) {
    const choice = random();
    if (choice < 0.2 && world.nodes.size > 2) {
      // A node deleted with its edges, incoming ones included: only the node is named.
      const gone = ids()[Math.floor(random() * world.nodes.size)]!;
      world.nodes.delete(gone);
      world.out.delete(gone);
      for (const [source, edges] of world.out)
        world.out.set(
          source,
          edges.filter((edge) => edge.target !== gone),
        );
      touched.add(gone);
    } else if (choice < 0.45) {
      const created = addNode(world, random, `new-${serial}-${step}`);
      world.out.set(created, randomEdges(world, random));
      touched.add(created);
      // An existing node links to it: that node is the edge's source, so it is named too.
      const source = ids()[Math.floor(random() * world.nodes.size)]!;
      world.out.get(source)!.push({ target: created, type: EDGE_TYPES[0]!, weight: 1, origin: EdgeOrigin.ASSERTED, note: null });
      touched.add(source);
    } else if (choice < 0.6) {
      const renamed = ids()[Math.floor(random() * world.nodes.size)]!;
      world.nodes.get(renamed)!.label = `Renamed ${serial}`;
      touched.add(renamed);
    } else {
      const source = ids()[Math.floor(random() * world.nodes.size)]!;
      world.out.set(source, randomEdges(world, random));
      touched.add(source);
    }
  }
  return [...touched];
}

function rowsOf(world: World, touched: readonly string[]): TopologyRow[] {
  return touched.flatMap((id) => {
    const node = world.nodes.get(id);
    return node ? [{ id, kind: node.kind, label: node.label, out: world.out.get(id)! }] : [];
  });
}

describe('a projection caught up from the change log', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('equals a whole read at the new version (world %i)', async (seed) => {
    const random = seedrandom(`changes-${seed}`);
    const world = randomWorld(random, 30 + seed * 10);
    let held = await buildWhole(world, 1, random);
    for (let version = 2; version <= 12; version++) {
      const touched: string[] = [];
      // Some catch-ups cover several logged writes at once.
      for (let writes = 1 + Math.floor(random() * 3); writes > 0; writes--) touched.push(...randomWrite(world, random, version * 10 + writes));
      const names = [...new Set(touched)];
      held = await held.withChanges(version, names, rowsOf(world, names));
      expect(contents(held)).toEqual(contents(await buildWhole(world, version, random)));
    }
  });

  it('moves only the version when a logged write touched nothing', async () => {
    const random = seedrandom('nothing');
    const world = randomWorld(random, 20);
    const held = await buildWhole(world, 4, random);
    expect(contents(await held.withChanges(5, [], []))).toEqual({ ...contents(held), version: 5 });
  });
});
