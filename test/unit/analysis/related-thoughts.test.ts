import { findRelatedThoughts } from '../../../src/analysis/related-thoughts';
import { NotFoundError } from '../../../src/domain/errors';
import { ReasonKind } from '../../../src/domain/relatedness';
import { CONTRACT_WORLD } from '../../support/contract-world';
import { createInMemoryReaders } from '../../support/in-memory-readers';

/*
 * relatedThoughts' algorithm on the contract's small world (test/support/contract-world.ts),
 * through the in-memory fakes: evidence as Cypher gathers it, scored by the domain's one formula.
 * In this world no node's distinctive words appear in another node of its kind, so text
 * similarity adds no reason and the scores follow from the structure alone.
 */

const { graph, thinking } = createInMemoryReaders(CONTRACT_WORLD);

describe('findRelatedThoughts', () => {
  it('ranks an essay’s editor link and shared rare principle, and leaves out a role every essay shares', async () => {
    const [sequel, systemsScale] = await graph.findNodes(['essay:systems-over-effort', 'principle:systems-scale']);
    // 1 − (1 − 0.6 × 0.8)(1 − 0.3) = 0.636; Lead, addressed by all three essays, weighs 0.
    expect(await findRelatedThoughts(thinking, 'essay:culture-by-design', 5, graph)).toEqual([
      {
        node: sequel,
        score: 0.636,
        reasons: [
          { kind: ReasonKind.EDITOR_LINK, via: null, weight: 0.48, share: 0.4115, description: 'An editor linked them as related thoughts: a sequel' },
          {
            kind: ReasonKind.SHARED_PRINCIPLE,
            via: systemsScale,
            weight: 0.3,
            share: 0.2245,
            description: 'Both connect to the principle "Systems Scale", which nothing else of their kind shares.',
          },
        ],
      },
    ]);
  });

  it('relates two roles by their direct edge and the essay that addresses both', async () => {
    const [lead, hiringNotes] = await graph.findNodes(['role:lead', 'essay:hiring-notes']);
    expect(await findRelatedThoughts(thinking, 'role:engineer', 5, graph)).toEqual([
      {
        node: lead,
        score: 0.5136,
        reasons: [
          { kind: ReasonKind.DIRECT_EDGE, via: null, weight: 0.36, share: 0.318, description: 'They are joined directly by GROWS_INTO.' },
          {
            kind: ReasonKind.SHARED_ESSAY,
            via: hiringNotes,
            weight: 0.24,
            share: 0.1956,
            description: 'Both appear in the essay "Hiring Notes", which nothing else of their kind shares.',
          },
        ],
      },
    ]);
  });

  it('refuses an unknown node', async () => {
    await expect(findRelatedThoughts(thinking, 'essay:missing', 5, graph)).rejects.toEqual(new NotFoundError('id', 'essay:missing'));
  });
});
