import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import type { GraphNodeValue } from './graph-node.type';

@ObjectType({ simpleResolvers: true, description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

export interface ConnectionValue {
  edges: { cursor: string; node: GraphNodeValue }[];
  nodes: GraphNodeValue[];
  pageInfo: PageInfo;
  /** A getter, so the count query runs only when a client asks for it. */
  readonly totalCount: Promise<number>;
}

/** A Relay-style connection type for one node type: `EssayConnection`, `EssayEdge`. */
export function createConnection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `A ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} nodes, in slug order.` })
  class Connection {
    @Field(() => [Edge], { description: 'Items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'Items of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more pages follow.' })
    pageInfo!: PageInfo;

    // Not simple: the value is a promise (see ConnectionValue), which a compiled query awaits
    // only from a resolver.
    @Field(() => Int, { simple: false, description: 'Number of items matching the filter, over all pages.' })
    totalCount!: number;
  }

  return Connection;
}
