import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { stringify } from 'csv-stringify/sync';
import type { NodeKind } from '../domain/node-kind';
import type { ConceptMap, MapNode } from './concept-map';
import { clusterRgb, nodeSize } from './map-style';

export enum ExportFormat {
  CYTOSCAPE = 'cytoscape',
  GRAPHML = 'graphml',
  GEXF = 'gexf',
  CSV = 'csv',
}

export interface ExportFile {
  readonly contentType: string;
  readonly extension: string;
  readonly body: string;
}

/** A concept map in a format that drawing and analysis tools read. */
export function exportMap(apiMap: ConceptMap, format: ExportFormat, table: 'nodes' | 'edges' = 'edges'): ExportFile {
  // Kinds as the API names them (ESSAY), not as Neo4j labels (Essay).
  const map = { ...apiMap, nodes: apiMap.nodes.map((node) => ({ ...node, kind: node.kind.toUpperCase() as NodeKind })) };
  switch (format) {
    case ExportFormat.CYTOSCAPE:
      return { contentType: 'application/json; charset=utf-8', extension: 'cyjs', body: JSON.stringify(toCytoscape(map)) };
    case ExportFormat.GRAPHML:
      return { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', body: toGraphml(map) };
    case ExportFormat.GEXF:
      return { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', body: toGexf(map) };
    case ExportFormat.CSV:
      return { contentType: 'text/csv; charset=utf-8', extension: `${table}.csv`, body: toCsv(map, table) };
  }
}

/** Cytoscape.js elements JSON (`cy.json()` shape), positions included. */
export function toCytoscape(map: ConceptMap) {
  return {
    elements: {
      nodes: map.nodes.map(({ x, y, ...data }) => ({ data, position: { x, y } })),
      edges: map.edges.map((data) => ({ data })),
    },
  };
}

const NODE_KEYS = [
  ['label', 'string'],
  ['kind', 'string'],
  ['degree', 'int'],
  ['hiddenNeighbors', 'int'],
  ['cluster', 'int'],
  ['x', 'double'],
  ['y', 'double'],
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['weight', 'double'],
  ['origin', 'string'],
] as const;

export function toGraphml(map: ConceptMap): string {
  const keys = [
    ...NODE_KEYS.map(([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_KEYS.map(([name, type]) => `  <key id="${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
  ];
  const data = (record: Record<string, unknown>, names: readonly (readonly [string, string])[]) =>
    names.map(([name]) => `<data key="${name}">${escapeXml(String(record[name]))}</data>`).join('');
  const nodes = map.nodes.map((node) => `    <node id="${escapeXml(node.id)}">${data({ ...node }, NODE_KEYS)}</node>`);
  const edges = map.edges.map(
    (edge) =>
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${data({ ...edge }, EDGE_KEYS)}</edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys,
    '  <graph id="thoughtgraph" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/**
 * GEXF 1.3 with the viz module in its own namespace (`http://gexf.net/1.3/viz`), which is where
 * Gephi and NetworkX look for positions: colour by cluster, size by degree, x/y as given.
 */
export function toGexf(map: ConceptMap): string {
  const graph = new Graph({ type: 'directed', multi: true });
  for (const node of map.nodes) graph.addNode(node.id, { ...node });
  for (const edge of map.edges) graph.addEdgeWithKey(edge.id, edge.source, edge.target, { type: edge.type, weight: edge.weight, origin: edge.origin });
  return writeGexf(graph, { version: '1.3', formatNode: (_id, node) => formatGexfNode(node as MapNode) });
}

function formatGexfNode(node: MapNode) {
  return {
    label: node.label,
    viz: { x: node.x, y: node.y, size: nodeSize(node.degree), color: clusterRgb(node.cluster) },
    attributes: { kind: node.kind, degree: node.degree, hiddenNeighbors: node.hiddenNeighbors, cluster: node.cluster },
  };
}

export function toCsv(map: ConceptMap, table: 'nodes' | 'edges'): string {
  if (table === 'nodes') {
    return stringify(
      map.nodes.map((node) => ({ ...node })),
      {
        header: true,
        columns: ['id', 'kind', 'label', 'degree', 'hiddenNeighbors', 'cluster', 'x', 'y'],
      },
    );
  }
  const labels = new Map(map.nodes.map((node) => [node.id, node.label]));
  return stringify(
    map.edges.map((edge) => ({ ...edge, sourceLabel: labels.get(edge.source), targetLabel: labels.get(edge.target) })),
    { header: true, columns: ['id', 'source', 'target', 'type', 'weight', 'origin', 'sourceLabel', 'targetLabel'] },
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
