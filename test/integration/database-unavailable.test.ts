import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applySchema } from '../../src/runtime/apply-schema';
import { GraphDatabase } from '../../src/graph/graph-database';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/runtime/local-neo4j';
import type { Server } from '../../src/server/create-server';
import { loadSeed } from '../../seed/load-seed';
import { createTestServer } from '../support/graphql';
import { findFreePort, postGraphQL } from '../support/ports';
import { testDatabaseSettings } from '../support/test-database';

/** This test's server has no projection: the thinking queries run as Cypher. */
const CYPHER_ONLY = { mode: 'cypher', reason: 'PROJECTION=off' };
const NO_MODEL = { state: 'off', reason: 'no model given to the server' };

const QUERY = '{ node(id: "role:ctpo") { id } }';

let port: number;
let home: string;
let database: GraphDatabase;
let server: Server;
let url: string;
let neo4j: LocalNeo4j | undefined;

beforeAll(async () => {
  port = await findFreePort();
  home = mkdtempSync(path.join(tmpdir(), 'thoughtgraph-outage-'));
  database = GraphDatabase.connect(testDatabaseSettings({ uri: `bolt://127.0.0.1:${port}` }));
  server = await createTestServer(database);
  url = await server.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await server.stop();
  await database.close();
  await neo4j?.stop();
  rmSync(home, { recursive: true, force: true });
});

async function readiness(): Promise<[number, unknown]> {
  const response = await fetch(new URL('/readyz', url));
  return [response.status, await response.json()];
}

/** The code of the answer's first error, and how long the request took. */
async function timedFailure(): Promise<[string, number]> {
  const started = Date.now();
  const { body } = await postGraphQL(url, QUERY);
  return [body.errors?.[0]?.extensions?.code, Date.now() - started];
}

/** Polls /readyz until it answers 200: the breaker closes on its next probe, within a second. */
async function waitUntilReady(): Promise<void> {
  while ((await readiness())[0] !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('when Neo4j is unreachable', () => {
  it('answers DATABASE_UNAVAILABLE, fast once known down, stays up, and recovers when Neo4j comes back', async () => {
    const down = await postGraphQL(url, QUERY);
    expect(down.body).toEqual({
      data: { node: null },
      errors: [
        {
          message: 'The graph database cannot be reached right now; try again shortly.',
          locations: [{ line: 1, column: 3 }],
          path: ['node'],
          extensions: { code: 'DATABASE_UNAVAILABLE' },
        },
      ],
    });
    expect(await readiness()).toEqual([
      503,
      { status: 'unavailable', code: 'DATABASE_UNAVAILABLE', database: 'down', thinking: CYPHER_ONLY, meaning: NO_MODEL },
    ]);
    // The breaker is open: no more waiting on connection retries (the 1 s bound is generous;
    // the figure is in the README).
    const [code, tookMs] = await timedFailure();
    expect(code).toBe('DATABASE_UNAVAILABLE');
    expect(tookMs).toBeLessThan(1_000);

    neo4j = await startLocalNeo4j({ home, port, log: () => {} });
    await waitUntilReady();
    await applySchema(database);
    await loadSeed(database);
    expect((await postGraphQL(url, QUERY)).body).toEqual({ data: { node: { id: 'role:ctpo' } } });
    expect(await readiness()).toEqual([200, { status: 'ready', database: 'up', thinking: CYPHER_ONLY, meaning: NO_MODEL }]);

    await neo4j.stop();
    expect((await postGraphQL(url, QUERY)).body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    const [codeAgain, tookAgainMs] = await timedFailure();
    expect(codeAgain).toBe('DATABASE_UNAVAILABLE');
    expect(tookAgainMs).toBeLessThan(1_000);
  });
});
