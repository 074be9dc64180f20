import { Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { EdgeRecord, NodeRecord } from '../domain/graph-records';
import { EdgeOrigin, EdgeType, NodeKind } from './enums';

/** What resolvers hand to GraphQL for a node: the record's fields and properties, flat. */
export type GraphNodeValue = { id: string; kind: NodeKind } & Record<string, unknown>;

export function toGraphNode(record: NodeRecord): GraphNodeValue {
  const { properties, ...common } = record;
  return { aliases: [], sections: [], ...properties, ...common };
}

const TYPE_NAME_BY_KIND: Record<NodeKind, string> = {
  [NodeKind.ESSAY]: 'Essay',
  [NodeKind.PRINCIPLE]: 'Principle',
  [NodeKind.ROLE]: 'Role',
  [NodeKind.CONCEPT]: 'Concept',
  [NodeKind.PERSON]: 'Person',
  [NodeKind.ORGANIZATION]: 'Organization',
};

export function typeNameOfKind(kind: NodeKind): string {
  return TYPE_NAME_BY_KIND[kind];
}

/** The object type of a node value: its kind's. */
export const resolveGraphNodeType = (value: GraphNodeValue): string => TYPE_NAME_BY_KIND[value.kind];

@InterfaceType('GraphNode', {
  description: 'Any node of the graph. Every node has a stable, readable id `<kind>:<slug>`.',
  resolveType: resolveGraphNodeType,
})
export abstract class GraphNode {
  @Field(() => ID, { description: 'Stable id, `<kind>:<slug>`, e.g. `role:ctpo`.' })
  id!: string;

  @Field(() => NodeKind, { description: 'The node’s kind.' })
  kind!: NodeKind;

  @Field({ description: 'Unique within the kind; the part of the id after the colon.' })
  slug!: string;

  @Field({ description: 'Display label: the title of an essay, the name of anything else.' })
  label!: string;

  @Field(() => Int, { description: 'Number of edges of any type and direction at this node.' })
  degree!: number;
}

@ObjectType({ simpleResolvers: true, description: 'An edge in the order a walk meets it: a step of a path.' })
export class PathEdge {
  @Field(() => EdgeType, { description: 'The relationship type.' })
  type!: EdgeType;

  @Field(() => ID, { description: 'Id of the node the edge starts at.' })
  source!: string;

  @Field(() => ID, { description: 'Id of the node the edge points to.' })
  target!: string;

  @Field({ description: 'True when the walk follows the edge’s direction (from source to target).' })
  forward!: boolean;

  @Field(() => Float, { description: 'Strength of the link, 0..1 (1 unless set).' })
  weight!: number;
}

@ObjectType({ simpleResolvers: true, description: 'An edge seen from one of its ends, with the node at the other end.' })
export class GraphEdge extends PathEdge {
  @Field(() => String, { nullable: true, description: 'A short reason for the link.' })
  note!: string | null;

  @Field(() => EdgeOrigin, { description: 'Whether an editor asserted the edge or a rule inferred it.' })
  origin!: EdgeOrigin;

  @Field(() => GraphNode, { description: 'The node at the other end.' })
  node!: GraphNodeValue;
}

export function toGraphEdge(edge: EdgeRecord, from: string, other: NodeRecord): GraphEdge {
  return {
    type: edge.type,
    source: edge.source,
    target: edge.target,
    forward: edge.source === from,
    weight: edge.weight,
    note: edge.note,
    origin: edge.origin,
    node: toGraphNode(other),
  };
}
