import { findMentions } from '../../../src/editing/mentions';
import { parseEssayMarkdown, slugify } from '../../../src/editing/markdown-essay';
import { NodeKind } from '../../../src/domain/node-kind';

describe('reading a Markdown essay', () => {
  it('takes the title from the first heading when the front matter has none, and slugifies it', () => {
    const parsed = parseEssayMarkdown('# Über Teams & Culture!\n\nText.\n\n## One\n\n### Two\n');
    expect(parsed).toMatchObject({
      title: 'Über Teams & Culture!',
      slug: 'uber-teams-culture',
      sections: ['One', 'Two'],
      summary: null,
      publishedAt: null,
      url: null,
    });
    expect(parsed.named).toEqual({ principles: [], concepts: [], roles: [], related: [] });
  });

  it('reads names as a list or a single string, and leaves code out of the prose', () => {
    const parsed = parseEssayMarkdown('---\ntitle: T\nroles: ctpo\nconcepts: [culture]\n---\nSay `culture` and\n\n    culture in code\n\nculture here.');
    expect(parsed.named).toMatchObject({ roles: ['ctpo'], concepts: ['culture'] });
    expect(parsed.prose).toBe('Say   and\nculture here.');
  });

  it('keeps the prose of each section apart, without the title, headings or code, for suggestions by meaning', () => {
    const parsed = parseEssayMarkdown('# Title\n\nOpening words.\n\n## One\n\nFirst *part*.\n\n    code here\n\nMore.\n\n## Empty\n\n## Two\n\nLast.');
    expect(parsed.passages).toEqual([
      { heading: null, text: 'Opening words.' },
      { heading: 'One', text: 'First part.\nMore.' },
      { heading: 'Two', text: 'Last.' },
    ]);
  });

  it('refuses unknown front matter fields', () => {
    expect(() => parseEssayMarkdown('---\ntitle: T\nauthor: someone\n---\n')).toThrow('Unknown front matter field "author"');
  });

  it('slugifies to what the id rules accept', () => {
    expect(slugify('  AI-First Org Design: Not About Tools ')).toBe('ai-first-org-design-not-about-tools');
  });
});

describe('finding mentions', () => {
  const vocabulary = [
    { id: 'concept:culture', kind: NodeKind.CONCEPT, label: 'Culture', names: ['Culture'] },
    { id: 'role:ctpo', kind: NodeKind.ROLE, label: 'CTPO', names: ['CTPO', 'Chief Technology and Product Officer'] },
    { id: 'concept:org', kind: NodeKind.CONCEPT, label: 'Org', names: ['Org'] },
  ];

  it('matches whole words case-insensitively, counting every name and alias', () => {
    const mentions = findMentions(
      'Culture eats strategy; cultural change is slow; a CTPO, or chief technology and\nproduct officer, shapes culture.',
      vocabulary,
    );
    expect(mentions.map(({ entry, matched, occurrences }) => [entry.id, matched, occurrences])).toEqual([
      ['concept:culture', 'Culture', 2],
      ['role:ctpo', 'CTPO', 2],
    ]);
  });

  it('ignores names shorter than four characters', () => {
    expect(findMentions('The org chart.', vocabulary)).toEqual([]);
  });
});
