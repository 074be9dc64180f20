import { jaccard, lift } from '../../../src/domain/principle-links';
import { EdgeOrigin, EdgeType } from '../../../src/domain/edge-type';
import { NodeKind } from '../../../src/domain/node-kind';
import {
  combineEvidence,
  ideasToSearch,
  NO_TEXT_EVIDENCE,
  ReasonKind,
  scoreRelated,
  sharedNeighbourStrength,
  type RelatedEvidence,
  type TextEvidence,
} from '../../../src/domain/relatedness';

describe('relatedness', () => {
  it('counts a neighbour only two nodes share fully, and a common one less', () => {
    expect(sharedNeighbourStrength(2, 1000)).toBe(1);
    expect(sharedNeighbourStrength(10, 1000)).toBeCloseTo(Math.log(100) / Math.log(500), 10);
    expect(sharedNeighbourStrength(1000, 1000)).toBe(0);
    expect(sharedNeighbourStrength(10, 1000)).toBeGreaterThan(sharedNeighbourStrength(100, 1000));
  });

  it('combines evidence as independent chances: never below the strongest reason, growing with each', () => {
    expect(combineEvidence([])).toBe(0);
    expect(combineEvidence([0.6])).toBeCloseTo(0.6, 10);
    expect(combineEvidence([0.5, 0.5])).toBeCloseTo(0.75, 10);
    expect(combineEvidence([0.6, 0.1])).toBeGreaterThan(combineEvidence([0.6]));
    expect(combineEvidence([0.6, 0.6, 0.6])).toBeLessThan(1);
  });
});

describe('scoreRelated, on a small world', () => {
  // Four essays: a is the source; b shares a rare principle and a role with it, c shares the
  // role and an editor's link; d only matches a few words.
  const editorLink = {
    type: EdgeType.RELATES_TO,
    source: 'essay:a',
    target: 'essay:c',
    weight: 1,
    note: 'a sequel',
    origin: EdgeOrigin.ASSERTED,
    properties: {},
  };
  const evidence: RelatedEvidence = {
    population: 4,
    shared: [
      { via: 'principle:p', viaKind: NodeKind.PRINCIPLE, sharers: 2, candidates: ['essay:b'] },
      { via: 'role:r', viaKind: NodeKind.ROLE, sharers: 3, candidates: ['essay:b', 'essay:c'] },
      { via: 'role:everyone', viaKind: NodeKind.ROLE, sharers: 4, candidates: ['essay:b', 'essay:c', 'essay:d'] },
    ],
    direct: [{ candidate: 'essay:c', edge: editorLink }],
  };
  const text: TextEvidence = {
    words: [
      { id: 'essay:a', score: 10 },
      { id: 'essay:b', score: 5 },
      { id: 'essay:d', score: 0.1 },
    ],
    // essay:e is tied to essay:a by meaning alone (0.4: halfway from the floor, 0.25, to full strength, 0.55); essay:b's cosine is at the floor, so it weighs 0.
    meaning: [
      { id: 'essay:e', similarity: 0.4 },
      { id: 'essay:b', similarity: 0.25 },
    ],
    // essay:d's text says what essay:a's principle says, halfway to full strength; essay:b's only at the floor.
    ideas: [
      {
        idea: { id: 'principle:p', kind: NodeKind.PRINCIPLE, sharers: 2 },
        matches: [
          { id: 'essay:d', similarity: 0.4 },
          { id: 'essay:b', similarity: 0.25 },
        ],
      },
    ],
  };

  it('ranks by the combined score, lists reasons strongest first, and leaves out reasons of weight 0', () => {
    const role = 0.15 * (Math.log(4 / 3) / Math.log(2));
    expect(scoreRelated('essay:a', evidence, text, 10)).toEqual([
      {
        id: 'essay:c',
        score: 0.6249,
        reasons: [
          { kind: ReasonKind.EDITOR_LINK, via: null, weight: 0.6, sharers: null, edge: editorLink, similarity: null, share: 0.5839 },
          { kind: ReasonKind.SHARED_ROLE, via: 'role:r', weight: 0.0623, sharers: 3, edge: null, similarity: null, share: 0.041 },
        ],
      },
      {
        id: 'essay:b',
        score: Math.round((1 - 0.7 * 0.91 * (1 - role)) * 1e4) / 1e4,
        reasons: [
          { kind: ReasonKind.SHARED_PRINCIPLE, via: 'principle:p', weight: 0.3, sharers: 2, edge: null, similarity: null, share: 0.2788 },
          { kind: ReasonKind.TEXT_SIMILARITY, via: null, weight: 0.09, sharers: null, edge: null, similarity: 0.5, share: 0.0737 },
          { kind: ReasonKind.SHARED_ROLE, via: 'role:r', weight: 0.0623, sharers: 3, edge: null, similarity: null, share: 0.0502 },
        ],
      },
      {
        id: 'essay:e',
        score: 0.225,
        reasons: [{ kind: ReasonKind.SIMILAR_MEANING, via: null, weight: 0.225, sharers: null, edge: null, similarity: 0.4, share: 0.225 }],
      },
      {
        // As the shared principle counts (0.3, the principle being rare), times the strength of the cosine.
        id: 'essay:d',
        score: 0.15,
        reasons: [{ kind: ReasonKind.SIMILAR_TO_PRINCIPLE, via: 'principle:p', weight: 0.15, sharers: 2, edge: null, similarity: 0.4, share: 0.15 }],
      },
    ]);
  });

  it('splits each score among its reasons by their log-chances, so the shares add up to the score', () => {
    for (const candidate of scoreRelated('essay:a', evidence, text, 10)) {
      const shares = candidate.reasons.reduce((sum, reason) => sum + reason.share, 0);
      expect(shares).toBeCloseTo(candidate.score, 3);
    }
  });

  it('returns only the best first', () => {
    expect(scoreRelated('essay:a', evidence, text, 1).map((candidate) => candidate.id)).toEqual(['essay:c']);
  });

  it('never lets a reason weigh more than the score of the item it explains', () => {
    for (const candidate of scoreRelated('essay:a', evidence, text, 10)) {
      for (const reason of candidate.reasons) expect(reason.weight).toBeLessThanOrEqual(candidate.score);
    }
  });
});

