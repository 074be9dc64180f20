import seedrandom from 'seedrandom';
import { EdgeListPathGraph, type ListedEdge, type StepFilter } from '../../../src/domain/edge-list-path-graph';
import { EdgeType } from '../../../src/domain/edge-type';
import { findShortestSimplePaths } from '../../../src/domain/k-shortest-paths';
import type { IndexedPath } from '../../../src/domain/path-graph';
import { comparePaths } from '../../../src/domain/path-ranking';
import { Direction } from '../../../src/domain/repositories';

/*
 * The search against an oracle that shares nothing with it but the ranking: every simple path
 * enumerated by depth-first search over the raw edge list, with the filters applied here,
 * sorted by comparePaths, first k taken. Random worlds with hubs, parallel edges of several
 * types between the same nodes, equal degrees (so ties reach the ids) and islands.
 */

const TYPES = [EdgeType.LEADS_TO, EdgeType.PART_OF, EdgeType.PREVENTS, EdgeType.SUPPORTS];
const DIRECTIONS = [Direction.ANY, Direction.OUTGOING, Direction.INCOMING];
const WEIGHTS = [1, 1, 0.5, 0.8];

interface World {
  readonly ids: string[];
  readonly degrees: number[];
  readonly edges: ListedEdge[];
}

function generateWorld(random: () => number): World {
  const size = 10 + Math.floor(random() * 6);
  const island = 3;
  const ids = Array.from({ length: size + island }, (_, i) => `concept:n${String(i).padStart(2, '0')}`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const edges: ListedEdge[] = [];
  const add = (source: string, target: string) => {
    if (source !== target) edges.push({ type: pick(TYPES), source, target, weight: pick(WEIGHTS) });
  };
  const main = ids.slice(0, size);
  for (const hub of main.slice(0, 2)) for (const other of main) if (random() < 0.6) add(random() < 0.5 ? hub : other, random() < 0.5 ? other : hub);
  for (let i = 0; i < size * 1.2; i += 1) add(pick(main), pick(main));
  // Parallel edges: a second type (or the same type again) between two joined nodes.
  for (const edge of edges.slice(0, 4)) add(edge.source, edge.target);
  const islanders = ids.slice(size);
  add(islanders[0]!, islanders[1]!);
  add(islanders[1]!, islanders[2]!);
  // Degrees over a "whole graph" larger than the listed edges, bucketed so that ties are common.
  const degrees = ids.map((id) => edges.filter((edge) => edge.source === id || edge.target === id).length + Math.floor(random() * 2) * 2);
  return { ids, degrees, edges };
}

function allowedSteps(world: World, filter: StepFilter, node: string): { to: string; edge: number; forward: boolean }[] {
  const steps: { to: string; edge: number; forward: boolean }[] = [];
  world.edges.forEach((edge, index) => {
    if (filter.types.length > 0 && !filter.types.includes(edge.type)) return;
    if (edge.source === node && filter.direction !== Direction.INCOMING) steps.push({ to: edge.target, edge: index, forward: true });
    if (edge.target === node && filter.direction !== Direction.OUTGOING) steps.push({ to: edge.source, edge: index, forward: false });
  });
  return steps.filter((step) => !filter.avoid.includes(step.to) && step.to !== node);
}

function enumerateSimplePaths(world: World, filter: StepFilter, from: string, to: string, maxHops: number): IndexedPath[] {
  const index = new Map(world.ids.map((id, i) => [id, i]));
  const found: IndexedPath[] = [];
  const walk = (nodes: string[], edges: number[], forward: boolean[]) => {
    const here = nodes.at(-1)!;
    if (here === to) {
      found.push({ nodes: nodes.map((id) => index.get(id)!), edges: [...edges], forward: [...forward] });
      return;
    }
    if (edges.length === maxHops) return;
    for (const step of allowedSteps(world, filter, here)) {
      if (nodes.includes(step.to)) continue;
      walk([...nodes, step.to], [...edges, step.edge], [...forward, step.forward]);
    }
  };
  walk([from], [], []);
  return found;
}

function randomRequest(random: () => number, world: World) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const from = pick(world.ids);
  const to = pick(world.ids);
  const typeCount = random() < 0.5 ? 0 : 1 + Math.floor(random() * 2);
  const types = [...new Set(Array.from({ length: typeCount }, () => pick(TYPES)))];
  const avoid = [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(world.ids)))].filter((id) => id !== from && id !== to);
  const filter: StepFilter = { types, direction: pick(DIRECTIONS), avoid };
  return { from, to, filter, k: 1 + Math.floor(random() * 10), maxHops: 1 + Math.floor(random() * 6) };
}

describe('k shortest simple paths against brute-force enumeration', () => {
  it('returns exactly the first k of all simple paths sorted by length, rank and ids, on 600 random requests', () => {
    const random = seedrandom('k-shortest-simple-paths');
    let compared = 0;
    let withTies = 0;
    let longerThanShortest = 0;
    for (let worldIndex = 0; worldIndex < 30; worldIndex += 1) {
      const world = generateWorld(random);
      for (let i = 0; i < 20; i += 1) {
        const request = randomRequest(random, world);
        const graph = new EdgeListPathGraph(
          world.ids.map((id, n) => ({ id, degree: world.degrees[n]! })),
          world.edges,
          request.filter,
        );
        const from = graph.indexOf(request.from);
        const to = graph.indexOf(request.to);
        const found = findShortestSimplePaths(graph, from, to, request);
        const all =
          request.from === request.to
            ? [{ nodes: [from], edges: [], forward: [] }]
            : enumerateSimplePaths(world, request.filter, request.from, request.to, request.maxHops);
        const expected = all.sort((a, b) => comparePaths(graph, a, b)).slice(0, request.k);

        expect({ request, found }).toEqual({ request, found: expected });
        for (const path of found) expect(new Set(path.nodes).size).toBe(path.nodes.length);
        found.forEach((path, n) => n > 0 && expect(path.edges.length).toBeGreaterThanOrEqual(found[n - 1]!.edges.length));
        compared += 1;
        if (found.length > 1 && found.at(-1)!.edges.length > found[0]!.edges.length) longerThanShortest += 1;
        if (all.length > request.k && all[request.k]!.edges.length === found.at(-1)?.edges.length) withTies += 1;
      }
    }
    // The worlds must exercise what the test is about: answers that reach past the shortest
    // length, and cuts inside a group of equal length where the ranking decides.
    expect(compared).toBe(600);
    expect(longerThanShortest).toBeGreaterThan(30);
    expect(withTies).toBeGreaterThan(25);
  });
});
