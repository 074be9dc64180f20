import { Direction } from '../domain/repositories';
import { EDGE_TYPES, type EdgeType } from '../domain/edge-type';
import { NODE_KINDS, type NodeKind } from '../domain/node-kind';

/*
 * Labels and relationship types cannot be Cypher parameters. These helpers are the only way
 * one enters a query string, and each checks its argument against the closed lists of
 * src/domain, so nothing a client typed can reach Cypher as syntax.
 */

export function labelOf(kind: NodeKind): string {
  if (!NODE_KINDS.includes(kind)) throw new Error(`Unknown node kind: ${String(kind)}`);
  return kind;
}

/** The label expression that matches a node of any kind: `Essay|Principle|…`, from `NODE_KINDS`. */
export const ANY_KIND = NODE_KINDS.map(labelOf).join('|');

export function relTypeOf(type: EdgeType): string {
  if (!EDGE_TYPES.includes(type)) throw new Error(`Unknown edge type: ${String(type)}`);
  return type;
}

/** `-[r:A|B]->`, `<-[r:A]-` or `-[r]-` (any type when `types` is empty). */
export function relPattern(types: readonly EdgeType[], direction: Direction, variable = 'r'): string {
  const typeList = types.map(relTypeOf).join('|');
  const body = typeList ? `[${variable}:${typeList}]` : `[${variable}]`;
  switch (direction) {
    case Direction.OUTGOING:
      return `-${body}->`;
    case Direction.INCOMING:
      return `<-${body}-`;
    case Direction.ANY:
      return `-${body}-`;
  }
}
