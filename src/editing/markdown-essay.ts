import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { BadUserInputError } from '../domain/errors';
import { ESSAY_LINKS, type EssayLinkField } from '../domain/essay-ingest';
import { isSlug } from '../domain/node-id';
import { TEXT_LIMITS, type EssayProperties } from '../domain/node-properties';

/** The plugin's own declarations import a path of markdown-it that its current types no longer have. */
const FRONT_MATTER = frontMatter as unknown as MarkdownIt.PluginWithOptions<(text: string) => void>;

/** A Markdown essay refused, with the line (1-based, in the whole text) the problem is on. */
export class IngestError extends BadUserInputError {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super('markdown', line === null ? message : `Line ${line}: ${message}`);
  }

  override get details(): Record<string, unknown> {
    return { ...super.details, ...(this.line === null ? {} : { line: this.line }) };
  }
}

export interface ParsedEssay extends EssayProperties {
  readonly slug: string;
  /** The Markdown after the front matter. */
  readonly body: string;
  /** What the front matter names, as written (ids or slugs). */
  readonly named: Readonly<Record<EssayLinkField, string[]>>;
  /** Body text outside code, for finding mentions. */
  readonly prose: string;
  /** The prose under each section heading (`heading` null: before the first one), empty ones left out, for suggestions by meaning. */
  readonly passages: readonly Passage[];
}

export interface Passage {
  readonly heading: string | null;
  readonly text: string;
}

/** The most an essay's whole Markdown may weigh, in UTF-8 bytes: the limit of an essay's body. */
export const MAX_MARKDOWN_BYTES = TEXT_LIMITS.body.max;

const LIST_FIELDS = ESSAY_LINKS.map((link) => link.field);
const KNOWN_FIELDS = new Set(['title', 'slug', 'date', 'url', 'summary', ...LIST_FIELDS]);

/**
 * Reads an essay: YAML front matter (title, slug, date, url, summary, principles, concepts,
 * roles, related) and a Markdown body whose headings become sections. The title may instead be
 * the first `#` heading; the slug defaults to the title's.
 */
export function parseEssayMarkdown(markdown: string): ParsedEssay {
  if (Buffer.byteLength(markdown, 'utf8') > MAX_MARKDOWN_BYTES) {
    throw new IngestError(`The essay is over ${MAX_MARKDOWN_BYTES / 1_000_000} MB.`, null);
  }
  let frontMatterText = '';
  const md = new MarkdownIt().use(FRONT_MATTER, (text: string) => {
    frontMatterText = text;
  });
  const tokens = md.parse(markdown, {});
  const meta = readFrontMatter(frontMatterText);
  const headings = readHeadings(tokens);
  const firstH1 = headings.find((heading) => heading.level === 1) ?? null;
  const title = typeof meta.title === 'string' ? meta.title.trim() : (firstH1?.text ?? '');
  // The heading that states the title is not a section.
  const titleHeading = firstH1?.text === title ? firstH1 : null;
  if (!title) throw new IngestError('The essay needs a title: a "title" in the front matter or a "# " heading.', 1);
  if (title.length > TEXT_LIMITS.title.max) {
    throw new IngestError(`The title is longer than ${TEXT_LIMITS.title.max} characters.`, lineOf(markdown, 'title:'));
  }
  const slug = typeof meta.slug === 'string' ? meta.slug : slugify(title);
  if (!isSlug(slug)) throw new IngestError(`"${slug}" is not a slug (lower-case words joined by hyphens).`, lineOf(markdown, 'slug:'));
  const bodyStart = tokens.find((token) => token.type === 'front_matter')?.map?.[1] ?? 0;
  return {
    slug,
    title,
    summary: optionalString(meta, 'summary', markdown, TEXT_LIMITS.summary.max),
    publishedAt: readDate(meta, markdown),
    url: readUrl(meta, markdown),
    body: markdown.split('\n').slice(bodyStart).join('\n').trim(),
    sections: headings.filter((heading) => heading !== titleHeading).map((heading) => heading.text),
    named: Object.fromEntries(LIST_FIELDS.map((field) => [field, readList(meta, field, markdown)])) as ParsedEssay['named'],
    prose: readProse(tokens),
    passages: readPassages(tokens, titleHeading?.text ?? null),
  };
}

