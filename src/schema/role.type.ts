import { Field, ObjectType } from 'type-graphql';
import type { RoleProperties } from '../domain/node-properties';
import { GraphNode } from './graph-node.type';

@ObjectType({ simpleResolvers: true, implements: GraphNode, description: 'A role that essays speak to and principles guide.' })
export class Role extends GraphNode implements RoleProperties {
  @Field({ description: 'The role’s name, e.g. "Engineering Leader".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What people in the role do.' })
  description!: string | null;

  @Field(() => [String], { description: 'Other names it goes by (searchable).' })
  aliases!: string[];
}
