import { NodeKind } from './node-kind';

/**
 * The closed set of relationship types. Cypher cannot take a relationship type as a parameter,
 * so a type reaches a query only as a member of this enum, never as a client's string.
 */
export enum EdgeType {
  ARTICULATES = 'ARTICULATES',
  DISCUSSES = 'DISCUSSES',
  ADDRESSES = 'ADDRESSES',
  RELATES_TO = 'RELATES_TO',
  AUTHORED_BY = 'AUTHORED_BY',
  ABOUT = 'ABOUT',
  SUPPORTS = 'SUPPORTS',
  IN_TENSION_WITH = 'IN_TENSION_WITH',
  LEADS_TO = 'LEADS_TO',
  PREVENTS = 'PREVENTS',
  APPLIES_TO = 'APPLIES_TO',
  OPTIMIZES_FOR = 'OPTIMIZES_FOR',
  REQUIRES = 'REQUIRES',
  GROWS_INTO = 'GROWS_INTO',
  PART_OF = 'PART_OF',
  WORKED_AT = 'WORKED_AT',
}

export const EDGE_TYPES: readonly EdgeType[] = Object.values(EdgeType);

/** Who set an edge: an editor or the seed, or a named inference rule. */
export enum EdgeOrigin {
  ASSERTED = 'ASSERTED',
  INFERRED = 'INFERRED',
}

export interface EdgeRule {
  readonly from: readonly NodeKind[];
  readonly to: readonly NodeKind[];
  /** How the edge reads from source to target: "Engineer grows into Engineering Leader". */
  readonly phrase: string;
  /** How it reads walked backwards, target to source: "CTPO grows from Engineering Leader". */
  readonly inverse: string;
}

const { ESSAY, PRINCIPLE, ROLE, CONCEPT, PERSON, ORGANIZATION } = NodeKind;
const IDEAS = [PRINCIPLE, CONCEPT] as const;

/** The edge table of DESIGN.md: which kinds each type may join, and how it reads. */
export const EDGE_RULES: Readonly<Record<EdgeType, EdgeRule>> = {
  ARTICULATES: { from: [ESSAY], to: [PRINCIPLE], phrase: 'articulates', inverse: 'is articulated in' },
  DISCUSSES: { from: [ESSAY], to: [CONCEPT], phrase: 'discusses', inverse: 'is discussed in' },
  ADDRESSES: { from: [ESSAY], to: [ROLE], phrase: 'addresses', inverse: 'is addressed by' },
  RELATES_TO: { from: [ESSAY], to: [ESSAY], phrase: 'relates to', inverse: 'relates to' },
  AUTHORED_BY: { from: [ESSAY], to: [PERSON], phrase: 'is authored by', inverse: 'wrote' },
  ABOUT: { from: [PRINCIPLE], to: [CONCEPT], phrase: 'is about', inverse: 'is the subject of' },
  SUPPORTS: { from: [PRINCIPLE], to: [PRINCIPLE], phrase: 'supports', inverse: 'is supported by' },
  IN_TENSION_WITH: { from: IDEAS, to: IDEAS, phrase: 'is in tension with', inverse: 'is in tension with' },
  LEADS_TO: { from: IDEAS, to: IDEAS, phrase: 'leads to', inverse: 'follows from' },
  PREVENTS: { from: [CONCEPT], to: [CONCEPT], phrase: 'prevents', inverse: 'is prevented by' },
  APPLIES_TO: { from: [PRINCIPLE], to: [ROLE], phrase: 'applies to', inverse: 'is guided by' },
  OPTIMIZES_FOR: { from: [ROLE], to: [CONCEPT], phrase: 'optimizes for', inverse: 'is optimized for by' },
  REQUIRES: { from: [ROLE], to: [CONCEPT], phrase: 'requires', inverse: 'is required by' },
  GROWS_INTO: { from: [ROLE], to: [ROLE], phrase: 'grows into', inverse: 'grows from' },
  PART_OF: { from: [CONCEPT], to: [CONCEPT], phrase: 'is part of', inverse: 'includes' },
  WORKED_AT: { from: [PERSON], to: [ORGANIZATION], phrase: 'worked at', inverse: 'employed' },
};

/** True when an edge of `type` may run from a `from` node to a `to` node. */
export function allowsEdge(type: EdgeType, from: NodeKind, to: NodeKind): boolean {
  const rule = EDGE_RULES[type];
  return rule.from.includes(from) && rule.to.includes(to);
}

/** The edge types that may join an `a` and a `b`, either way round, in table order. */
export function edgeTypesJoining(a: NodeKind, b: NodeKind): EdgeType[] {
  return EDGE_TYPES.filter((type) => allowsEdge(type, a, b) || allowsEdge(type, b, a));
}
