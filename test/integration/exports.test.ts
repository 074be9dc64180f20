import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
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
let expected: { nodes: { id: string; label: string; kind: string; x: number; y: number; cluster: number }[]; edges: { id: string; source: string; target: string; type: string }[] };

beforeAll(async () => {
  database = connectTestDatabase();
  server = await createTestServer(database);
  url = await server.listen(0, '127.0.0.1');
  origin = new URL(url).origin;
  const { body } = await postGraphQL(
    url,
    `{ conceptMap(center: "principle:culture-emerges-from-structure", depth: 1, kinds: [PRINCIPLE, CONCEPT]) {
       nodes { id label kind x y cluster } edges { id source target type } } }`,
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
    expect(graph.getNodeAttributes(expected.nodes[0]!.id)).toMatchObject({ label: expected.nodes[0]!.label, kind: expected.nodes[0]!.kind, cluster: expected.nodes[0]!.cluster });
  });

  it('exports GEXF that a GEXF parser reads back', async () => {
    const { type, text } = await download('gexf');
    expect(type).toBe('application/gexf+xml; charset=utf-8');
    const graph = parseGexf(Graph, text);
    expect(graph.nodes()).toEqual(nodeIds());
    expect(graph.mapEdges((_edge, attributes, source, target) => [source, target, attributes.type])).toEqual(edgeEnds());
    expect(graph.getNodeAttribute(expected.nodes[0]!.id, 'label')).toBe(expected.nodes[0]!.label);
  });

  it('exports CSV tables of edges and of nodes that a CSV parser reads back', async () => {
    const edges = await download('csv');
    expect(edges.type).toBe('text/csv; charset=utf-8');
    const edgeRows = parseCsv(edges.text, { columns: true }) as Record<string, string>[];
    expect(edgeRows.map((row) => [row.source, row.target, row.type])).toEqual(edgeEnds());
    expect(edgeRows[0]).toMatchObject({ id: expected.edges[0]!.id, weight: '1', origin: 'ASSERTED' });
    const nodes = await download('csv', '&table=nodes');
    const nodeRows = parseCsv(nodes.text, { columns: true }) as Record<string, string>[];
    expect(nodeRows.map((row) => row.id)).toEqual(nodeIds());
    expect(Number(nodeRows[0]!.x)).toBe(expected.nodes[0]!.x);
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
