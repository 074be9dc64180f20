import './production-default';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { projectPath } from '../runtime/project-paths';
import { createSchema } from '../schema/build-schema';
import type { Logger } from 'pino';
import type { GraphDatabase } from '../graph/graph-database';
import { ProjectionManager } from '../projection/projection-manager';
import { loadConfig, type Config } from '../runtime/config';
import { createServer } from './create-server';
import { EditorTokens } from './editor-tokens';
import { createLogger } from './logger';
import { openDatabase } from '../runtime/open-database';
import { prepareWhenReachable } from '../runtime/prepare-database';
import type { TextEmbedder } from '../domain/meaning';
import { embedGraph } from '../meaning/embed-graph';
import { loadMeaning } from '../meaning/sentence-model';

/**
 * Starts Thoughtgraph: configuration, database, schema and server, and an orderly shutdown.
 */
/** One read of the whole topology may take this long (a 100k-essay graph takes seconds). */
const PROJECTION_READ_TIMEOUT_MS = 120_000;

async function main(): Promise<void> {
  // 1. Configuration: the environment (and .env, if present), validated before anything starts.
  if (existsSync(projectPath('.env'))) process.loadEnvFile(projectPath('.env'));
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  // 2. Database: NEO4J_URI, or the local Neo4j this process starts; then constraints, indexes
  //    and, into an empty database, the demo graph; then the in-memory projection that the
  //    thinking queries read, built in the background (Cypher answers until it is ready).
  const runtime = await openDatabase(
    config,
    (line) => logger.info(line),
    (event) => logger[event.level](event.fields, event.message),
  );
  const stopPreparing = await prepareWhenReachable(runtime.database, logger);
  const projection = startProjection(config, runtime.database, logger);

  //    The sentence model behind "related by meaning" (fetched on first start): without it the
  //    service runs on, and says so. Texts without a vector of it are embedded in the background.
  const meaning = await loadMeaning(config.meaning, (line) => logger.info(line));
  if (meaning.status.state === 'off') logger.warn(`Related by meaning is off: ${meaning.status.reason}. Every query still answers, without it.`);
  else void embedInBackground(runtime.database, meaning.embedder!, logger);

  // 3. GraphQL over HTTP: the schema from the TypeGraphQL classes, served with the playground
  //    and health checks.
  const server = await createServer({
    schema: await createSchema(),
    database: runtime.database,
    development: config.development,
    maxQueryComplexity: config.maxQueryComplexity,
    editorTokens: new EditorTokens(config.editorTokens),
    projection,
    onStop: async () => {
      projection?.stop();
      await runtime.close();
    },
    logger,
    corsOrigins: config.corsOrigins,
    admission: { slots: config.dbMaxConcurrency, operationTimeoutMs: config.operationTimeoutMs },
    meaning,
  });
  const url = await server.listen(config.port, config.host);
  logger.info(`Thoughtgraph is ready at ${url} (playground: open it in a browser).`);
  if (config.editorTokens.length === 0) logger.info('Mutations are off: set EDITOR_TOKENS to turn them on.');

  // 4. Shutdown on SIGTERM or SIGINT, or when the Node process that started this one over an IPC
  //    channel goes (a test run aborted): stop accepting, drain requests, close the driver, stop
  //    the local Neo4j. A second signal exits at once.
  onceStopped(async (reason) => {
    logger.info(`${reason}; shutting down.`);
    stopPreparing();
    await server.stop();
    logger.info('Stopped.');
    // process.exit follows: let the last lines reach stdout first.
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
  });
}

function startProjection(config: Config, database: GraphDatabase, logger: Logger): ProjectionManager | null {
  if (!config.projection) {
    logger.info('Thinking queries run as Cypher (PROJECTION=off).');
    return null;
  }
  const projection = new ProjectionManager(database.topology(PROJECTION_READ_TIMEOUT_MS), config.projection, (line, fields) => logger.info(fields ?? {}, line));
  database.onWrite((version) => projection.noteVersion(version));
  projection.start();
  return projection;
}

/** How long the background embedding waits after a failure (Neo4j down, say) before it goes on. */
const EMBED_RETRY_MS = 30_000;

/**
 * Embeds what has no vector of the model (the demo graph, a new model, an import made without
 * one). A failure (Neo4j not reachable yet, or restarting) is logged and tried again 30 s later;
 * each try goes on where the last one stopped.
 */
async function embedInBackground(database: GraphDatabase, embedder: TextEmbedder, logger: Logger): Promise<void> {
  for (;;) {
    try {
      await embedGraph(database.executor(), embedder, (line) => logger.info(line));
      return;
    } catch (error) {
      logger.warn({ err: error }, `Embedding texts in the background stopped; trying again in ${EMBED_RETRY_MS / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, EMBED_RETRY_MS).unref());
    }
  }
}

function onceStopped(shutdown: (reason: string) => Promise<void>): void {
  let stopping = false;
  const handle = (reason: string): void => {
    if (stopping) process.exit(1);
    stopping = true;
    shutdown(reason).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => handle('SIGTERM received'));
  process.on('SIGINT', () => handle('SIGINT received'));
  // Only a process started with an IPC channel has one: `npm start` and a container do not.
  if (process.channel) process.once('disconnect', () => handle('The process that started this one is gone'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
