import type { GraphReader } from '../domain/repositories';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver of one request shares. */
export interface Context {
  readonly reader: GraphReader;
  readonly loaders: Loaders;
}

/** A fresh context: loaders cache only within one request. */
export function createContext(reader: GraphReader): Context {
  return { reader, loaders: createLoaders(reader) };
}
