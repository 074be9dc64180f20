import { MAX_SLUG_LENGTH } from './node-id';
import type { NodeKind } from './node-kind';

/*
 * The properties each kind of node holds besides its id and slug, as the graph stores them and
 * the API shows them (GraphQL's object types implement these; its inputs, a partial of them),
 * and one table of how long each text may be, which the API's input validation and essay
 * ingestion both read.
 */

export interface EssayProperties {
  readonly title: string;
  readonly summary: string | null;
  /** YYYY-MM-DD. */
  readonly publishedAt: string | null;
  readonly url: string | null;
  /** The Markdown text of an ingested essay. */
  readonly body: string | null;
  readonly sections: readonly string[];
}

/** What principles, roles and concepts share. */
export interface NamedProperties {
  readonly name: string;
  readonly description: string | null;
  /** Other names it goes by; searchable, and found as mentions in ingested essays. */
  readonly aliases: readonly string[];
}

export interface PrincipleProperties extends NamedProperties {
  /** The principle in one sentence. */
  readonly statement: string | null;
}

export type RoleProperties = NamedProperties;

export interface ConceptProperties extends NamedProperties {
  /** A lower-case word: capability, outcome, value, practice, boundary, risk, ... */
  readonly category: string | null;
}

export interface PersonProperties {
  readonly name: string;
}

export interface OrganizationProperties {
  readonly name: string;
}

/** A table with an entry for every kind: a new kind in NodeKind fails to compile until it has one. */
type EveryKind<Table extends Readonly<Record<NodeKind, object>>> = Table;

/** The properties of a node of each kind. */
export type PropertiesByKind = EveryKind<{
  readonly [NodeKind.ESSAY]: EssayProperties;
  readonly [NodeKind.PRINCIPLE]: PrincipleProperties;
  readonly [NodeKind.ROLE]: RoleProperties;
  readonly [NodeKind.CONCEPT]: ConceptProperties;
  readonly [NodeKind.PERSON]: PersonProperties;
  readonly [NodeKind.ORGANIZATION]: OrganizationProperties;
}>;

/** What an update may say of a property: a value, null to remove it, or nothing to leave it. */
export type PropertyChanges<Properties> = { readonly [Name in keyof Properties]?: Properties[Name] | null };

type AnyProperties = PropertiesByKind[keyof PropertiesByKind];
type PropertyName = AnyProperties extends infer Each ? (Each extends unknown ? keyof Each : never) : never;

export interface TextLimit {
  /** Fewest characters; absent: may be empty. */
  readonly min?: number;
  /** Most characters (of each item, for a list). */
  readonly max: number;
  /** For a list of texts: most items. */
  readonly items?: number;
}

/**
 * How long each text may be, by property (the same for every kind that has it), and the slug's.
 * Past a limit is BAD_USER_INPUT. A date has a format instead (`publishedAt`, YYYY-MM-DD).
 */
export const TEXT_LIMITS = {
  slug: { min: 1, max: MAX_SLUG_LENGTH },
  title: { min: 1, max: 200 },
  name: { min: 1, max: 200 },
  summary: { max: 2000 },
  url: { max: 2000 },
  /** Characters of an essay's body; an ingested essay's whole Markdown, in UTF-8 bytes. */
  body: { max: 1_000_000 },
  sections: { max: 200, items: 100 },
  description: { max: 4000 },
  aliases: { min: 1, max: 100, items: 20 },
  statement: { max: 300 },
  category: { max: 60 },
} as const satisfies Readonly<Record<Exclude<PropertyName, 'publishedAt'> | 'slug', TextLimit>>;
