import { Field, ObjectType } from 'type-graphql';
import type { PrincipleProperties } from '../domain/node-properties';
import { GraphNode } from './graph-node.type';

@ObjectType({ simpleResolvers: true, implements: GraphNode, description: 'A principle: an idea an essay states.' })
export class Principle extends GraphNode implements PrincipleProperties {
  @Field({ description: 'The principle’s name, e.g. "Culture Emerges from Structure".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The principle in one sentence.' })
  statement!: string | null;

  @Field(() => String, { nullable: true, description: 'What the principle means and why.' })
  description!: string | null;

  @Field(() => [String], { description: 'Other names it goes by (searchable).' })
  aliases!: string[];
}
