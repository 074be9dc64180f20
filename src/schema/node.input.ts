import { ArrayMaxSize, IsISO8601, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SLUG_PATTERN } from '../domain/node-id';
import {
  TEXT_LIMITS,
  type ConceptProperties,
  type EssayProperties,
  type NamedProperties,
  type PrincipleProperties,
  type PropertyChanges,
  type RoleProperties,
} from '../domain/node-properties';

const SLUG_RULE = { message: 'slug must be lower-case words joined by single hyphens, like "culture-emerges-from-structure"' };
/** A count as the descriptions write it: 2,000. */
const count = (value: number): string => value.toLocaleString('en-US');

/*
 * Upsert inputs: create or update by slug. A field left out is left as it is; a field given as
 * null is removed.
 */

@InputType({ description: 'An essay to create or update by slug.' })
export class EssayInput implements PropertyChanges<EssayProperties> {
  @Field({ description: `Lower-case words joined by hyphens, at most ${TEXT_LIMITS.slug.max} characters.` })
  @Matches(SLUG_PATTERN, SLUG_RULE)
  @Length(TEXT_LIMITS.slug.min, TEXT_LIMITS.slug.max)
  slug!: string;

  @Field({ description: `Title, ${TEXT_LIMITS.title.min}..${TEXT_LIMITS.title.max} characters.` })
  @Length(TEXT_LIMITS.title.min, TEXT_LIMITS.title.max)
  title!: string;

  @Field(() => String, { nullable: true, description: `Summary, at most ${count(TEXT_LIMITS.summary.max)} characters.` })
  @IsOptional()
  @MaxLength(TEXT_LIMITS.summary.max)
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date, YYYY-MM-DD.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'publishedAt must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'publishedAt must be a real date' })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, description: `An http(s) URL, at most ${count(TEXT_LIMITS.url.max)} characters.` })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(TEXT_LIMITS.url.max)
  url?: string | null;

  @Field(() => String, { nullable: true, description: `Markdown body, at most ${TEXT_LIMITS.body.max / 1_000_000} MB.` })
  @IsOptional()
  @MaxLength(TEXT_LIMITS.body.max)
  body?: string | null;

  @Field(() => [String], { nullable: true, description: `Section headings, at most ${TEXT_LIMITS.sections.items} of ${TEXT_LIMITS.sections.max} characters.` })
  @IsOptional()
  @ArrayMaxSize(TEXT_LIMITS.sections.items)
  @MaxLength(TEXT_LIMITS.sections.max, { each: true })
  sections?: string[] | null;
}

@InputType({ description: 'Name, description and aliases: shared by principles, roles and concepts.' })
class NamedNodeInput implements PropertyChanges<NamedProperties> {
  @Field({ description: `Lower-case words joined by hyphens, at most ${TEXT_LIMITS.slug.max} characters.` })
  @Matches(SLUG_PATTERN, SLUG_RULE)
  @Length(TEXT_LIMITS.slug.min, TEXT_LIMITS.slug.max)
  slug!: string;

  @Field({ description: `Name, ${TEXT_LIMITS.name.min}..${TEXT_LIMITS.name.max} characters.` })
  @Length(TEXT_LIMITS.name.min, TEXT_LIMITS.name.max)
  name!: string;

  @Field(() => String, { nullable: true, description: `Description, at most ${count(TEXT_LIMITS.description.max)} characters.` })
  @IsOptional()
  @MaxLength(TEXT_LIMITS.description.max)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: `Other names, at most ${TEXT_LIMITS.aliases.items} of ${TEXT_LIMITS.aliases.max} characters.` })
  @IsOptional()
  @ArrayMaxSize(TEXT_LIMITS.aliases.items)
  @Length(TEXT_LIMITS.aliases.min, TEXT_LIMITS.aliases.max, { each: true })
  aliases?: string[] | null;
}

@InputType({ description: 'A principle to create or update by slug.' })
export class PrincipleInput extends NamedNodeInput implements PropertyChanges<PrincipleProperties> {
  @Field(() => String, { nullable: true, description: `The principle in one sentence, at most ${count(TEXT_LIMITS.statement.max)} characters.` })
  @IsOptional()
  @MaxLength(TEXT_LIMITS.statement.max)
  statement?: string | null;
}

@InputType({ description: 'A role to create or update by slug.' })
export class RoleInput extends NamedNodeInput implements PropertyChanges<RoleProperties> {}

@InputType({ description: 'A concept to create or update by slug.' })
export class ConceptInput extends NamedNodeInput implements PropertyChanges<ConceptProperties> {
  @Field(() => String, {
    nullable: true,
    description: `capability, outcome, value, practice, boundary, risk, ... (at most ${count(TEXT_LIMITS.category.max)} characters).`,
  })
  @IsOptional()
  @Matches(new RegExp(`^[a-z][a-z-]{0,${TEXT_LIMITS.category.max - 1}}$`), { message: 'category must be a lower-case word, like "risk"' })
  category?: string | null;
}
