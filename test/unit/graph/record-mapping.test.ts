import { NodeKind } from '../../../src/domain/node-kind';
import { kindOfLabels, toNodeRecord } from '../../../src/graph/record-mapping';

describe('record mapping', () => {
  it('reads the kind from a node’s labels', () => {
    expect(kindOfLabels(['Principle'])).toBe(NodeKind.PRINCIPLE);
    expect(toNodeRecord({ id: 'role:ctpo', slug: 'ctpo', name: 'CTPO', labels: ['Role'], degree: 3 })).toEqual({
      id: 'role:ctpo',
      kind: NodeKind.ROLE,
      slug: 'ctpo',
      label: 'CTPO',
      degree: 3,
      properties: { name: 'CTPO' },
    });
  });

  it('refuses a node of no known kind instead of calling it a concept', () => {
    expect(() => kindOfLabels(['GraphVersion'])).toThrow('A node with labels [GraphVersion] is of no known kind.');
    expect(() => toNodeRecord({ id: 'team:core', slug: 'core', labels: ['Team'] })).toThrow(/no known kind/);
  });
});
