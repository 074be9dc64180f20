import { EDGE_RULES, type EdgeType } from './edge-type';
import { NodeKind } from './node-kind';

export interface ReadableNode {
  readonly kind: NodeKind;
  readonly label: string;
}

export interface ReadableStep {
  readonly type: EdgeType;
  /** True when the step walks the edge from its source to its target. */
  readonly forward: boolean;
}

const PEOPLE: ReadonlySet<NodeKind> = new Set([NodeKind.ROLE, NodeKind.PERSON]);

/**
 * One sentence for a path, each step read with its edge type's phrase:
 * "Engineer grows into Engineering Leader, who grows into CTPO". Steps walked against an edge's
 * direction use the inverse phrase ("CTPO grows from Engineering Leader").
 */
export function readPath(nodes: readonly ReadableNode[], steps: readonly ReadableStep[]): string {
  if (nodes.length === 0) return '';
  if (steps.length === 0) return nodes[0]!.label;
  const clauses = steps.map((step, index) => {
    const rule = EDGE_RULES[step.type];
    const phrase = step.forward ? rule.phrase : rule.inverse;
    const target = nodes[index + 1]!.label;
    if (index === 0) return `${nodes[0]!.label} ${phrase} ${target}`;
    return `${PEOPLE.has(nodes[index]!.kind) ? 'who' : 'which'} ${phrase} ${target}`;
  });
  return clauses.join(', ');
}
