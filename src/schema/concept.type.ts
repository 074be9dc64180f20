import { Field, ObjectType } from 'type-graphql';
import type { ConceptProperties } from '../domain/node-properties';
import { GraphNode } from './graph-node.type';

@ObjectType({ simpleResolvers: true, implements: GraphNode, description: 'A concept between principles and roles.' })
export class Concept extends GraphNode implements ConceptProperties {
  @Field({ description: 'The concept’s name, e.g. "Product Thinking".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the concept means here.' })
  description!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'capability, outcome, value, practice, boundary, risk, ...',
  })
  category!: string | null;

  @Field(() => [String], { description: 'Other names it goes by (searchable).' })
  aliases!: string[];
}
