import type { Meaning, MeaningStatus } from '../meaning/sentence-model';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import pino, { type Logger } from 'pino';
import { TooManyRequestsError } from '../domain/errors';
import type { GraphDatabase } from '../graph/graph-database';
import type { ProjectionManager } from '../projection/projection-manager';
import { ThinkingRepository } from '../graph/thinking-repository';
import { Admission, DEFAULT_ADMISSION, type AdmissionLimits, type OperationGate } from './admission';
import { createRequestContext, type RequestContext } from './request-context';
import { CompiledExecution, COMPILE_ON_USE } from './compiled-execution';
import { createCostPlugin } from './cost-plugin';
import { createExportHandler, EXPORT_PATH } from './export-route';
import { gateExecutor } from './gated-executor';
import { createGraphSizeGauge } from './graph-size';
import { answerNotFound, assignRequestId, createHttpErrorHandler, requireJsonPost } from './http-guards';
import { KnownOperationTypesRule } from './known-operation-types';
import { createResponsePlugin } from './response-plugin';
import { securityHeaders } from './security-headers';
import { EditorTokens } from './editor-tokens';
import { createErrorFormatter, describeError, refuseRequest } from './wire-errors';
import { createExplorerRouter, EXPLORER_PATH } from './explorer-route';
import { createPlaygroundRouter, readExampleTabs, renderPlayground } from './playground';

export const GRAPHQL_PATH = '/graphql';
/** Large enough for `ingestEssay`'s 1 MB of Markdown inside a JSON body. */
const MAX_BODY = '2mb';
/** graphql-js stops parsing past this many tokens, so no document costs more than this to read. */
export const MAX_TOKENS = 3_000;
/** Slow clients get seconds, not minutes: headers within 10 s, the whole request within 30 s. */
const HTTP_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 };

export interface ServerOptions {
  readonly schema: GraphQLSchema;
  readonly database: GraphDatabase;
  readonly development: boolean;
  readonly maxQueryComplexity: number;
  /** Tokens that allow mutations; none: mutations answer FORBIDDEN. */
  readonly editorTokens?: EditorTokens;
  /** The in-memory projection behind the thinking queries; absent: they run as Cypher. */
  readonly projection?: ProjectionManager | null;
  /** Run when the server stops, after HTTP has drained (closing the driver, say). */
  readonly onStop?: () => Promise<void>;
  /** Where failures are logged (with request ids); silent when absent. */
  readonly logger?: Logger;
  /** Origins allowed from browsers; default `*` (any, without credentials). */
  readonly corsOrigins?: readonly string[] | '*';
  /** Bounds on concurrent database work; see `Admission`. */
  readonly admission?: Partial<AdmissionLimits>;
  /** The sentence model, or why there is none; absent: none (related by meaning reads stored vectors only). */
  readonly meaning?: Meaning;
  /** The use of a document that compiles it (graphql-jit); default COMPILE_ON_USE. */
  readonly compileOnUse?: number;
}

