import type { EdgeOrigin, EdgeType } from './edge-type';
import type { NodeKind } from './node-kind';

/** The essay edges ingestion manages; other edges at an essay are left alone. */
export const INGESTED_EDGE_TYPES = ['ARTICULATES', 'DISCUSSES', 'ADDRESSES', 'RELATES_TO'] as const;

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
