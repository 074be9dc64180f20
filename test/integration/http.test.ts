import type { GraphDatabase } from '../../src/graph/graph-database';
import type { Server } from '../../src/server/create-server';
import { createTestServer } from '../support/graphql';
import { postGraphQL } from '../support/ports';
import { connectTestDatabase } from '../support/test-database';

let database: GraphDatabase;
let server: Server;
let url: string;
let origin: string;

beforeAll(async () => {
  database = connectTestDatabase();
  server = await createTestServer(database, 20_000);
  url = await server.listen(0, '127.0.0.1');
  origin = new URL(url).origin;
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

describe('over HTTP', () => {
  it('answers a query', async () => {
    const { status, body } = await postGraphQL(url, '{ role(slug: "ctpo") { id label growsFrom { id } } }');
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { role: { id: 'role:ctpo', label: 'CTPO', growsFrom: [{ id: 'role:engineering-leader' }] } },
    });
  });

  it('reports liveness and readiness', async () => {
    const health = await fetch(`${origin}/healthz`);
    const ready = await fetch(`${origin}/readyz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', database: 'up', thinking: { mode: 'cypher', reason: 'PROJECTION=off' } }]);
  });

  it('serves the playground from its own assets, preloaded with every example', async () => {
    for (const page of [url, `${origin}/`]) {
      const response = await fetch(page, { headers: { accept: 'text/html' } });
      const html = await response.text();
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html).toContain('<div id="graphiql">');
      expect(html).not.toMatch(/https?:\/\//);
      for (const name of ['EssayWithPrinciples', 'CareerPath', 'TensionsAndPreventions']) expect(html).toContain(`query ${name}`);
    }
    const assets = [
      ['/playground/graphiql.js', 'text/javascript; charset=utf-8'],
      ['/playground/graphiql.css', 'text/css; charset=utf-8'],
      ['/playground/react.js', 'text/javascript; charset=utf-8'],
      ['/playground/react-dom.js', 'text/javascript; charset=utf-8'],
    ];
    for (const [path, type] of assets) {
      const response = await fetch(`${origin}${path}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, type]);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(5_000);
    }
  });

  it('refuses an operation that could cost too much before touching the database', async () => {
    const { status, body } = await postGraphQL(
      url,
      '{ essays(first: 100) { nodes { principles(first: 100) { essays(first: 100) { id } } } } }',
    );
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/over the limit of 20000/),
        extensions: { code: 'QUERY_TOO_COMPLEX', complexity: 1010201, limit: 20000 },
      },
    ]);
  });

  it('answers malformed requests with a clear 400', async () => {
    const syntax = await postGraphQL(url, '{ essays( }');
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');

    const unknownField = await postGraphQL(url, '{ essays { colour } }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const badJson = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(badJson.status).toBe(400);
  });

  it('names the argument a bad value was given for', async () => {
    const { body } = await postGraphQL(url, '{ essays(first: 500) { nodes { id } } }');
    expect(body).toEqual({
      data: null,
      errors: [
        {
          message: 'Invalid value for "first": first must not be greater than 100.',
          locations: [{ line: 1, column: 3 }],
          path: ['essays'],
          extensions: { code: 'BAD_USER_INPUT', field: 'first' },
        },
      ],
    });
  });
});
