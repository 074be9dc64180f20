import { allowsEdge, EdgeType } from '../../../src/domain/edge-type';
import { ESSAY_LINKS, essayLinkTo, INGESTED_EDGE_TYPES, MENTIONED_KINDS } from '../../../src/domain/essay-ingest';
import { NodeKind } from '../../../src/domain/node-kind';

describe('the essay links table', () => {
  it('makes only edges the edge table allows from an essay', () => {
    for (const link of ESSAY_LINKS) expect([link.type, allowsEdge(link.type, NodeKind.ESSAY, link.kind)]).toEqual([link.type, true]);
  });

  it('gives ingestion its front-matter lists, managed edge types and mentioned kinds', () => {
    expect(ESSAY_LINKS.map((link) => link.field)).toEqual(['principles', 'concepts', 'roles', 'related']);
    expect(INGESTED_EDGE_TYPES).toEqual([EdgeType.ARTICULATES, EdgeType.DISCUSSES, EdgeType.ADDRESSES, EdgeType.RELATES_TO]);
    expect(MENTIONED_KINDS).toEqual([NodeKind.PRINCIPLE, NodeKind.CONCEPT, NodeKind.ROLE]);
    expect(essayLinkTo(NodeKind.CONCEPT)?.type).toBe(EdgeType.DISCUSSES);
    expect(essayLinkTo(NodeKind.PERSON)).toBeNull();
  });
});