describe('relating through linked ideas', () => {
  const evidence: RelatedEvidence = { population: 40, shared: [], direct: [] };
  const idea = { id: 'concept:c', kind: NodeKind.CONCEPT, sharers: 2 };
  // Twelve matches, the source among them: ten of the other eleven are used, nearest first.
  const matches = [{ id: 'essay:a', similarity: 0.55 }, ...Array.from({ length: 11 }, (_, i) => ({ id: `essay:m${i}`, similarity: 0.54 - i * 0.01 }))];

  it('leaves the source out of an idea’s matches and uses the ten nearest of the others', () => {
    const related = scoreRelated('essay:a', evidence, { ...NO_TEXT_EVIDENCE, ideas: [{ idea, matches }] }, 20);
    expect(related.map((candidate) => candidate.id)).toEqual(Array.from({ length: 10 }, (_, i) => `essay:m${i}`));
    expect(related[0]!.reasons).toEqual([
      { kind: ReasonKind.SIMILAR_TO_CONCEPT, via: 'concept:c', weight: 0.232, sharers: 2, edge: null, similarity: 0.54, share: 0.232 },
    ]);
  });

  it('picks the rarest linked ideas first, then by id, at most four', () => {
    const linked = [
      { id: 'principle:common', kind: NodeKind.PRINCIPLE, sharers: 30 },
      { id: 'concept:b', kind: NodeKind.CONCEPT, sharers: 3 },
      { id: 'concept:a', kind: NodeKind.CONCEPT, sharers: 3 },
      { id: 'principle:rare', kind: NodeKind.PRINCIPLE, sharers: 1 },
      { id: 'concept:hub', kind: NodeKind.CONCEPT, sharers: 300 },
      { id: 'concept:some', kind: NodeKind.CONCEPT, sharers: 12 },
    ];
    expect(ideasToSearch(linked).map((found) => found.id)).toEqual(['principle:rare', 'concept:a', 'concept:b', 'concept:some']);
  });
});

