import { EdgeType } from '../../../src/domain/edge-type';
import { NodeKind } from '../../../src/domain/node-kind';
import { readPath } from '../../../src/domain/path-reading';

const role = (label: string) => ({ kind: NodeKind.ROLE, label });
const concept = (label: string) => ({ kind: NodeKind.CONCEPT, label });

describe('reading a path', () => {
  it('joins steps with "who" after people and roles, "which" after anything else', () => {
    expect(
      readPath(
        [role('Engineer'), role('Engineering Leader'), role('CTPO')],
        [
          { type: EdgeType.GROWS_INTO, forward: true },
          { type: EdgeType.GROWS_INTO, forward: true },
        ],
      ),
    ).toBe('Engineer grows into Engineering Leader, who grows into CTPO');
    expect(readPath([concept('Product Thinking'), concept('Building the Wrong Things')], [{ type: EdgeType.PREVENTS, forward: true }])).toBe(
      'Product Thinking prevents Building the Wrong Things',
    );
  });

  it('reads a step against the edge’s direction with the inverse phrase', () => {
    expect(
      readPath(
        [role('CTPO'), concept('Technical Depth'), role('Engineer')],
        [
          { type: EdgeType.REQUIRES, forward: true },
          { type: EdgeType.REQUIRES, forward: false },
        ],
      ),
    ).toBe('CTPO requires Technical Depth, which is required by Engineer');
  });

  it('reads a path of length 0 as the node’s label', () => {
    expect(readPath([concept('Culture')], [])).toBe('Culture');
  });
});
