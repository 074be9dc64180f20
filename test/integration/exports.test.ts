import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { validateXML } from 'xmllint-wasm';
import { clusterColor, nodeSize } from '../../src/analysis/map-style';
import type { GraphDatabase } from '../../src/graph/graph-database';
import type { Server } from '../../src/server/create-server';
import { createTestServer } from '../support/graphql';
import { postGraphQL } from '../support/ports';
import { connectTestDatabase } from '../support/test-database';

let database: GraphDatabase;
let server: Server;
let url: string;
let origin: string;

const PARAMS = 'center=principle:culture-emerges-from-structure&depth=1&kinds=PRINCIPLE,CONCEPT';
let expected: {
  nodes: { id: string; label: string; kind: string; x: number; y: number; cluster: number; degree: number }[];
  edges: { id: string; source: string; target: string; type: string }[];
};

beforeAll(async () => {
  database = connectTestDatabase();
  server = await createTestServer(database);
  url = await server.listen(0, '127.0.0.1');
  origin = new URL(url).origin;
  const { body } = await postGraphQL(
    url,
    `{ conceptMap(center: "principle:culture-emerges-from-structure", depth: 1, kinds: [PRINCIPLE, CONCEPT]) {
       nodes { id label kind x y cluster degree } edges { id source target type } } }`,
  );
  expected = body.data.conceptMap;
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

async function download(format: string, extra = ''): Promise<{ type: string | null; disposition: string | null; text: string }> {
  const response = await fetch(`${origin}/export/graph?format=${format}&${PARAMS}${extra}`);
  expect(response.status).toBe(200);
  return { type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
}

const nodeIds = () => expected.nodes.map((node) => node.id);
const edgeEnds = () => expected.edges.map((edge) => [edge.source, edge.target, edge.type]);

describe('GET /export/graph', () => {
  it('exports Cytoscape.js JSON that Cytoscape loads with the same nodes, edges and positions', async () => {
    const { type, text } = await download('cytoscape');
    expect(type).toBe('application/json; charset=utf-8');
    const cy = cytoscape({ headless: true, elements: JSON.parse(text).elements, layout: { name: 'preset' } });
    expect(cy.nodes().map((node) => node.id())).toEqual(nodeIds());
    expect(cy.edges().map((edge) => [edge.source().id(), edge.target().id(), edge.data('type')])).toEqual(edgeEnds());
    const first = expected.nodes[0]!;
    expect(cy.getElementById(first.id).position()).toEqual({ x: first.x, y: first.y });
    expect(cy.getElementById(first.id).data('kind')).toBe(first.kind);
  });

  it('exports GraphML that a GraphML parser reads back', async () => {
    const { type, disposition, text } = await download('graphml');
    expect(type).toBe('application/graphml+xml; charset=utf-8');
    expect(disposition).toBe('attachment; filename="thoughtgraph-map.graphml"');
    const graph = parseGraphml(Graph, text);
    expect(graph.nodes()).toEqual(nodeIds());
    expect(graph.mapEdges((_edge, attributes, source, target) => [source, target, attributes.type])).toEqual(edgeEnds());
    expect(graph.getNodeAttributes(expected.nodes[0]!.id)).toMatchObject({
      label: expected.nodes[0]!.label,
      kind: expected.nodes[0]!.kind,
      cluster: expected.nodes[0]!.cluster,
    });
  });

  it('exports GEXF that a GEXF parser reads back', async () => {
    const { type, text } = await download('gexf');
    expect(type).toBe('application/gexf+xml; charset=utf-8');
    const graph = parseGexf(Graph, text);
    expect(graph.nodes()).toEqual(nodeIds());
    expect(graph.mapEdges((_edge, attributes, source, target) => [source, target, attributes.type])).toEqual(edgeEnds());
    const { id, label, x, y } = expected.nodes[0]!;
    expect(graph.getNodeAttributes(id)).toMatchObject({ label, x, y });
  });

  it('exports GEXF 1.3 that validates against the schema, viz module in its own namespace', async () => {
    const { text } = await download('gexf');
    const result = await validateGexf13(text);
    expect(result.errors.map((error) => error.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('exports GEXF whose positions, colours and sizes a namespace-aware reader finds where NetworkX looks', async () => {
    const { text } = await download('gexf');
    const document = new DOMParser().parseFromString(text, 'text/xml');
    const nodes = Array.from(document.getElementsByTagNameNS(GEXF_NS, 'node'));
    const viz = (node: XmlElement, name: string) => node.getElementsByTagNameNS(VIZ_NS, name)[0]!;
    const read = nodes.map((node) => ({
      id: node.getAttribute('id'),
      x: Number(viz(node, 'position').getAttribute('x')),
      y: Number(viz(node, 'position').getAttribute('y')),
      color: rgbToHex(['r', 'g', 'b'].map((channel) => Number(viz(node, 'color').getAttribute(channel)))),
      size: Number(viz(node, 'size').getAttribute('value')),
    }));
    expect(read).toEqual(expected.nodes.map((node) => ({ id: node.id, x: node.x, y: node.y, color: clusterColor(node.cluster), size: nodeSize(node.degree) })));
  });

  it('refuses, by the same schema check, the three-slash viz namespace that made NetworkX drop positions', async () => {
    const { text } = await download('gexf');
    const broken = text.replace(`xmlns:viz="${VIZ_NS}"`, 'xmlns:viz="http:///www.gexf.net/1.1draft/viz"');
    expect(broken).not.toBe(text);
    expect((await validateGexf13(broken)).valid).toBe(false);
  });

  it('exports CSV tables of edges and of nodes that a CSV parser reads back', async () => {
    const edges = await download('csv');
    expect(edges.type).toBe('text/csv; charset=utf-8');
    const edgeRows = parseCsv<Record<string, string>>(edges.text, { columns: true });
    expect(edgeRows.map((row) => [row.source, row.target, row.type])).toEqual(edgeEnds());
    expect(edgeRows[0]).toMatchObject({ id: expected.edges[0]!.id, weight: '1', origin: 'ASSERTED' });
    const nodes = await download('csv', '&table=nodes');
    const nodeRows = parseCsv<Record<string, string>>(nodes.text, { columns: true });
    expect(nodeRows.map((row) => row.id)).toEqual(nodeIds());
    expect(Number(nodeRows[0]!.x)).toBe(expected.nodes[0]!.x);
  });

  it('exports CSV that a second parser (Papa Parse) reads to the same rows', async () => {
    const edges = await download('csv');
    const nodes = await download('csv', '&table=nodes');
    const edgeRows = Papa.parse<Record<string, string>>(edges.text, { header: true, skipEmptyLines: true }).data;
    const nodeRows = Papa.parse<Record<string, string>>(nodes.text, { header: true, skipEmptyLines: true, dynamicTyping: true }).data;
    expect(edgeRows.map((row) => [row.source, row.target, row.type])).toEqual(edgeEnds());
    expect(nodeRows.map((row) => ({ id: row.id, label: row.label, x: row.x, y: row.y }))).toEqual(
      expected.nodes.map(({ id, label, x, y }) => ({ id, label, x, y })),
    );
  });

  it('exports GraphML whose keys and data a namespace-aware XML reader resolves to the same nodes', async () => {
    const { text } = await download('graphml');
    const document = new DOMParser().parseFromString(text, 'text/xml');
    const keys = new Map(
      Array.from(document.getElementsByTagNameNS(GRAPHML_NS, 'key')).map((key) => [
        `${key.getAttribute('for')}:${key.getAttribute('id')}`,
        key.getAttribute('attr.name'),
      ]),
    );
    const read = Array.from(document.getElementsByTagNameNS(GRAPHML_NS, 'node')).map((node) => {
      const data = Object.fromEntries(
        Array.from(node.getElementsByTagNameNS(GRAPHML_NS, 'data')).map((datum) => [keys.get(`node:${datum.getAttribute('key')}`), datum.textContent]),
      );
      return { id: node.getAttribute('id'), label: data.label, kind: data.kind, x: Number(data.x), y: Number(data.y) };
    });
    expect(read).toEqual(expected.nodes.map(({ id, label, kind, x, y }) => ({ id, label, kind, x, y })));
  });

  it.each([
    ['format=xml', 400, 'BAD_USER_INPUT', 'format'],
    ['depth=4', 400, 'BAD_USER_INPUT', 'depth'],
    ['kinds=ROBOT', 400, 'BAD_USER_INPUT', 'kinds'],
    ['edgeTypes=LIKES', 400, 'BAD_USER_INPUT', 'edgeTypes'],
    ['center=concept:nowhere', 404, 'NOT_FOUND', 'center'],
  ])('refuses %s with %i and %s naming %s', async (query, status, code, field) => {
    const response = await fetch(`${origin}/export/graph?${query}`);
    expect(response.status).toBe(status);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code, field });
  });
});

const GEXF_NS = 'http://gexf.net/1.3';
const VIZ_NS = 'http://gexf.net/1.3/viz';
const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const GEXF_SCHEMA_DIR = path.join(__dirname, '..', 'fixtures', 'gexf-1.3');

/** libxml2 (compiled to WebAssembly) against the GEXF 1.3 schemas in test/fixtures/gexf-1.3. */
function validateGexf13(text: string) {
  const schema = (fileName: string) => ({ fileName, contents: readFileSync(path.join(GEXF_SCHEMA_DIR, fileName), 'utf8') });
  return validateXML({
    xml: [{ fileName: 'map.gexf', contents: text }],
    schema: [schema('gexf.xsd')],
    preload: [schema('dynamics.xsd'), schema('viz.xsd')],
  });
}

function rgbToHex(channels: number[]): string {
  return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}
