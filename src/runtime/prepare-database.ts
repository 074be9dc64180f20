import type { Logger } from 'pino';
import { seedIfEmpty } from '../../seed/load-seed';
import { DatabaseUnavailableError } from '../domain/errors';
import { applySchema } from './apply-schema';
import type { GraphDatabase } from '../graph/graph-database';

const RETRY_MS = 5_000;

/** Applies constraints and indexes, then loads the demo graph into an empty database. */
export async function prepareDatabase(database: GraphDatabase, logger: Logger): Promise<void> {
  const statements = await applySchema(database);
  logger.info(`Database schema applied (${statements} statements).`);
  const seeded = await seedIfEmpty(database);
  if (seeded) logger.info(`Demo graph loaded: ${seeded.nodes} nodes, ${seeded.edges} edges.`);
  else logger.info('Database already holds a graph; the demo graph was not loaded.');
}

/**
 * Prepares the database, and if it cannot be reached yet, keeps trying in the background while
 * the service runs (answering DATABASE_UNAVAILABLE meanwhile). Resolves after the first try
 * with a function that stops the retries.
 */
export async function prepareWhenReachable(database: GraphDatabase, logger: Logger): Promise<() => void> {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const attempt = async (): Promise<void> => {
    try {
      await prepareDatabase(database, logger);
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw error;
      logger.warn(`Neo4j is not reachable; trying again in ${RETRY_MS / 1000} s.`);
      if (!stopped) timer = setTimeout(() => void attempt().catch(fatal), RETRY_MS);
    }
  };
  const fatal = (error: unknown): void => {
    logger.error({ err: error }, 'Preparing the database failed.');
    process.exitCode = 1;
  };
  await attempt();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
