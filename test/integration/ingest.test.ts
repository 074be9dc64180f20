import { ANY_KIND } from '../../src/graph/cypher';
import type { GraphDatabase } from '../../src/graph/graph-database';
import type { Server } from '../../src/server/create-server';
import { createTestServer, EDITOR, execute } from '../support/graphql';
import { startPrivateNeo4j, type PrivateNeo4j } from '../support/private-neo4j';

let store: PrivateNeo4j;
let database: GraphDatabase;
let server: Server;

beforeAll(async () => {
  store = await startPrivateNeo4j({ seed: true });
  database = store.database;
  server = await createTestServer(database);
});

afterAll(async () => {
  await server.apollo.stop();
  await store.stop();
});

/** The graph's nodes (of its kinds: not the version and change-log bookkeeping) and edges. */
async function countNodesAndEdges(): Promise<{ nodes: number; edges: number }> {
  const [row] = await database.executor().read(`RETURN COUNT { MATCH (n:${ANY_KIND}) } AS nodes, COUNT { MATCH ()-[r]->() } AS edges`);
  return { nodes: Number(row!.nodes), edges: Number(row!.edges) };
}

const ESSAY = `---
title: Platform Teams as Products
date: 2026-03-01
url: https://example.org/platform-teams
summary: Why a platform team should run like a product team.
principles:
  - autonomy-within-boundaries
  - principle:no-such-principle
roles: [platform-team]
related: [engineer-to-ctpo]
---

# Platform Teams as Products

A platform needs **product thinking** as much as any product does.

## Contracts

Clear team contracts let an Engineering Leader scale. Product Thinking again.

\`\`\`
culture = structure()  // code is not prose: no suggestion from here
\`\`\`
`;

const INGEST = `mutation($markdown: String!, $dryRun: Boolean, $accept: Boolean) {
  ingestEssay(markdown: $markdown, dryRun: $dryRun, acceptSuggestions: $accept) {
    essay dryRun changed summary nodesCreated nodesUpdated
    edgesAdded { type target origin note } edgesRemoved { type target }
    suggestions { type target label matched occurrences rule accepted } warnings
  }
}`;

const ingest = async (markdown: string, dryRun = false, accept = false) => {
  const answer = await execute(server.apollo, database, INGEST, { markdown, dryRun, accept }, EDITOR);
  expect(answer.errors).toBeUndefined();
  return answer.data!.ingestEssay as any;
};

async function essayEdges(): Promise<string[]> {
  const rows = await database
    .executor()
    .read(`MATCH (:Essay {id: 'essay:platform-teams-as-products'})-[r]->(t) RETURN type(r) + ' ' + t.id + ' ' + r.origin AS edge ORDER BY edge`);
  return rows.map((row) => String(row.edge));
}

const ASSERTED = [
  { type: 'ADDRESSES', target: 'role:platform-team', origin: 'ASSERTED', note: null },
  { type: 'ARTICULATES', target: 'principle:autonomy-within-boundaries', origin: 'ASSERTED', note: null },
  { type: 'RELATES_TO', target: 'essay:engineer-to-ctpo', origin: 'ASSERTED', note: null },
];
const SUGGESTIONS = [
  { type: 'DISCUSSES', target: 'concept:product-thinking', label: 'Product Thinking', matched: 'product thinking', occurrences: 2, rule: 'mention-in-body' },
  { type: 'DISCUSSES', target: 'concept:team-contracts', label: 'Team Contracts', matched: 'team contracts', occurrences: 1, rule: 'mention-in-body' },
  { type: 'ADDRESSES', target: 'role:engineering-leader', label: 'Engineering Leader', matched: 'Engineering Leader', occurrences: 1, rule: 'mention-in-body' },
];
const WARNING = 'principles names principle:no-such-principle, which does not exist; no edge was made.';

