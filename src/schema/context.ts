import type { AnswerCache } from '../analysis/answer-cache';
import type { CentralityCache } from '../analysis/centrality';
import type { IngestStore } from '../domain/essay-ingest';
import type { GraphWriter } from '../domain/graph-writes';
import type { MeaningAccess } from '../domain/meaning';
import type { GraphReader } from '../domain/repositories';
import type { ThinkingReader } from '../domain/thinking-reader';
import { createLoaders, type Loaders } from './loaders';

/** Whether this request may write, and if not, why. */
export interface EditorAccess {
  readonly allowed: boolean;
  /** `disabled`: no tokens are configured; `missing`: no bearer token; `invalid`: a wrong one. */
  readonly reason: 'disabled' | 'missing' | 'invalid' | null;
}

/** What every resolver of one request shares. */
export interface Context {
  readonly reader: GraphReader;
  readonly thinking: ThinkingReader;
  readonly loaders: Loaders;
  /** Shared by all requests of the process. */
  readonly centrality: CentralityCache;
  /** Shared by all requests of the process: thinking answers per graph version. */
  readonly answers: AnswerCache;
  readonly writer: GraphWriter;
  readonly ingest: IngestStore;
  readonly editor: EditorAccess;
  /** The sentence model (null when none is loaded) and the stored vectors. */
  readonly meaning: MeaningAccess;
}

/** A fresh context: loaders cache only within one request. */
export function createContext(parts: Omit<Context, 'loaders'>): Context {
  return { ...parts, loaders: createLoaders(parts.reader) };
}
