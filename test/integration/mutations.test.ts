import { ANY_KIND } from '../../src/graph/cypher';
import type { GraphDatabase } from '../../src/graph/graph-database';
import type { Server } from '../../src/server/create-server';
import { EditorTokens } from '../../src/server/editor-tokens';
import { createTestServer, EDITOR, execute } from '../support/graphql';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';

const TOKEN = 'editor-token-for-tests-0123456789';

let store: PrivateNeo4j;
let database: GraphDatabase;
let server: Server;
let url: string;
const write = (query: string, variables?: Record<string, unknown>) => execute(server.apollo, database, query, variables, EDITOR);
const read = (query: string) => execute(server.apollo, database, query);

beforeAll(async () => {
  store = await startPrivateNeo4j({ seed: true });
  database = store.database;
  server = await createTestServer(database, 200_000, new EditorTokens([TOKEN]));
  url = await server.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await server.stop();
  await store.stop();
});

/** The graph's nodes (of its kinds: not the version and change-log bookkeeping) and edges. */
async function countNodesAndEdges(): Promise<[number, number]> {
  const [row] = await database.executor().read(`RETURN COUNT { MATCH (n:${ANY_KIND}) } AS nodes, COUNT { MATCH ()-[r]->() } AS edges`);
  return [Number(row!.nodes), Number(row!.edges)];
}

const UPSERT_CONCEPT = `mutation($input: ConceptInput!) { upsertConcept(input: $input) { created node { id label ... on Concept { name category description aliases } } } }`;

