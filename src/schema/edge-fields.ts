import { EdgeType } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
import { Direction, type Hop } from '../domain/repositories';

const { OUTGOING, INCOMING, ANY } = Direction;

/** A typed neighbour list on a node type: the hop it walks and the kind it reaches, when one. */
export interface EdgeField extends Hop {
  readonly neighbour: NodeKind | null;
}

const field = (type: EdgeType, direction: Direction, neighbour: NodeKind | null): EdgeField => ({ types: [type], direction, neighbour });

/**
 * Every typed neighbour list (Person.career, which has its own order, aside), by GraphQL type and field name: the
 * resolvers read it to load a list, and the selection reader to fetch lists ahead with their
 * node. One table, so the two cannot disagree.
 */
export const EDGE_FIELDS: Readonly<Record<string, Readonly<Record<string, EdgeField>>>> = {
  Essay: {
    principles: field(EdgeType.ARTICULATES, OUTGOING, NodeKind.PRINCIPLE),
    concepts: field(EdgeType.DISCUSSES, OUTGOING, NodeKind.CONCEPT),
    roles: field(EdgeType.ADDRESSES, OUTGOING, NodeKind.ROLE),
    relatedEssays: field(EdgeType.RELATES_TO, ANY, NodeKind.ESSAY),
    authors: field(EdgeType.AUTHORED_BY, OUTGOING, NodeKind.PERSON),
  },
  Principle: {
    essays: field(EdgeType.ARTICULATES, INCOMING, NodeKind.ESSAY),
    concepts: field(EdgeType.ABOUT, OUTGOING, NodeKind.CONCEPT),
    roles: field(EdgeType.APPLIES_TO, OUTGOING, NodeKind.ROLE),
    supports: field(EdgeType.SUPPORTS, OUTGOING, NodeKind.PRINCIPLE),
    supportedBy: field(EdgeType.SUPPORTS, INCOMING, NodeKind.PRINCIPLE),
    inTensionWith: field(EdgeType.IN_TENSION_WITH, ANY, null),
    leadsTo: field(EdgeType.LEADS_TO, OUTGOING, null),
    ledToBy: field(EdgeType.LEADS_TO, INCOMING, null),
  },
  Role: {
    principles: field(EdgeType.APPLIES_TO, INCOMING, NodeKind.PRINCIPLE),
    essays: field(EdgeType.ADDRESSES, INCOMING, NodeKind.ESSAY),
    optimizesFor: field(EdgeType.OPTIMIZES_FOR, OUTGOING, NodeKind.CONCEPT),
    requires: field(EdgeType.REQUIRES, OUTGOING, NodeKind.CONCEPT),
    growsInto: field(EdgeType.GROWS_INTO, OUTGOING, NodeKind.ROLE),
    growsFrom: field(EdgeType.GROWS_INTO, INCOMING, NodeKind.ROLE),
  },
  Concept: {
    essays: field(EdgeType.DISCUSSES, INCOMING, NodeKind.ESSAY),
    principles: field(EdgeType.ABOUT, INCOMING, NodeKind.PRINCIPLE),
    optimizedForBy: field(EdgeType.OPTIMIZES_FOR, INCOMING, NodeKind.ROLE),
    requiredBy: field(EdgeType.REQUIRES, INCOMING, NodeKind.ROLE),
    prevents: field(EdgeType.PREVENTS, OUTGOING, NodeKind.CONCEPT),
    preventedBy: field(EdgeType.PREVENTS, INCOMING, NodeKind.CONCEPT),
    partOf: field(EdgeType.PART_OF, OUTGOING, NodeKind.CONCEPT),
    parts: field(EdgeType.PART_OF, INCOMING, NodeKind.CONCEPT),
    inTensionWith: field(EdgeType.IN_TENSION_WITH, ANY, null),
    leadsTo: field(EdgeType.LEADS_TO, OUTGOING, null),
    ledToBy: field(EdgeType.LEADS_TO, INCOMING, null),
  },
  Person: {
    essays: field(EdgeType.AUTHORED_BY, INCOMING, NodeKind.ESSAY),
  },
  Organization: {
    people: field(EdgeType.WORKED_AT, INCOMING, NodeKind.PERSON),
  },
};

export function edgeFieldOf(typeName: string, fieldName: string): EdgeField | undefined {
  return EDGE_FIELDS[typeName]?.[fieldName];
}
