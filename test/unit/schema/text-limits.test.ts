import { validateSync } from 'class-validator';
import { TEXT_LIMITS } from '../../../src/domain/node-properties';
import { MAX_MARKDOWN_BYTES, parseEssayMarkdown } from '../../../src/editing/markdown-essay';
import { ConceptInput, EssayInput, PrincipleInput, RoleInput } from '../../../src/schema/node.input';

/*
 * TEXT_LIMITS is the one table of how long a node's text may be: the upsert inputs and the
 * Markdown reader both hold to it, at the limit and one past it.
 */

const text = (length: number) => 'a'.repeat(length);
const url = (length: number) => `https://example.org/${text(length - 'https://example.org/'.length)}`;

type InputClass = typeof EssayInput | typeof PrincipleInput | typeof RoleInput | typeof ConceptInput;

/** The input's fields that fail validation. */
function invalidFields(input: InputClass, values: Record<string, unknown>): string[] {
  return validateSync(Object.assign(new input(), values)).map((error) => error.property);
}

const essay = { slug: 'an-essay', title: 'An Essay' };
const named = { slug: 'a-node', name: 'A Node' };

describe('the text limits of the upsert inputs', () => {
  const essayCase = (property: keyof typeof TEXT_LIMITS, make: (length: number) => unknown = text) => ({ input: EssayInput, base: essay, property, make });
  const namedCase = (input: InputClass, property: keyof typeof TEXT_LIMITS, make: (length: number) => unknown = text) => ({
    input,
    base: named,
    property,
    make,
  });

  it.each([
    essayCase('title'),
    essayCase('summary'),
    essayCase('url', url),
    essayCase('body'),
    essayCase('sections', (length) => [text(length)]),
    namedCase(PrincipleInput, 'name'),
    namedCase(PrincipleInput, 'statement'),
    namedCase(RoleInput, 'description'),
    namedCase(ConceptInput, 'category'),
    namedCase(ConceptInput, 'aliases', (length) => [text(length)]),
  ])('$input.name $property takes as many characters as TEXT_LIMITS says, and refuses one more', ({ input, base, property, make }) => {
    const { max } = TEXT_LIMITS[property];
    expect(invalidFields(input, { ...base, [property]: make(max) })).toEqual([]);
    expect(invalidFields(input, { ...base, [property]: make(max + 1) })).toEqual([property]);
  });

  it('caps the lists at TEXT_LIMITS[...].items', () => {
    const { sections, aliases } = TEXT_LIMITS;
    expect(invalidFields(EssayInput, { ...essay, sections: Array(sections.items).fill('S') })).toEqual([]);
    expect(invalidFields(EssayInput, { ...essay, sections: Array(sections.items + 1).fill('S') })).toEqual(['sections']);
    expect(invalidFields(RoleInput, { ...named, aliases: Array(aliases.items).fill('A') })).toEqual([]);
    expect(invalidFields(RoleInput, { ...named, aliases: Array(aliases.items + 1).fill('A') })).toEqual(['aliases']);
  });
});

describe('the text limits of the Markdown reader', () => {
  const essayWith = (frontMatter: string) => `---\n${frontMatter}\n---\nText.\n`;

  it('accepts a title, summary and url at their limits and refuses one character more', () => {
    const { title, summary, url: urlLimit } = TEXT_LIMITS;
    const atLimits = parseEssayMarkdown(essayWith(`title: ${text(title.max)}\nsummary: ${text(summary.max)}\nurl: ${url(urlLimit.max)}`));
    expect([atLimits.title.length, atLimits.summary?.length, atLimits.url?.length]).toEqual([title.max, summary.max, urlLimit.max]);
    expect(() => parseEssayMarkdown(essayWith(`title: ${text(title.max + 1)}`))).toThrow(`Line 2: The title is longer than ${title.max} characters.`);
    expect(() => parseEssayMarkdown(essayWith(`title: T\nsummary: ${text(summary.max + 1)}`))).toThrow(
      `Line 3: "summary" is longer than ${summary.max} characters.`,
    );
    expect(() => parseEssayMarkdown(essayWith(`title: T\nurl: ${url(urlLimit.max + 1)}`))).toThrow(`Line 3: "url" is longer than ${urlLimit.max} characters.`);
  });

  it('refuses a text over the body’s limit in bytes, and cuts a title’s slug at the slug’s limit', () => {
    expect(MAX_MARKDOWN_BYTES).toBe(TEXT_LIMITS.body.max);
    const header = essayWith('title: T');
    expect(() => parseEssayMarkdown(header + text(MAX_MARKDOWN_BYTES - Buffer.byteLength(header) + 1))).toThrow('The essay is over 1 MB.');
    expect(parseEssayMarkdown(header + text(MAX_MARKDOWN_BYTES - Buffer.byteLength(header))).title).toBe('T');
    expect(parseEssayMarkdown(`# ${text(TEXT_LIMITS.title.max)}\n`).slug).toBe(text(TEXT_LIMITS.slug.max));
  });
});