describe('ingestEssay', () => {
  it('reports on a dry run exactly what it would do, and writes nothing', async () => {
    const before = await countNodesAndEdges();
    const version = await database.readVersion();
    const report = await ingest(ESSAY, true);
    expect(report).toEqual({
      essay: 'essay:platform-teams-as-products',
      dryRun: true,
      changed: true,
      summary: 'essay:platform-teams-as-products: would be created, 3 edge(s) to add, 0 to remove.',
      nodesCreated: ['essay:platform-teams-as-products'],
      nodesUpdated: [],
      edgesAdded: ASSERTED,
      edgesRemoved: [],
      suggestions: SUGGESTIONS.map((suggestion) => ({ ...suggestion, accepted: false })),
      warnings: [WARNING],
    });
    expect(await essayEdges()).toEqual([]);
    expect(await countNodesAndEdges()).toEqual(before);
    // Not even the graph's version moves: no projection catches up after a dry run.
    expect(await database.readVersion()).toBe(version);
  });

  it('writes the essay with its named links, and a second time changes nothing', async () => {
    const first = await ingest(ESSAY);
    expect(first).toMatchObject({ dryRun: false, changed: true, nodesCreated: ['essay:platform-teams-as-products'], edgesAdded: ASSERTED });
    expect(await essayEdges()).toEqual([
      'ADDRESSES role:platform-team ASSERTED',
      'ARTICULATES principle:autonomy-within-boundaries ASSERTED',
      'RELATES_TO essay:engineer-to-ctpo ASSERTED',
    ]);
    const { data } = await execute(server.apollo, database, `{ essay(slug: "platform-teams-as-products") { title publishedAt url summary sections } }`);
    expect(data).toEqual({
      essay: {
        title: 'Platform Teams as Products',
        publishedAt: '2026-03-01',
        url: 'https://example.org/platform-teams',
        summary: 'Why a platform team should run like a product team.',
        sections: ['Contracts'],
      },
    });

    const version = await database.readVersion();
    const again = await ingest(ESSAY);
    expect(await database.readVersion()).toBe(version);
    expect(again).toMatchObject({
      changed: false,
      summary: 'essay:platform-teams-as-products: already up to date; ingesting did not change anything.',
      nodesCreated: [],
      nodesUpdated: [],
      edgesAdded: [],
      edgesRemoved: [],
    });
  });

  it('writes accepted suggestions as INFERRED edges that name their rule', async () => {
    const report = await ingest(ESSAY, false, true);
    expect(report.edgesAdded).toEqual([
      { type: 'ADDRESSES', target: 'role:engineering-leader', origin: 'INFERRED', note: 'rule mention-in-body: mentions "Engineering Leader"' },
      { type: 'DISCUSSES', target: 'concept:product-thinking', origin: 'INFERRED', note: 'rule mention-in-body: mentions "product thinking"' },
      { type: 'DISCUSSES', target: 'concept:team-contracts', origin: 'INFERRED', note: 'rule mention-in-body: mentions "team contracts"' },
    ]);
    expect(report.suggestions.every((suggestion: any) => suggestion.accepted)).toBe(true);
    expect(await essayEdges()).toHaveLength(6);
    expect((await ingest(ESSAY, false, true)).changed).toBe(false);
  });

  it('removes links the front matter no longer names, and updates changed properties', async () => {
    const edited = ESSAY.replace('  - autonomy-within-boundaries\n', '').replace('summary: Why', 'summary: How');
    const report = await ingest(edited);
    expect(report).toMatchObject({
      changed: true,
      nodesUpdated: ['essay:platform-teams-as-products'],
      edgesAdded: [],
      edgesRemoved: [{ type: 'ARTICULATES', target: 'principle:autonomy-within-boundaries' }],
    });
    expect(await essayEdges()).not.toContain('ARTICULATES principle:autonomy-within-boundaries ASSERTED');
  });

  it.each([
    ['---\ntitle: [unclosed\n---\nbody', /^Line 2: Front matter is not valid YAML/, 2],
    ['---\ntitle: T\ndate: 2026-02-30\n---\n', /^Line 3: "date" must be a real date as YYYY-MM-DD/, 3],
    ['---\ntitle: T\nurl: mailto:x@example.org\n---\n', /^Line 3: "url" must be an http\(s\) URL/, 3],
    ['---\ntitle: T\nslug: Not A Slug\n---\n', /^Line 3: "Not A Slug" is not a slug/, 3],
    ['no title here, only text', /^Line 1: The essay needs a title/, 1],
  ])('refuses %j with the line of the problem, writing nothing', async (markdown, message, line) => {
    const before = await countNodesAndEdges();
    const { errors } = await execute(server.apollo, database, INGEST, { markdown }, EDITOR);
    expect(errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field: 'markdown', line } }),
    ]);
    expect(await countNodesAndEdges()).toEqual(before);
  });

  it('refuses more than 1 MB', async () => {
    const { errors } = await execute(server.apollo, database, INGEST, { markdown: `# Big\n\n${'x'.repeat(1_000_001)}` }, EDITOR);
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'markdown' });
  });
});
