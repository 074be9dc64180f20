import { NodeKind } from '../../../src/domain/node-kind';
import { EdgeType } from '../../../src/domain/edge-type';
import { prepareSeed } from '../../../seed/load-seed';

const REQUIRED_IDS = [
  'essay:engineer-to-ctpo',
  'essay:new-ai-ways-of-working',
  'essay:ai-first-org-design',
  'principle:technical-depth-compounds',
  'principle:culture-emerges-from-structure',
  'principle:scaling-requires-systems',
  'principle:leadership-is-about-outcomes',
  'principle:the-journey-never-ends',
  'principle:technical-excellence-as-a-value',
  'principle:clear-technical-direction',
  'principle:autonomy-within-boundaries',
  'role:engineer',
  'role:engineering-leader',
  'role:ctpo',
  'role:platform-team',
  'role:product-team',
  'concept:technical-depth',
  'concept:product-thinking',
  'concept:business-acumen',
  'concept:culture',
  'concept:structure',
];

describe('the demo graph', () => {
  const { nodes, edges } = prepareSeed();

  it('holds every id that clients and examples rely on', () => {
    const ids = new Set(nodes.map((node) => node.id));
    expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('gives every principle a one-sentence statement and every concept a category', () => {
    for (const node of nodes.filter((n) => n.kind === NodeKind.PRINCIPLE)) {
      expect(String(node.properties.statement)).toMatch(/^[^.]+\.$/);
    }
    for (const node of nodes.filter((n) => n.kind === NodeKind.CONCEPT)) {
      expect(node.properties.category).toEqual(expect.any(String));
    }
  });

  it('traces the author through Autodesk, Kore.ai and Fynd in order', () => {
    const path = edges
      .filter((edge) => edge.type === EdgeType.WORKED_AT)
      .sort((a, b) => Number(a.properties.order) - Number(b.properties.order))
      .map((edge) => edge.target);
    expect(path).toEqual(['organization:autodesk', 'organization:kore-ai', 'organization:fynd']);
  });

  it('refuses an edge between kinds its type does not join', () => {
    expect(() =>
      prepareSeed(
        [
          { id: 'role:a', name: 'A' },
          { id: 'concept:b', name: 'B' },
        ],
        [{ type: EdgeType.GROWS_INTO, from: 'role:a', to: 'concept:b' }],
      ),
    ).toThrow('Seed edge (role:a)-[:GROWS_INTO]->(concept:b) must run Role → Role.');
  });

  it('refuses an edge to a node it does not list', () => {
    expect(() => prepareSeed([{ id: 'role:a', name: 'A' }], [{ type: EdgeType.GROWS_INTO, from: 'role:a', to: 'role:b' }])).toThrow('names a missing node');
  });
});
