import { ArrayMaxSize, IsISO8601, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../domain/node-id';

const SLUG_RULE = { message: 'slug must be lower-case words joined by single hyphens, like "culture-emerges-from-structure"' };

/*
 * Upsert inputs: create or update by slug. A field left out is left as it is; a field given as
 * null is removed.
 */

@InputType({ description: 'An essay to create or update by slug.' })
export class EssayInput {
  @Field({ description: `Lower-case words joined by hyphens, at most ${MAX_SLUG_LENGTH} characters.` })
  @Matches(SLUG_PATTERN, SLUG_RULE)
  @Length(1, MAX_SLUG_LENGTH)
  slug!: string;

  @Field({ description: 'Title, 1..200 characters.' })
  @Length(1, 200)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Summary, at most 2,000 characters.' })
  @IsOptional()
  @MaxLength(2000)
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date, YYYY-MM-DD.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'publishedAt must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'publishedAt must be a real date' })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL, at most 2,000 characters.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown body, at most 1 MB.' })
  @IsOptional()
  @MaxLength(1_000_000)
  body?: string | null;

  @Field(() => [String], { nullable: true, description: 'Section headings, at most 100 of 200 characters.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(200, { each: true })
  sections?: string[] | null;
}

@InputType({ description: 'Name, description and aliases: shared by principles, roles and concepts.' })
class NamedNodeInput {
  @Field({ description: `Lower-case words joined by hyphens, at most ${MAX_SLUG_LENGTH} characters.` })
  @Matches(SLUG_PATTERN, SLUG_RULE)
  @Length(1, MAX_SLUG_LENGTH)
  slug!: string;

  @Field({ description: 'Name, 1..200 characters.' })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description, at most 4,000 characters.' })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other names, at most 20 of 100 characters.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  aliases?: string[] | null;
}

@InputType({ description: 'A principle to create or update by slug.' })
export class PrincipleInput extends NamedNodeInput {
  @Field(() => String, { nullable: true, description: 'The principle in one sentence, at most 300 characters.' })
  @IsOptional()
  @MaxLength(300)
  statement?: string | null;
}

@InputType({ description: 'A role to create or update by slug.' })
export class RoleInput extends NamedNodeInput {}

@InputType({ description: 'A concept to create or update by slug.' })
export class ConceptInput extends NamedNodeInput {
  @Field(() => String, { nullable: true, description: 'capability, outcome, value, practice, boundary, risk, ... (at most 60 characters).' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{0,59}$/, { message: 'category must be a lower-case word, like "risk"' })
  category?: string | null;
}