export interface Server {
  readonly app: Express;
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<RequestContext>;
  readonly admission: Admission;
  /** How operations run: graphql-js, then compiled (its counts say how many were). */
  readonly execution: CompiledExecution;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, drains requests in flight, then runs `onStop`. */
  stop(): Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<Server> {
  const editorTokens = options.editorTokens ?? new EditorTokens([]);
  const logger = options.logger ?? pino({ level: 'silent' });
  const admission = new Admission({ ...DEFAULT_ADMISSION, ...options.admission });
  const app = express();
  const httpServer = http.createServer(HTTP_TIMEOUTS, app);
  const execution = new CompiledExecution(options.schema, options.compileOnUse ?? COMPILE_ON_USE);
  const apollo = new ApolloServer<RequestContext>({
    // Operations run in graphql-js, and from a compiled function once their document has come often.
    gateway: execution.asGateway(),
    formatError: createErrorFormatter(options.development),
    includeStacktraceInErrorResponses: options.development,
    // main.ts owns SIGTERM/SIGINT and the order of shutdown; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    // Apollo's CSRF check would refuse GET queries without a preflight header (urql's and
    // graphql-request's defaults). It guards cookie and Basic auth, which this service has none
    // of: mutations need a bearer header, are never run over GET, and requireJsonPost refuses
    // every POST a cross-site form could send.
    csrfPrevention: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [KnownOperationTypesRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No field carries cache hints: without this, Apollo wraps every resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      createCostPlugin({
        maxCost: options.maxQueryComplexity,
        graphNodes: createGraphSizeGauge(() => readNodeCount(options.database, options.projection ?? null)),
        onAdmitted: (context, cost) => admitHeavy((context as GatedContext).gate, cost),
      }),
      createResponsePlugin(logger),
      stopHook(options.onStop),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Express's own error pages show stacks in its development mode; ours never do.
  app.set('env', 'production');
  app.use(assignRequestId, securityHeaders(), cors(corsOptions(options.corsOrigins ?? '*')));
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  const meaningStatus: MeaningStatus = options.meaning?.status ?? { state: 'off', reason: 'no model given to the server' };
  app.get('/readyz', (_req, res) => void reportReadiness(options.database, options.projection ?? null, meaningStatus, res));
  app.get('/favicon.ico', (_req, res) => void res.status(204).setHeader('Cache-Control', 'public, max-age=86400').end());
  app.get(
    EXPORT_PATH,
    createExportHandler(options.database, () => admission.begin(), options.projection ?? null),
  );
  app.use(EXPLORER_PATH, createExplorerRouter());
  app.use(createPlaygroundRouter());
  const playground = renderPlayground(GRAPHQL_PATH, readExampleTabs());
  app.get(['/', GRAPHQL_PATH], (req: Request, res: Response, next) => {
    if (req.path === '/' || wantsHtml(req)) res.type('html').send(playground);
    else next();
  });
  app.use(
    GRAPHQL_PATH,
    requireJsonPost,
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = createRequestContext(
          options.database,
          editorTokens.check(req.headers.authorization),
          options.projection ?? null,
          options.meaning?.embedder ?? null,
        );
        const gate = admission.begin();
        // A heavy slot is held until the answer is handed to the socket (serialising a large
        // answer is part of what a heavy operation costs the one thread), or the client is gone.
        res.once('finish', () => gate.finish());
        res.once('close', () => gate.finish());
        gateExecutor(context.executor, gate);
        // On the context itself: Apollo hands each operation (and its plugins) a shallow copy.
        return { ...context, gate };
      },
    }),
  );
  app.use(answerNotFound);
  app.use(createHttpErrorHandler(logger));

  return {
    app,
    httpServer,
    apollo,
    admission,
    execution,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}${GRAPHQL_PATH}`);
        });
      }),
    stop: () => apollo.stop(),
  };
}

function corsOptions(origins: readonly string[] | '*'): cors.CorsOptions {
  return {
    origin: origins === '*' ? '*' : [...origins],
    // Credentials only ever go to named origins; the API itself needs none (bearer tokens).
    credentials: origins !== '*',
    exposedHeaders: ['x-request-id', 'content-disposition', 'retry-after'],
    maxAge: 600,
  };
}

async function readNodeCount(database: GraphDatabase, projection: ProjectionManager | null): Promise<number> {
  return projection?.serving()?.graph.nodeCount ?? new ThinkingRepository(database.executor()).countNodes();
}

/** What the GraphQL route's context holds: the request's readers and its operation gate (none through `executeOperation`). */
type GatedContext = RequestContext & { readonly gate?: OperationGate };

/** A heavy operation waits for a heavy slot; refused after the queue timeout with 429. */
async function admitHeavy(gate: OperationGate | undefined, cost: number): Promise<void> {
  try {
    await gate?.admit(cost);
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    throw refuseRequest(error);
  }
}

function stopHook(onStop: (() => Promise<void>) | undefined): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          await onStop?.();
        },
      };
    },
  };
}

/**
 * 200 when Neo4j answers, 503 otherwise, with `database` (up, down, restarting) and, for the
 * local Neo4j, its `restarts`; and either way which path serves the thinking queries. While
 * the database is known down this answers at once.
 */
async function reportReadiness(database: GraphDatabase, projection: ProjectionManager | null, meaning: MeaningStatus, res: Response): Promise<void> {
  const thinking = projection?.status() ?? { mode: 'cypher', reason: 'PROJECTION=off' };
  try {
    await database.ping();
    res.json({ status: 'ready', ...database.health(), thinking, meaning });
  } catch (error) {
    const code = describeError(error)?.extensions.code ?? 'INTERNAL_SERVER_ERROR';
    // A probe reads 503 as "not ready", whatever the cause (see HTTP_STATUS).
    res.status(503).json({ status: 'unavailable', code, ...database.health(), thinking, meaning });
  }
}

function wantsHtml(req: Request): boolean {
  return req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';
}
