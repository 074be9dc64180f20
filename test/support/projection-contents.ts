import type { GraphProjection } from '../../src/projection/graph-projection';

/** Everything a projection answers from, in its own order: two projections of one graph compare equal. */
export function projectionContents(graph: GraphProjection) {
  return {
    version: graph.version,
    nodes: graph.ids.map((id, node) => ({ id, index: graph.indexOf(id), kind: graph.kindOf(node), label: graph.labels[node], degree: graph.degree(node) })),
    edges: Array.from({ length: graph.edgeCount }, (_, edge) => graph.edgeRecord(edge)),
    offset: [...graph.offset],
    incident: [...graph.incident],
    population: [...graph.population],
  };
}
