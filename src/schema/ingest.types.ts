import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SUGGESTION_SIMILARITY } from '../domain/meaning';
import { EdgeOrigin, EdgeType } from './enums';

@ObjectType({ simpleResolvers: true, description: 'An edge ingestion added (or would add) from the essay.' })
export class EdgeChange {
  @Field(() => EdgeType, { description: 'The relationship type.' })
  type!: EdgeType;

  @Field(() => ID, { description: 'The node the essay links to.' })
  target!: string;

  @Field(() => EdgeOrigin, { nullable: true, description: 'ASSERTED (named in the front matter) or INFERRED (an accepted suggestion); null for removals.' })
  origin?: EdgeOrigin | null;

  @Field(() => String, { nullable: true, description: 'For INFERRED edges, the rule and what it matched.' })
  note?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A link the essay’s text suggests but its front matter does not name.' })
export class LinkSuggestion {
  @Field(() => EdgeType, { description: 'The edge it would make from the essay.' })
  type!: EdgeType;

  @Field(() => ID, { description: 'The principle, concept or role mentioned.' })
  target!: string;

  @Field({ description: 'Its name.' })
  label!: string;

  @Field({
    description:
      'mention-in-body: the words in the body that matched (first occurrence). meaning-of-section: the heading of the closest section ("the opening" before the first heading).',
  })
  matched!: string;

  @Field(() => Int, { description: 'mention-in-body: how often it is mentioned. meaning-of-section: how many sections are that close to it.' })
  occurrences!: number;

  @Field({
    description:
      'The rule that found it: mention-in-body (its name or an alias appears) or meaning-of-section (a section means nearly the same, by the sentence model).',
  })
  rule!: string;

  @Field(() => Float, {
    nullable: true,
    description: `meaning-of-section: the cosine similarity of the closest section (at least ${SUGGESTION_SIMILARITY}); null for mentions.`,
  })
  similarity!: number | null;

  @Field({ description: 'True when it was written as an INFERRED edge (acceptSuggestions).' })
  accepted!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What ingesting an essay did, or would do with dryRun.' })
export class IngestReport {
  @Field(() => ID, { description: 'The essay’s id.' })
  essay!: string;

  @Field({ description: 'True when nothing was written.' })
  dryRun!: boolean;

  @Field({ description: 'False when the graph already matched the text.' })
  changed!: boolean;

  @Field({ description: 'The outcome in a sentence.' })
  summary!: string;

  @Field(() => [ID], { description: 'Nodes created.' })
  nodesCreated!: string[];

  @Field(() => [ID], { description: 'Nodes whose properties changed.' })
  nodesUpdated!: string[];

  @Field(() => [EdgeChange], { description: 'Edges added or updated.' })
  edgesAdded!: EdgeChange[];

  @Field(() => [EdgeChange], { description: 'Edges removed (no longer named in the front matter).' })
  edgesRemoved!: EdgeChange[];

  @Field(() => [LinkSuggestion], { description: 'Mentions of known principles, concepts and roles not named in the front matter.' })
  suggestions!: LinkSuggestion[];

  @Field(() => [String], { description: 'Things skipped, such as a named id that does not exist.' })
  warnings!: string[];
}
