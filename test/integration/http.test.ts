import type { GraphDatabase } from '../../src/graph/graph-database';
import { createSchema } from '../../src/schema/build-schema';
import { createServer, type Server, type ServerOptions } from '../../src/server/create-server';
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
    expect([ready.status, await ready.json()]).toEqual([
      200,
      {
        status: 'ready',
        database: 'up',
        thinking: { mode: 'cypher', reason: 'PROJECTION=off' },
        meaning: { state: 'off', reason: 'no model given to the server' },
      },
    ]);
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
    const { status, body } = await postGraphQL(url, '{ essays(first: 100) { nodes { principles(first: 100) { essays(first: 100) { id } } } } }');
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/over the limit of 20000/),
        extensions: { code: 'QUERY_TOO_COMPLEX', complexity: 1010201, limit: 20000 },
      },
    ]);
  });

  it('refuses an operation deeper than the limit every time it comes, and answers one within it every time', async () => {
    const nested = (levels: number) => `{ role(slug: "ctpo") { ${'growsFrom { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
    // A document that passed its shape check is not walked again; one that failed is refused again.
    for (let time = 0; time < 2; time++) {
      const deep = await postGraphQL(url, nested(14));
      expect(deep.status).toBe(400);
      expect(deep.body.errors).toEqual([
        { message: expect.stringMatching(/depth.*Split the operation or ask for less\.$/), extensions: { code: 'QUERY_TOO_COMPLEX', limit: 12 } },
      ]);
      const shallow = await postGraphQL(url, nested(2));
      expect(shallow.status).toBe(200);
      expect(shallow.body).toEqual({ data: { role: { growsFrom: [{ growsFrom: [{ id: 'role:engineer' }] }] } } });
    }
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

  it('sends security headers with a CSP that allows only the service’s own scripts', async () => {
    const response = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp.split(';')).toEqual(expect.arrayContaining(["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "connect-src 'self'"]));
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect([response.headers.get('x-content-type-options'), response.headers.get('x-frame-options')]).toEqual(['nosniff', 'SAMEORIGIN']);
    expect(await response.text()).not.toMatch(/<script>/);
  });

  it('gives every response a request id, echoing a plain one the client sent', async () => {
    const mine = await fetch(`${origin}/healthz`, { headers: { 'x-request-id': 'client-42' } });
    const fresh = await fetch(`${origin}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(mine.headers.get('x-request-id')).toBe('client-42');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers CORS on every public route, the exports included', async () => {
    for (const path of ['/graphql?query=%7B__typename%7D', '/export/graph?format=csv&center=role:ctpo&depth=1', '/healthz']) {
      const response = await fetch(`${origin}${path}`, { headers: { origin: 'https://maps.example.org' } });
      expect([path, response.status, response.headers.get('access-control-allow-origin')]).toEqual([path, 200, '*']);
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://maps.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
  });

  it('answers unknown routes with JSON and the favicon with no content', async () => {
    const missing = await fetch(`${origin}/wp-admin`);
    const favicon = await fetch(`${origin}/favicon.ico`);
    expect([missing.status, await missing.json()]).toEqual([404, { errors: [{ message: 'No route GET /wp-admin.', extensions: { code: 'NOT_FOUND' } }] }]);
    expect(favicon.status).toBe(204);
  });

  it('gives slow clients seconds, not minutes', () => {
    expect([server.httpServer.headersTimeout, server.httpServer.requestTimeout]).toEqual([10_000, 30_000]);
  });
});

describe('CORS with named origins', () => {
  it('allows only those origins, with credentials', async () => {
    const named = await createTestServerWith({ corsOrigins: ['https://app.example.org'] });
    try {
      const allowed = await fetch(`${named.origin}/healthz`, { headers: { origin: 'https://app.example.org' } });
      const other = await fetch(`${named.origin}/healthz`, { headers: { origin: 'https://evil.example.org' } });
      expect([allowed.headers.get('access-control-allow-origin'), allowed.headers.get('access-control-allow-credentials')]).toEqual([
        'https://app.example.org',
        'true',
      ]);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await named.server.stop();
    }
  });
});

describe('heavy operations', () => {
  it('run one at a time: with no room to queue, a burst of them is answered 429 but for the first', async () => {
    const strict = await createTestServerWith({ admission: { heavyCost: 100, heavySlots: 1, queueTimeoutMs: 0 } });
    try {
      const url = `${strict.origin}/graphql`;
      const map = '{ conceptMap(center: "principle:culture-emerges-from-structure", depth: 2, limit: 50) { nodes { id } } }';
      const answers = await Promise.all(Array.from({ length: 6 }, () => postGraphQL(url, map)));
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses[0]).toBe(200);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      const refused = answers.find((answer) => answer.status === 429)!;
      expect(refused.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      // A cheap operation never waits for the heavy slot.
      expect((await postGraphQL(url, '{ role(slug: "ctpo") { id } }')).status).toBe(200);
    } finally {
      await strict.server.stop();
    }
  });
});

async function createTestServerWith(options: Partial<ServerOptions>): Promise<{ server: Server; origin: string }> {
  const named = await createServer({ schema: await createSchema(), database, development: false, maxQueryComplexity: 20_000, ...options });
  return { server: named, origin: new URL(await named.listen(0, '127.0.0.1')).origin };
}