describe('upserts', () => {
  it('creates a node by slug, then updates only the fields given, and removes those given as null', async () => {
    const created = await write(UPSERT_CONCEPT, {
      input: { slug: 'psychological-safety', name: 'Psychological Safety', category: 'outcome', description: 'Room to speak up.', aliases: ['safety'] },
    });
    expect(created).toMatchObject({ errors: undefined });
    expect(created.data).toEqual({
      upsertConcept: {
        created: true,
        node: {
          id: 'concept:psychological-safety',
          label: 'Psychological Safety',
          name: 'Psychological Safety',
          category: 'outcome',
          description: 'Room to speak up.',
          aliases: ['safety'],
        },
      },
    });
    const updated = await write(UPSERT_CONCEPT, { input: { slug: 'psychological-safety', name: 'Psychological Safety', description: null } });
    expect(updated.data).toEqual({
      upsertConcept: {
        created: false,
        node: {
          id: 'concept:psychological-safety',
          label: 'Psychological Safety',
          name: 'Psychological Safety',
          category: 'outcome',
          description: null,
          aliases: ['safety'],
        },
      },
    });
  });

  it('creates essays, principles and roles too', async () => {
    const { data, errors } = await write(`mutation {
      e: upsertEssay(input: { slug: "on-teams", title: "On Teams", publishedAt: "2026-01-31", url: "https://example.org/teams", sections: ["One", "Two"] }) {
        created node { id ... on Essay { title publishedAt url sections } } }
      p: upsertPrinciple(input: { slug: "small-teams-win", name: "Small Teams Win", statement: "Smaller teams decide faster." }) {
        created node { id ... on Principle { statement } } }
      r: upsertRole(input: { slug: "staff-engineer", name: "Staff Engineer" }) { created node { id label } }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      e: {
        created: true,
        node: { id: 'essay:on-teams', title: 'On Teams', publishedAt: '2026-01-31', url: 'https://example.org/teams', sections: ['One', 'Two'] },
      },
      p: { created: true, node: { id: 'principle:small-teams-win', statement: 'Smaller teams decide faster.' } },
      r: { created: true, node: { id: 'role:staff-engineer', label: 'Staff Engineer' } },
    });
  });

  it.each([
    ['upsertConcept(input: { slug: "Bad Slug", name: "x" })', 'input.slug'],
    ['upsertConcept(input: { slug: "ok", name: "" })', 'input.name'],
    ['upsertConcept(input: { slug: "ok", name: "x", category: "Not A Category" })', 'input.category'],
    ['upsertEssay(input: { slug: "ok", title: "x", url: "ftp://example.org" })', 'input.url'],
    ['upsertEssay(input: { slug: "ok", title: "x", publishedAt: "2026-02-30" })', 'input.publishedAt'],
    ['upsertEssay(input: { slug: "ok", title: "x", publishedAt: "yesterday" })', 'input.publishedAt'],
    ['upsertPrinciple(input: { slug: "ok", name: "x", aliases: [""] })', 'input.aliases'],
  ])('%s fails naming %s and writes nothing', async (selection, field) => {
    const before = await countNodesAndEdges();
    const { data, errors } = await write(`mutation { ${selection} { created } }`);
    expect(data).toBeNull();
    expect(errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
    expect(await countNodesAndEdges()).toEqual(before);
  });
});

const LINK = `mutation($input: LinkInput!) { link(input: $input) { created edge { type source target weight note origin node { id } } } }`;

describe('link and unlink', () => {
  it('links two nodes once: linking again updates the same edge', async () => {
    const input = {
      from: 'principle:culture-emerges-from-structure',
      type: 'ABOUT',
      to: 'concept:leadership',
      weight: 0.5,
      note: 'Structure is a leadership act.',
    };
    const first = await write(LINK, { input });
    expect(first.data).toEqual({
      link: {
        created: true,
        edge: { type: 'ABOUT', source: input.from, target: input.to, weight: 0.5, note: input.note, origin: 'ASSERTED', node: { id: input.to } },
      },
    });
    const before = await countNodesAndEdges();
    const again = await write(LINK, { input: { ...input, weight: 0.9, note: null } });
    expect(again.data).toMatchObject({ link: { created: false, edge: { weight: 0.9, note: null } } });
    expect(await countNodesAndEdges()).toEqual(before);
    const concepts = await read(`{ principle(slug: "culture-emerges-from-structure") { concepts { id } } }`);
    // Typed lists come in neighbour-id order: the new concept once, among the two it had.
    expect(concepts.data).toEqual({ principle: { concepts: [{ id: 'concept:culture' }, { id: 'concept:leadership' }, { id: 'concept:structure' }] } });

    const removed = await write(`mutation { unlink(input: { from: "${input.from}", type: ABOUT, to: "${input.to}" }) { removed } }`);
    expect(removed.data).toEqual({ unlink: { removed: true } });
    const gone = await write(`mutation { unlink(input: { from: "${input.from}", type: ABOUT, to: "${input.to}" }) { removed } }`);
    expect(gone.data).toEqual({ unlink: { removed: false } });
  });

  it.each([
    [{ from: 'role:engineer', type: 'GROWS_INTO', to: 'concept:culture' }, 'BAD_USER_INPUT', 'input.type'],
    [{ from: 'role:engineer', type: 'GROWS_INTO', to: 'role:astronaut' }, 'NOT_FOUND', 'input.to'],
    [{ from: 'role:nobody', type: 'GROWS_INTO', to: 'role:ctpo' }, 'NOT_FOUND', 'input.from'],
    [{ from: 'engineer', type: 'GROWS_INTO', to: 'role:ctpo' }, 'BAD_USER_INPUT', 'input.from'],
    [{ from: 'role:engineer', type: 'GROWS_INTO', to: 'role:ctpo', weight: 1.5 }, 'BAD_USER_INPUT', 'input.weight'],
    [{ from: 'role:engineer', type: 'GROWS_INTO', to: 'role:ctpo', note: 'x'.repeat(281) }, 'BAD_USER_INPUT', 'input.note'],
  ])('%j fails with %s naming %s and writes nothing', async (input, code, field) => {
    const before = await countNodesAndEdges();
    const { errors } = await write(LINK, { input });
    expect(errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code, field })]);
    expect(await countNodesAndEdges()).toEqual(before);
  });
});

describe('deleteNode', () => {
  it('deletes a node with its edges, and answers NOT_FOUND the second time', async () => {
    await write(`mutation { upsertRole(input: { slug: "intern", name: "Intern" }) { created } }`);
    await write(LINK, { input: { from: 'role:intern', type: 'GROWS_INTO', to: 'role:engineer' } });
    const deleted = await write(`mutation { deleteNode(id: "role:intern") { id edgesRemoved } }`);
    expect(deleted.data).toEqual({ deleteNode: { id: 'role:intern', edgesRemoved: 1 } });
    expect((await read(`{ node(id: "role:intern") { id } role(slug: "engineer") { growsFrom { id } } }`)).data).toEqual({
      node: null,
      role: { growsFrom: [] },
    });
    const again = await write(`mutation { deleteNode(id: "role:intern") { id } }`);
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'id', id: 'role:intern' });
  });
});

describe('authentication over HTTP', () => {
  const mutation = JSON.stringify({ query: 'mutation { upsertRole(input: { slug: "auditor", name: "Auditor" }) { created } }' });
  const post = (headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: mutation }).then((r) => r.json() as Promise<any>);

  it('refuses a mutation without a token, or with a wrong one, and writes nothing', async () => {
    const before = await countNodesAndEdges();
    const none = await post({});
    expect(none.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    const wrong = await post({ authorization: 'Bearer not-the-token-at-all-0000' });
    expect(wrong.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(await countNodesAndEdges()).toEqual(before);
  });

  it('accepts an editor token, and leaves reads open', async () => {
    expect(await post({ authorization: `Bearer ${TOKEN}` })).toEqual({ data: { upsertRole: { created: true } } });
    const readOnly = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ role(slug: "auditor") { id } }' }),
    });
    expect(await readOnly.json()).toEqual({ data: { role: { id: 'role:auditor' } } });
  });

  it('keeps mutations off when no tokens are configured, and says how to turn them on', async () => {
    // A second server on the same database, started as `npm start` is without EDITOR_TOKENS;
    // the token the first server accepts must not open this one.
    const closed = await createTestServer(database);
    const closedUrl = await closed.listen(0, '127.0.0.1');
    try {
      const before = await countNodesAndEdges();
      const response = await fetch(closedUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ query: 'mutation { deleteNode(id: "role:ctpo") { id } }' }),
      });
      const { errors } = (await response.json()) as any;
      expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Set EDITOR_TOKENS/), extensions: { code: 'FORBIDDEN' } })]);
      expect(await countNodesAndEdges()).toEqual(before);
    } finally {
      await closed.stop();
    }
  });
});

describe('a node written around the service', () => {
  it('names the type and field a stored node lacks, with the item’s path and the request id, instead of a masked error', async () => {
    // Written straight into Neo4j, as no writer of this service would: an essay without a title.
    await database.executor().writeTransaction((run) => run(`CREATE (:Essay {id: 'essay:untitled', slug: 'untitled'})`));
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ essays(first: 50) { nodes { id title } } }' }),
      });
      const body = (await response.json()) as { data: unknown; errors: { message: string; path: unknown[]; extensions: Record<string, unknown> }[] };
      const ids = await read('{ essays(first: 50) { nodes { id } } }');
      const at = (ids.data!.essays as { nodes: { id: string }[] }).nodes.findIndex((node) => node.id === 'essay:untitled');
      expect(at).toBeGreaterThanOrEqual(0);
      expect(body).toEqual({
        data: null,
        errors: [
          {
            message: 'A stored Essay has no title, though every Essay has one: the node was written outside this service. Ask without title, or mend the node.',
            locations: [{ line: 1, column: 34 }],
            path: ['essays', 'nodes', at, 'title'],
            extensions: { code: 'INCOMPLETE_NODE', type: 'Essay', field: 'title', requestId: response.headers.get('x-request-id') },
          },
        ],
      });
    } finally {
      await database.executor().writeTransaction((run) => run(`MATCH (n:Essay {id: 'essay:untitled'}) DELETE n`));
    }
  });
});
