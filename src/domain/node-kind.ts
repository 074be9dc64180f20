/** The labels a node can carry. The enum values are the Neo4j labels themselves. */
export enum NodeKind {
  ESSAY = 'Essay',
  PRINCIPLE = 'Principle',
  ROLE = 'Role',
  CONCEPT = 'Concept',
  PERSON = 'Person',
  ORGANIZATION = 'Organization',
}

export const NODE_KINDS: readonly NodeKind[] = Object.values(NodeKind);

/** The prefix of a node id (`principle:` in `principle:culture-emerges-from-structure`). */
export function idPrefixOf(kind: NodeKind): string {
  return kind.toLowerCase();
}

/** The property that holds a kind's display label. */
export function labelPropertyOf(kind: NodeKind): 'title' | 'name' {
  return kind === NodeKind.ESSAY ? 'title' : 'name';
}
