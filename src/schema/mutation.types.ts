import { Field, Int, ObjectType } from 'type-graphql';
import { GraphEdge, GraphNode, type GraphNodeValue } from './graph-node.type';

@ObjectType({ simpleResolvers: true, description: 'The node an upsert wrote, and whether it was new.' })
export class UpsertResult {
  @Field(() => GraphNode, { description: 'The node as it is now.' })
  node!: GraphNodeValue;

  @Field({ description: 'True when the node did not exist before.' })
  created!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The edge a link wrote, and whether it was new.' })
export class LinkResult {
  @Field(() => GraphEdge, { description: 'The edge as it is now, seen from its source.' })
  edge!: GraphEdge;

  @Field({ description: 'True when the edge did not exist before (false: its properties were updated).' })
  created!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What an unlink removed.' })
export class UnlinkResult {
  @Field({ description: 'True when an edge was removed; false when there was none.' })
  removed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What a deleteNode removed.' })
export class DeleteResult {
  @Field({ description: 'The id of the deleted node.' })
  id!: string;

  @Field(() => Int, { description: 'Edges removed with it.' })
  edgesRemoved!: number;
}
