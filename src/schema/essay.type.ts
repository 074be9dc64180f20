import { Field, ObjectType } from 'type-graphql';
import type { EssayProperties } from '../domain/node-properties';
import { GraphNode } from './graph-node.type';

@ObjectType({ simpleResolvers: true, implements: GraphNode, description: 'An essay: a piece of writing in the graph.' })
export class Essay extends GraphNode implements EssayProperties {
  @Field({ description: 'The essay’s title (also its label).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'A short summary in the graph’s own words.' })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date, ISO 8601 (YYYY-MM-DD).' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the essay can be read.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Full Markdown text, for ingested essays.' })
  body!: string | null;

  @Field(() => [String], { description: 'Section headings, in order.' })
  sections!: string[];
}
