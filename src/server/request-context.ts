import { CentralityCache } from '../analysis/centrality';
import type { GraphDatabase, QueryExecutor } from '../graph/graph-database';
import { NodeRepository } from '../graph/node-repository';
import { ThinkingRepository } from '../graph/thinking-repository';
import { createContext, type Context, type EditorAccess } from '../schema/context';
import { WriteRepository } from '../graph/write-repository';
import { IngestRepository } from '../graph/ingest-repository';

/** The resolvers' context plus the executor that counts this request's round trips. */
export interface RequestContext extends Context {
  readonly executor: QueryExecutor;
}

/** One per process: centrality scores outlive requests and are dropped when the graph changes. */
const centralityCache = new CentralityCache();

const NO_EDITOR: EditorAccess = { allowed: false, reason: 'disabled' };

/** `editor` comes from the request's bearer token; tests and scripts may pass one directly. */
export function createRequestContext(database: GraphDatabase, editor: EditorAccess = NO_EDITOR): RequestContext {
  const executor = database.executor();
  const context = createContext({
    reader: new NodeRepository(executor),
    thinking: new ThinkingRepository(executor),
    writer: new WriteRepository(executor),
    ingest: new IngestRepository(executor),
    centrality: centralityCache,
    editor,
  });
  return { ...context, executor };
}
