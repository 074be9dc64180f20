import { EdgeType, type EdgeOrigin } from './edge-type';
import { NodeKind } from './node-kind';

/**
 * What an ingested essay links to: each front-matter list, the kind it names, the edge it makes,
 * and whether the body is searched for the names of that kind (suggestions). The Markdown
 * reader, the planner and the repository all read this one table.
 */
export const ESSAY_LINKS = [
  { field: 'principles', kind: NodeKind.PRINCIPLE, type: EdgeType.ARTICULATES, mentioned: true },
  { field: 'concepts', kind: NodeKind.CONCEPT, type: EdgeType.DISCUSSES, mentioned: true },
  { field: 'roles', kind: NodeKind.ROLE, type: EdgeType.ADDRESSES, mentioned: true },
  { field: 'related', kind: NodeKind.ESSAY, type: EdgeType.RELATES_TO, mentioned: false },
] as const;

export type EssayLink = (typeof ESSAY_LINKS)[number];
export type EssayLinkField = EssayLink['field'];

/** The essay edges ingestion manages; other edges at an essay are left alone. */
export const INGESTED_EDGE_TYPES: readonly EdgeType[] = ESSAY_LINKS.map((link) => link.type);

/** The kinds whose names (and aliases) are looked for in an essay's body. */
export const MENTIONED_KINDS: readonly NodeKind[] = ESSAY_LINKS.filter((link) => link.mentioned).map((link) => link.kind);

/** The link an essay makes to a node of `kind`; null for a kind essays are not linked to by ingestion. */
export function essayLinkTo(kind: NodeKind): EssayLink | null {
  return ESSAY_LINKS.find((link) => link.kind === kind) ?? null;
}

export interface EssayEdge {
  readonly type: EdgeType;
  readonly target: string;
  readonly origin: EdgeOrigin;
  readonly weight: number;
  readonly note: string | null;
}

/** An essay as the graph holds it now: its properties and its managed outgoing edges. */
export interface EssayState {
  readonly properties: Readonly<Record<string, unknown>>;
  readonly edges: readonly EssayEdge[];
}

export interface EssayPlan {
  readonly id: string;
  readonly slug: string;
  /** Every ingested property; null removes one. */
  readonly properties: Readonly<Record<string, unknown>>;
  readonly node: 'created' | 'updated' | 'unchanged';
  readonly add: readonly EssayEdge[];
  readonly remove: readonly Pick<EssayEdge, 'type' | 'target'>[];
}

export interface VocabularyEntry {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** The name and aliases to look for in a body. */
  readonly names: readonly string[];
}

export interface IngestStore {
  readVocabulary(): Promise<VocabularyEntry[]>;
  /**
   * Reads the essay's state, asks `plan` what to change, and (when `write`) applies the plan,
   * all in one transaction: it commits whole or not at all.
   */
  applyEssay(id: string, plan: (current: EssayState | null) => EssayPlan, write: boolean): Promise<EssayPlan>;
}
