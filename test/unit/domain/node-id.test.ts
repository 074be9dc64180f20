import { BadUserInputError } from '../../../src/domain/errors';
import { makeNodeId, parseNodeId, requireNodeId } from '../../../src/domain/node-id';
import { NodeKind } from '../../../src/domain/node-kind';

describe('node ids', () => {
  it('reads the kind and slug of a well-formed id', () => {
    expect(parseNodeId('principle:culture-emerges-from-structure')).toEqual({
      kind: NodeKind.PRINCIPLE,
      slug: 'culture-emerges-from-structure',
    });
    expect(parseNodeId('organization:kore-ai')).toEqual({ kind: NodeKind.ORGANIZATION, slug: 'kore-ai' });
  });

  it('makes the id back from kind and slug', () => {
    expect(makeNodeId(NodeKind.ROLE, 'engineering-leader')).toBe('role:engineering-leader');
  });

  it.each(['', 'ctpo', 'role:', 'robot:ctpo', 'role:CTPO', 'role:a--b', 'role:-a', 'role:a b', `role:${'a'.repeat(121)}`])('rejects %j', (id) => {
    expect(parseNodeId(id)).toBeNull();
  });

  it('names the argument when a required id is malformed', () => {
    expect.assertions(3);
    try {
      requireNodeId('nonsense', 'from');
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).field).toBe('from');
      expect((error as Error).message).toMatch(/"nonsense" is not a node id/);
    }
  });
});