describe('scoreRelated through hubs', () => {
  // 300 essays behind two roles, 40 behind a rarer principle: most candidates tie, and the best
  // `first` must be exactly what sorting every candidate by score, then id, gives.
  const ids = Array.from({ length: 300 }, (_, i) => `essay:${String((i * 7919) % 300).padStart(3, '0')}`);
  const evidence: RelatedEvidence = {
    population: 400,
    shared: [
      { via: 'role:everyone', viaKind: NodeKind.ROLE, sharers: 301, candidates: ids },
      { via: 'role:many', viaKind: NodeKind.ROLE, sharers: 201, candidates: ids.slice(0, 200) },
      { via: 'principle:some', viaKind: NodeKind.PRINCIPLE, sharers: 41, candidates: ids.slice(150, 190) },
    ],
    direct: [],
  };
  const byScoreThenId = (a: { id: string; score: number }, b: { id: string; score: number }) => b.score - a.score || new Intl.Collator().compare(a.id, b.id);

  it.each([1, 5, 39, 40, 41, 50, 199, 200, 300, 301])('keeps the same best %i as a full sort', (first) => {
    const all = scoreRelated('essay:source', evidence, NO_TEXT_EVIDENCE, 1000).map(({ id, score }) => ({ id, score }));
    expect(all).toHaveLength(300);
    expect([...all].sort(byScoreThenId)).toEqual(all);
    expect(scoreRelated('essay:source', evidence, NO_TEXT_EVIDENCE, first).map(({ id, score }) => ({ id, score }))).toEqual(all.slice(0, first));
  });
});

describe('scoreRelated on node indices', () => {
  // The projection hands the same candidates as node indices: the answer must not change.
  const ids = Array.from({ length: 120 }, (_, i) => `essay:${String((i * 37) % 120).padStart(3, '0')}`);
  const link = { type: EdgeType.RELATES_TO, source: 'essay:000', target: 'essay:077', weight: 0.5, note: null, origin: EdgeOrigin.ASSERTED, properties: {} };
  const evidence: RelatedEvidence = {
    population: 200,
    shared: [
      { via: 'role:many', viaKind: NodeKind.ROLE, sharers: 101, candidates: ids.slice(0, 100) },
      { via: 'concept:some', viaKind: NodeKind.CONCEPT, sharers: 21, candidates: ids.slice(60, 80) },
      { via: 'principle:few', viaKind: NodeKind.PRINCIPLE, sharers: 4, candidates: ids.slice(75, 78) },
    ],
    direct: [{ candidate: 'essay:077', edge: link }],
  };
  const words = [
    { id: 'essay:000', score: 8 },
    { id: 'essay:110', score: 4 },
    { id: 'essay:missing', score: 3 },
  ];
  const text = { words, meaning: [{ id: 'essay:030', similarity: 0.7 }], ideas: [] };
  const withoutMissing = { ...text, words: words.slice(0, 2) };
  const all = ['essay:000', ...ids.filter((id) => id !== 'essay:000')];
  const indexedBy = (order: readonly string[], inIdOrder: boolean): RelatedEvidence => {
    const at = new Map(order.map((id, node) => [id, node]));
    return {
      ...evidence,
      nodes: {
        ids: order,
        indexOf: (id) => at.get(id),
        shared: evidence.shared.map((via) => Uint32Array.from(via.candidates, (id) => at.get(id)!).sort()),
        inIdOrder,
      },
    };
  };
  // Indices in no particular order (ties go by id), and in id order (ties go by index).
  const indexed = indexedBy(all, false);
  const sorted = indexedBy([...all].sort(), true);

  it.each([1, 3, 5, 21, 50, 119])('gives the same best %i as scoring by id', (first) => {
    const byId = scoreRelated('essay:000', evidence, withoutMissing, first);
    expect(byId.length).toBe(Math.min(first, 100)); // 99 behind the role besides the source (essay:030 among them), and one matched by text
    expect(scoreRelated('essay:000', indexed, withoutMissing, first)).toEqual(byId);
    expect(scoreRelated('essay:000', sorted, withoutMissing, first)).toEqual(byId);
  });

  it('leaves out a text match the projection does not hold (a node newer than its version)', () => {
    expect(scoreRelated('essay:000', indexed, text, 200).map((candidate) => candidate.id)).not.toContain('essay:missing');
    expect(scoreRelated('essay:000', evidence, text, 200).map((candidate) => candidate.id)).toContain('essay:missing');
  });
});

describe('principle co-occurrence', () => {
  it('computes Jaccard and lift over essays', () => {
    const counts = { shared: 2, first: 4, second: 3, essays: 10 };
    expect(jaccard(counts)).toBeCloseTo(2 / 5, 10);
    expect(lift(counts)).toBeCloseTo((2 * 10) / 12, 10);
    expect(jaccard({ shared: 0, first: 0, second: 0, essays: 3 })).toBe(0);
    expect(lift({ shared: 0, first: 0, second: 2, essays: 3 })).toBe(0);
  });
});
