import { searchWords } from '../../../src/domain/search-text';
import { toLuceneQuery } from '../../../src/graph/node-repository';

describe('search text', () => {
  it('keeps plain lower-case words and drops query syntax and operators', () => {
    expect(searchWords('Culture AND (structure*) OR title:"x~"')).toEqual(['culture', 'structure', 'title', 'x']);
    expect(searchWords('  +-&|!(){}[]^"~*?:\\/  ')).toEqual([]);
  });

  it('asks Lucene for each word whole or as a prefix', () => {
    expect(toLuceneQuery('Product thinking')).toBe('(product OR product*) (thinking OR thinking*)');
  });
});
