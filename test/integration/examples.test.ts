import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { GraphDatabase } from '../../src/graph/graph-database';
import { projectPath } from '../../src/runtime/project-paths';
import type { Server } from '../../src/server/create-server';
import { createRequestContext } from '../../src/server/request-context';
import { createTestServer } from '../support/graphql';
import { connectTestDatabase } from '../support/test-database';

const EXAMPLES = readFileSync(projectPath('schema', 'examples.graphql'), 'utf8');
const names = parse(EXAMPLES)
  .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  .map((operation) => operation.name?.value ?? '(anonymous)');

const names_ = (...values: string[]) => values.map((name) => ({ name }));

/** What each example operation answers on the seed. */
const EXPECTED: Record<string, unknown> = {
  EssayWithPrinciples: {
    essay: {
      title: 'From Engineer to CTPO',
      principles: [
        {
          name: 'Autonomy Within Boundaries',
          statement: 'Give teams freedom to decide inside clearly drawn limits.',
          roles: names_('Engineering Leader', 'Platform Team', 'Product Team'),
        },
        {
          name: 'Clear Technical Direction',
          statement: 'Teams move well only when they know both where they are heading and how to build.',
          roles: names_('CTPO', 'Engineering Leader'),
        },
        {
          name: 'Culture Emerges from Structure',
          statement: 'Culture cannot be installed directly; it grows out of how an organization is built.',
          roles: names_('CTPO', 'Engineering Leader'),
        },
      ],
      relatedEssays: [
        { title: 'Why AI-First Org Design Is Not About Tools' },
        { title: 'New AI Ways of Working: 10 Principles for Product Engineering Teams' },
      ],
    },
  },
  NodeById: {
    node: {
      id: 'principle:culture-emerges-from-structure',
      kind: 'PRINCIPLE',
      label: 'Culture Emerges from Structure',
      degree: 7,
      statement: 'Culture cannot be installed directly; it grows out of how an organization is built.',
      concepts: names_('Culture', 'Structure'),
    },
  },
  CareerPath: {
    role: {
      name: 'Engineer',
      optimizesFor: names_('Code Quality', 'System Performance', 'Technical Elegance'),
      growsInto: [
        {
          name: 'Engineering Leader',
          optimizesFor: names_('Business Impact', 'Organizational Effectiveness', 'Team Outcomes'),
          growsInto: [{ name: 'CTPO', requires: names_('Business Acumen', 'Product Thinking', 'Technical Depth') }],
        },
      ],
    },
  },
  CtpoRisks: {
    role: {
      requires: [
        { name: 'Business Acumen', prevents: [{ name: "Building Things That Don't Matter", category: 'risk' }] },
        { name: 'Product Thinking', prevents: [{ name: 'Building the Wrong Things', category: 'risk' }] },
        { name: 'Technical Depth', prevents: [{ name: "Promises You Can't Keep", category: 'risk' }] },
      ],
    },
  },
  RiskConcepts: {
    concepts: {
      totalCount: 4,
      nodes: [
        { id: 'concept:building-the-wrong-things', name: 'Building the Wrong Things' },
        { id: 'concept:building-things-that-dont-matter', name: "Building Things That Don't Matter" },
        { id: 'concept:promises-you-cant-keep', name: "Promises You Can't Keep" },
        { id: 'concept:quality-degradation', name: 'Quality Degradation' },
      ],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    },
  },
  SearchCulture: {
    search: [
      { node: { id: 'principle:culture-emerges-from-structure', label: 'Culture Emerges from Structure' } },
      { node: { id: 'concept:culture', label: 'Culture' } },
      { node: { id: 'concept:cultural-fit', label: 'Cultural Fit' } },
      { node: { id: 'concept:structure', label: 'Structure' } },
    ],
  },
  AuthorPath: {
    person: {
      name: 'The author',
      career: [
        { order: 1, as: 'Engineer', organization: { name: 'Autodesk' } },
        { order: 2, as: 'Engineer', organization: { name: 'Kore.ai' } },
        { order: 3, as: 'Leader of engineering and product', organization: { name: 'Fynd' } },
      ],
    },
  },
  TensionsAndPreventions: {
    node: {
      label: 'Technical Excellence',
      edges: [
        {
          type: 'PREVENTS',
          forward: true,
          note: 'Too little focus on excellence and quality slides.',
          node: { id: 'concept:quality-degradation', label: 'Quality Degradation' },
        },
        {
          type: 'IN_TENSION_WITH',
          forward: true,
          note: 'Too much focus on excellence and teams never ship.',
          node: { id: 'concept:shipping', label: 'Shipping' },
        },
      ],
    },
  },
  EngineerToCtpo: {
    conceptPath: [
      {
        length: 2,
        reading: 'Engineer grows into Engineering Leader, who grows into CTPO',
        nodes: [{ id: 'role:engineer' }, { id: 'role:engineering-leader' }, { id: 'role:ctpo' }],
        edges: [
          { type: 'GROWS_INTO', source: 'role:engineer', target: 'role:engineering-leader', forward: true },
          { type: 'GROWS_INTO', source: 'role:engineering-leader', target: 'role:ctpo', forward: true },
        ],
      },
    ],
  },
  RelatedToMainEssay: {
    relatedThoughts: [
      {
        node: { id: 'essay:new-ai-ways-of-working', label: 'New AI Ways of Working: 10 Principles for Product Engineering Teams' },
        reasons: [{ kind: 'EDITOR_LINK' }, { kind: 'SHARED_ROLE' }, { kind: 'TEXT_SIMILARITY' }],
      },
      {
        node: { id: 'essay:ai-first-org-design', label: 'Why AI-First Org Design Is Not About Tools' },
        reasons: [{ kind: 'EDITOR_LINK' }, { kind: 'TEXT_SIMILARITY' }],
      },
    ],
  },
  // The shared test store holds no vectors and this test loads no model: the full-text fallback answers
  // (meaning.test.ts asks the same kind of question by meaning).
  WhichPrinciple: {
    similarTo: [
      { signal: 'WORDS', node: { id: 'principle:autonomy-within-boundaries', label: 'Autonomy Within Boundaries' } },
      { signal: 'WORDS', node: { id: 'principle:clear-technical-direction', label: 'Clear Technical Direction' } },
    ],
  },
  CultureMap: {
    conceptMap: {
      truncated: false,
      nodes: [
        { id: 'concept:culture', kind: 'CONCEPT', hiddenNeighbors: 0 },
        { id: 'concept:structure', kind: 'CONCEPT', hiddenNeighbors: 3 },
        { id: 'principle:culture-emerges-from-structure', kind: 'PRINCIPLE', hiddenNeighbors: 0 },
        { id: 'principle:technical-excellence-as-a-value', kind: 'PRINCIPLE', hiddenNeighbors: 4 },
      ],
      edges: [
        { id: 'concept:structure|LEADS_TO|concept:culture', type: 'LEADS_TO' },
        { id: 'principle:culture-emerges-from-structure|ABOUT|concept:culture', type: 'ABOUT' },
        { id: 'principle:culture-emerges-from-structure|ABOUT|concept:structure', type: 'ABOUT' },
        { id: 'principle:culture-emerges-from-structure|LEADS_TO|concept:culture', type: 'LEADS_TO' },
        { id: 'principle:technical-excellence-as-a-value|ABOUT|concept:culture', type: 'ABOUT' },
        { id: 'principle:technical-excellence-as-a-value|SUPPORTS|principle:culture-emerges-from-structure', type: 'SUPPORTS' },
      ],
    },
  },
  PrinciplesTogether: {
    principleLinks: [
      {
        a: { id: 'principle:autonomy-within-boundaries' },
        b: { id: 'principle:clear-technical-direction' },
        cooccurrences: 1,
        jaccard: 1,
        directEdges: ['SUPPORTS'],
      },
      {
        a: { id: 'principle:autonomy-within-boundaries' },
        b: { id: 'principle:culture-emerges-from-structure' },
        cooccurrences: 1,
        jaccard: 1,
        directEdges: [],
      },
    ],
  },
  PrinciplesForEngineer: {
    principlesForRole: [
      { rank: 1, score: 1, node: { id: 'principle:technical-depth-compounds' } },
      { rank: 2, score: 1, node: { id: 'principle:technical-excellence-as-a-value' } },
      { rank: 3, score: 1, node: { id: 'principle:the-journey-never-ends' } },
    ],
  },
  CentralRoles: {
    centrality: [
      { rank: 1, score: 16, node: { id: 'role:engineering-leader' } },
      { rank: 2, score: 11, node: { id: 'role:ctpo' } },
      { rank: 3, score: 9, node: { id: 'role:engineer' } },
    ],
  },
};

let database: GraphDatabase;
let server: Server;

beforeAll(async () => {
  database = connectTestDatabase();
  server = await createTestServer(database, 200_000);
});

afterAll(async () => {
  await server.apollo.stop();
  await database.close();
});

describe('schema/examples.graphql', () => {
  it('has an expected answer for every example, and no answer for a missing one', () => {
    expect([...names].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(names)('%s answers as documented', async (operationName) => {
    const response = await server.apollo.executeOperation({ query: EXAMPLES, operationName }, { contextValue: createRequestContext(database) });
    if (response.body.kind !== 'single') throw new Error('Expected a single result');
    expect(response.body.singleResult.errors).toBeUndefined();
    expect(response.body.singleResult.data).toEqual(EXPECTED[operationName]);
  });
});
