import { CentralityCache } from '../analysis/centrality';
import type { GraphDatabase, QueryExecutor } from '../graph/graph-database';
import { NodeRepository } from '../graph/node-repository';
import { ThinkingRepository } from '../graph/thinking-repository';
import { createContext, type Context } from '../schema/context';

/** The resolvers' context plus the executor that counts this request's round trips. */
export interface RequestContext extends Context {
  readonly executor: QueryExecutor;
}

/** One per process: centrality scores outlive requests and are dropped when the graph changes. */
const centralityCache = new CentralityCache();

export function createRequestContext(database: GraphDatabase): RequestContext {
  const executor = database.executor();
  const context = createContext(new NodeRepository(executor), new ThinkingRepository(executor), centralityCache);
  return { ...context, executor };
}
