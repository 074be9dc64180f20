import type { CentralityCache } from '../analysis/centrality';
import type { GraphReader } from '../domain/repositories';
import type { ThinkingReader } from '../domain/thinking-reader';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver of one request shares. */
export interface Context {
  readonly reader: GraphReader;
  readonly thinking: ThinkingReader;
  readonly loaders: Loaders;
  /** Shared by all requests of the process. */
  readonly centrality: CentralityCache;
}

/** A fresh context: loaders cache only within one request. */
export function createContext(reader: GraphReader, thinking: ThinkingReader, centrality: CentralityCache): Context {
  return { reader, thinking, centrality, loaders: createLoaders(reader) };
}