function readFrontMatter(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // +1: the opening `---` line.
      throw new IngestError(`Front matter is not valid YAML: ${error.message.split('\n')[0]}`, (error.linePos?.[0]?.line ?? 0) + 1);
    }
    throw error;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new IngestError('Front matter must be a YAML mapping (key: value lines).', 2);
  }
  for (const key of Object.keys(value)) {
    if (!KNOWN_FIELDS.has(key)) throw new IngestError(`Unknown front matter field "${key}" (known: ${[...KNOWN_FIELDS].join(', ')}).`, null);
  }
  return value as Record<string, unknown>;
}

interface Heading {
  readonly level: number;
  readonly text: string;
}

function readHeadings(tokens: ReturnType<MarkdownIt['parse']>): Heading[] {
  return tokens.flatMap((token, index) =>
    token.type === 'heading_open' ? [{ level: Number(token.tag.slice(1)), text: tokens[index + 1]!.content.trim() }] : [],
  );
}

/** Text of paragraphs, headings and lists; code blocks and inline code are left out. */
function readProse(tokens: ReturnType<MarkdownIt['parse']>): string {
  return tokens
    .filter((token) => token.type === 'inline')
    .map((token) => inlineText(token, ' '))
    .join('\n');
}

/** The plain text of an inline token (no code), its pieces joined by `joiner`. */
function inlineText(token: ReturnType<MarkdownIt['parse']>[number], joiner: string): string {
  return (token.children ?? [])
    .filter((child) => child.type === 'text')
    .map((child) => child.content)
    .join(joiner);
}

/** The prose between headings, by section; the title's own heading opens no section. */
function readPassages(tokens: ReturnType<MarkdownIt['parse']>, title: string | null): Passage[] {
  const passages: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') {
      const text = tokens[index + 1]!.content.trim();
      if (!(token.tag === 'h1' && text === title)) passages.push({ heading: text, lines: [] });
    } else if (token.type === 'inline' && tokens[index - 1]?.type !== 'heading_open') {
      // Emphasis splits text into pieces: joined as written, so the model reads "First part.", not "First part .".
      passages[passages.length - 1]!.lines.push(inlineText(token, '').replace(/ {2,}/g, ' '));
    }
  });
  return passages.map(({ heading, lines }) => ({ heading, text: lines.join('\n').trim() })).filter((passage) => passage.text.length > 0);
}

function optionalString(meta: Record<string, unknown>, field: string, markdown: string, max: number): string | null {
  const value = meta[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new IngestError(`"${field}" must be text.`, lineOf(markdown, `${field}:`));
  if (value.length > max) throw new IngestError(`"${field}" is longer than ${max} characters.`, lineOf(markdown, `${field}:`));
  return value.trim();
}

function readDate(meta: Record<string, unknown>, markdown: string): string | null {
  const value = optionalString(meta, 'date', markdown, 10);
  if (value === null) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new IngestError(`"date" must be a real date as YYYY-MM-DD, not "${value}".`, lineOf(markdown, 'date:'));
  }
  return value;
}

function readUrl(meta: Record<string, unknown>, markdown: string): string | null {
  const value = optionalString(meta, 'url', markdown, TEXT_LIMITS.url.max);
  if (value === null) return null;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new IngestError(`"url" must be an http(s) URL, not "${value}".`, lineOf(markdown, 'url:'));
  return value;
}

function readList(meta: Record<string, unknown>, field: string, markdown: string): string[] {
  const value = meta[field];
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw new IngestError(`"${field}" must be a list of ids or slugs.`, lineOf(markdown, `${field}:`));
  }
  if (list.length > 100) throw new IngestError(`"${field}" names more than 100 nodes.`, lineOf(markdown, `${field}:`));
  return list.map((item) => item.trim());
}

/** The 1-based line where a front matter key starts, for messages. */
function lineOf(markdown: string, prefix: string): number | null {
  const index = markdown.split('\n').findIndex((line) => line.startsWith(prefix));
  return index < 0 ? null : index + 1;
}

export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, TEXT_LIMITS.slug.max)
    .replace(/-+$/g, '');
}
