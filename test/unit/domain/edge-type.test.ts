import { allowsEdge, EDGE_RULES, EDGE_TYPES, EdgeType, edgeTypesJoining } from '../../../src/domain/edge-type';
import { NodeKind } from '../../../src/domain/node-kind';

describe('the edge table', () => {
  it('has a rule and a phrase for every edge type', () => {
    expect(Object.keys(EDGE_RULES).sort()).toEqual([...EDGE_TYPES].sort());
    for (const type of EDGE_TYPES) expect(EDGE_RULES[type].phrase).toMatch(/^[a-z ]+$/);
  });

  it('allows only the kinds DESIGN.md lists for each type', () => {
    expect(allowsEdge(EdgeType.GROWS_INTO, NodeKind.ROLE, NodeKind.ROLE)).toBe(true);
    expect(allowsEdge(EdgeType.GROWS_INTO, NodeKind.ROLE, NodeKind.CONCEPT)).toBe(false);
    expect(allowsEdge(EdgeType.LEADS_TO, NodeKind.PRINCIPLE, NodeKind.CONCEPT)).toBe(true);
    expect(allowsEdge(EdgeType.LEADS_TO, NodeKind.ESSAY, NodeKind.CONCEPT)).toBe(false);
    expect(allowsEdge(EdgeType.ARTICULATES, NodeKind.PRINCIPLE, NodeKind.ESSAY)).toBe(false);
    expect(allowsEdge(EdgeType.WORKED_AT, NodeKind.PERSON, NodeKind.ORGANIZATION)).toBe(true);
  });

  it('names the types that may join two kinds, either way round', () => {
    expect(edgeTypesJoining(NodeKind.PRINCIPLE, NodeKind.PRINCIPLE)).toEqual([EdgeType.SUPPORTS, EdgeType.IN_TENSION_WITH, EdgeType.LEADS_TO]);
    expect(edgeTypesJoining(NodeKind.CONCEPT, NodeKind.ESSAY)).toEqual([EdgeType.DISCUSSES]);
    expect(edgeTypesJoining(NodeKind.PERSON, NodeKind.ROLE)).toEqual([]);
  });
});
