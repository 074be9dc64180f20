import { allowsEdge, EDGE_RULES } from '../src/domain/edge-type';
import { requireNodeId } from '../src/domain/node-id';
import type { GraphDatabase } from '../src/graph/graph-database';
import { IS_EMPTY_QUERY, writeGraphBatch, type EdgeInput, type NodeInput } from '../src/graph/graph-writer';
import { edges as seedEdges, nodes as seedNodes, type SeedEdge, type SeedNode } from './demo-graph';

export interface SeedSummary {
  readonly nodes: number;
  readonly edges: number;
}

/**
 * Checks the demo graph against the domain's rules (ids, unique ids, the kinds each edge type
 * may join, endpoints that exist) and turns it into writer input. Throws on the first problem.
 */
export function prepareSeed(nodes: readonly SeedNode[] = seedNodes, edges: readonly SeedEdge[] = seedEdges): { nodes: NodeInput[]; edges: EdgeInput[] } {
  const byId = new Map<string, NodeInput>();
  for (const { id, ...properties } of nodes) {
    const { kind, slug } = requireNodeId(id, 'seed.nodes.id');
    if (byId.has(id)) throw new Error(`The seed lists ${id} twice.`);
    byId.set(id, { id, kind, slug, properties });
  }
  const edgeInputs = edges.map((edge): EdgeInput => {
    const source = byId.get(edge.from);
    const target = byId.get(edge.to);
    if (!source || !target) throw new Error(`Seed edge ${describe(edge)} names a missing node.`);
    if (!allowsEdge(edge.type, source.kind, target.kind)) {
      const rule = EDGE_RULES[edge.type];
      throw new Error(`Seed edge ${describe(edge)} must run ${rule.from.join('|')} → ${rule.to.join('|')}.`);
    }
    const { type, from, to, ...properties } = edge;
    return { type, source: from, sourceKind: source.kind, target: to, targetKind: target.kind, properties };
  });
  return { nodes: [...byId.values()], edges: edgeInputs };
}

/** Writes the demo graph in one transaction; loading it again leaves the same graph. */
export async function loadSeed(database: GraphDatabase): Promise<SeedSummary> {
  const { nodes, edges } = prepareSeed();
  await database.executor().writeTransaction((run) => writeGraphBatch(run, nodes, edges));
  return { nodes: nodes.length, edges: edges.length };
}

/** Loads the demo graph only into an empty database; null when it left the data alone. */
export async function seedIfEmpty(database: GraphDatabase): Promise<SeedSummary | null> {
  const [row] = await database.executor().read(IS_EMPTY_QUERY);
  return row?.empty ? loadSeed(database) : null;
}

function describe(edge: SeedEdge): string {
  return `(${edge.from})-[:${edge.type}]->(${edge.to})`;
}
