import { EdgeOrigin, EdgeType } from '../../../src/domain/edge-type';
import type { EssayEdge, EssayState } from '../../../src/domain/essay-ingest';
import { MEANING_RULE, MENTION_RULE, planEssay, type Suggestion } from '../../../src/editing/ingest-essay';
import { parseEssayMarkdown } from '../../../src/editing/markdown-essay';

/** A small world: one essay about platform teams, naming a principle and a role. */
const ID = 'essay:platform-teams';
const parsed = parseEssayMarkdown('---\ntitle: Platform Teams\nslug: platform-teams\n---\n# Platform Teams\n\nText.\n\n## Contracts\n');
const asserted = (type: EdgeType, target: string): EssayEdge => ({ type, target, origin: EdgeOrigin.ASSERTED, weight: 1, note: null });
const NAMED = [asserted(EdgeType.ARTICULATES, 'principle:autonomy-within-boundaries'), asserted(EdgeType.ADDRESSES, 'role:platform-team')];
const PROPERTIES = {
  title: 'Platform Teams',
  summary: null,
  publishedAt: null,
  url: null,
  body: '# Platform Teams\n\nText.\n\n## Contracts',
  sections: ['Contracts'],
};
const MENTION: Suggestion = {
  type: EdgeType.DISCUSSES,
  target: 'concept:culture',
  label: 'Culture',
  matched: 'culture',
  occurrences: 2,
  rule: MENTION_RULE,
  similarity: null,
  accepted: true,
};
const BY_MEANING: Suggestion = {
  type: EdgeType.ARTICULATES,
  target: 'principle:culture-emerges-from-structure',
  label: 'Culture Emerges from Structure',
  matched: 'Contracts',
  occurrences: 1,
  rule: MEANING_RULE,
  similarity: 0.5213,
  accepted: true,
};
const inferred = (target: string, note: string): EssayEdge => ({ type: EdgeType.DISCUSSES, target, origin: EdgeOrigin.INFERRED, weight: 0.5, note });

describe('planning an essay', () => {
  it('creates a new essay with its named links, in type and target order', () => {
    expect(planEssay(ID, parsed, null, NAMED, null)).toEqual({
      id: ID,
      slug: 'platform-teams',
      properties: PROPERTIES,
      node: 'created',
      add: [NAMED[1], NAMED[0]],
      remove: [],
    });
  });

  it('changes nothing when the graph already holds what the text says', () => {
    const current: EssayState = { properties: PROPERTIES, edges: NAMED };
    expect(planEssay(ID, parsed, current, NAMED, null)).toMatchObject({ node: 'unchanged', add: [], remove: [] });
  });

  it('removes a named link the text dropped, and updates changed properties', () => {
    const current: EssayState = {
      properties: { ...PROPERTIES, title: 'Old Title' },
      edges: [...NAMED, asserted(EdgeType.RELATES_TO, 'essay:engineer-to-ctpo')],
    };
    expect(planEssay(ID, parsed, current, NAMED, null)).toMatchObject({
      node: 'updated',
      add: [],
      remove: [{ type: EdgeType.RELATES_TO, target: 'essay:engineer-to-ctpo' }],
    });
  });

  it('writes accepted mentions as inferred edges naming the rule, and drops stale ones only when accepting', () => {
    const stale = inferred('concept:structure', `rule ${MENTION_RULE}: mentions "structure"`);
    const otherRule = inferred('concept:growth', 'rule some-other-rule');
    const current: EssayState = { properties: PROPERTIES, edges: [...NAMED, stale, otherRule] };
    expect(planEssay(ID, parsed, current, NAMED, [MENTION])).toMatchObject({
      node: 'unchanged',
      add: [inferred('concept:culture', `rule ${MENTION_RULE}: mentions "culture"`)],
      remove: [{ type: EdgeType.DISCUSSES, target: 'concept:structure' }],
    });
    expect(planEssay(ID, parsed, current, NAMED, null)).toMatchObject({ add: [], remove: [] });
  });

  it('writes an accepted suggestion by meaning as an inferred edge naming its rule, section and similarity, and drops it when no longer suggested', () => {
    const edge: EssayEdge = {
      type: EdgeType.ARTICULATES,
      target: 'principle:culture-emerges-from-structure',
      origin: EdgeOrigin.INFERRED,
      weight: 0.5,
      note: `rule ${MEANING_RULE}: "Contracts" (similarity 0.52)`,
    };
    expect(planEssay(ID, parsed, { properties: PROPERTIES, edges: NAMED }, NAMED, [BY_MEANING])).toMatchObject({ add: [edge], remove: [] });
    expect(planEssay(ID, parsed, { properties: PROPERTIES, edges: [...NAMED, edge] }, NAMED, [])).toMatchObject({
      add: [],
      remove: [{ type: EdgeType.ARTICULATES, target: 'principle:culture-emerges-from-structure' }],
    });
    // Ingested again without the model: the meaning rule did not run, so its edge stays.
    expect(planEssay(ID, parsed, { properties: PROPERTIES, edges: [...NAMED, edge] }, NAMED, [], [MENTION_RULE])).toMatchObject({ add: [], remove: [] });
  });
});
