import { AnswerCache } from '../analysis/answer-cache';
import { CentralityCache } from '../analysis/centrality';
import type { GraphReader } from '../domain/repositories';
import type { ThinkingReader } from '../domain/thinking-reader';
import type { GraphDatabase, QueryExecutor } from '../graph/graph-database';
import type { TextEmbedder } from '../domain/meaning';
import { MeaningRepository } from '../graph/meaning-repository';
import { NodeRepository } from '../graph/node-repository';
import { ThinkingRepository } from '../graph/thinking-repository';
import { createContext, type Context, type EditorAccess } from '../schema/context';
import { WriteRepository } from '../graph/write-repository';
import { IngestRepository } from '../graph/ingest-repository';
import { ComputeTurns } from '../projection/compute-turns';
import { ProjectedThinkingReader } from '../projection/projected-thinking-reader';
import type { ProjectionManager } from '../projection/projection-manager';

/** The resolvers' context plus the executor that counts this request's round trips. */
export interface RequestContext extends Context {
  readonly executor: QueryExecutor;
}

/** One per process: centrality scores outlive requests and are dropped when the graph changes. */
const centralityCache = new CentralityCache();

/** One per process: the projection's computations take turns with everything else on the event loop. */
const computeTurns = new ComputeTurns();

/** About 64 MB of answers (a 500-node map is about 200 KB). */
const ANSWER_CACHE_BYTES = 64 * 1024 * 1024;

/** One per process: answers of the thinking queries at the projection's version. */
const answerCache = new AnswerCache(ANSWER_CACHE_BYTES);

const NO_EDITOR: EditorAccess = { allowed: false, reason: 'disabled' };

/**
 * `editor` comes from the request's bearer token; tests and scripts may pass one directly. The
 * thinking queries read the projection when it is at the newest version, else Cypher; chosen
 * once per request, so one request never mixes two versions.
 */
export function createRequestContext(
  database: GraphDatabase,
  editor: EditorAccess = NO_EDITOR,
  projection: ProjectionManager | null = null,
  embedder: TextEmbedder | null = null,
): RequestContext {
  const { executor, reader, thinking } = createReaders(database, projection);
  const context = createContext({
    reader,
    thinking,
    writer: new WriteRepository(executor, embedder),
    ingest: new IngestRepository(executor, embedder),
    meaning: { embedder, search: new MeaningRepository(executor) },
    centrality: centralityCache,
    answers: answerCache,
    editor,
  });
  return { ...context, executor };
}

/** One request's readers over one executor: what a read-only route needs, without loaders or writers. */
export interface RequestReaders {
  readonly executor: QueryExecutor;
  readonly reader: GraphReader;
  readonly thinking: ThinkingReader;
}

export function createReaders(database: GraphDatabase, projection: ProjectionManager | null = null): RequestReaders {
  const executor = database.executor();
  const cypher = new ThinkingRepository(executor);
  const reader = new NodeRepository(executor);
  const snapshot = projection?.serving() ?? null;
  const companions = { findMeaningEvidence: cypher.findMeaningEvidence.bind(cypher) };
  const thinking = snapshot ? new ProjectedThinkingReader(snapshot.graph, snapshot.extras, companions, computeTurns) : cypher;
  return { executor, reader, thinking };
}
