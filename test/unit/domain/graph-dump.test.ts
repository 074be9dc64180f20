import { DumpError, validateDump } from '../../../src/domain/graph-dump';

const engineer = { id: 'role:engineer', properties: { name: 'Engineer' } };
const ctpo = { id: 'role:ctpo', properties: { name: 'CTPO' } };
const depth = { id: 'concept:technical-depth', properties: { name: 'Technical Depth' } };
const growsInto = { type: 'GROWS_INTO', source: 'role:engineer', target: 'role:ctpo', properties: { weight: 1 } };
const dump = (changes: Record<string, unknown> = {}) => ({
  format: 'thoughtgraph-graph',
  version: 1,
  nodes: [engineer, ctpo, depth],
  edges: [growsInto],
  ...changes,
});

function refusal(value: unknown): string {
  try {
    validateDump(value);
  } catch (error) {
    if (error instanceof DumpError) return error.message;
    throw error;
  }
  throw new Error('the dump was accepted');
}

describe('validateDump', () => {
  it('accepts a well-formed dump as it is, giving an edge without properties none', () => {
    expect(validateDump(dump())).toEqual(dump());
    const bare = { type: 'REQUIRES', source: 'role:ctpo', target: 'concept:technical-depth' };
    expect(validateDump(dump({ edges: [bare] })).edges).toEqual([{ ...bare, properties: {} }]);
  });

  it('names what is wrong with the file as a whole', () => {
    expect(refusal(null)).toBe('Not a Thoughtgraph dump: "format" must be "thoughtgraph-graph".');
    expect(refusal(dump({ format: 'graphml' }))).toBe('Not a Thoughtgraph dump: "format" must be "thoughtgraph-graph".');
    expect(refusal(dump({ version: 2 }))).toBe('Unsupported dump version 2 (this build reads 1).');
    expect(refusal(dump({ edges: {} }))).toBe('"nodes" and "edges" must be lists.');
  });

  it('names the first bad node', () => {
    expect(refusal(dump({ nodes: [engineer, { id: 'nonsense', properties: {} }] }))).toBe('nodes[1]: "nonsense" is not a node id.');
    expect(refusal(dump({ nodes: [{ id: 7, properties: {} }] }))).toBe('nodes[0]: "7" is not a node id.');
    expect(refusal(dump({ nodes: [{ id: 'role:ctpo', properties: null }] }))).toBe('nodes[0]: "properties" must be an object.');
    expect(refusal(dump({ nodes: [engineer, ctpo, engineer] }))).toBe('nodes[2]: role:engineer appears twice.');
  });

  it('names the first bad edge', () => {
    expect(refusal(dump({ edges: [{ ...growsInto, type: 'LIKES' }] }))).toBe('edges[0]: "LIKES" is not an edge type.');
    expect(refusal(dump({ edges: [growsInto, { ...growsInto, target: 'role:astronaut' }] }))).toBe(
      'edges[1]: role:engineer → role:astronaut names a node the dump does not hold.',
    );
    expect(refusal(dump({ edges: [{ ...growsInto, target: 'concept:technical-depth' }] }))).toBe('edges[0]: GROWS_INTO cannot run Role → Concept.');
  });
});
