import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import { DomainError } from '../domain/errors';
import type { GraphDatabase } from '../graph/graph-database';
import { createRequestContext, type RequestContext } from './request-context';
import { createComplexityPlugin } from './complexity-plugin';
import { createExportHandler, EXPORT_PATH } from './export-route';
import { EditorTokens } from './editor-tokens';
import { createErrorFormatter } from './format-error';
import { createExplorerRouter, EXPLORER_PATH } from './explorer-route';
import { createPlaygroundRouter, readExampleTabs, renderPlayground } from './playground';

export const GRAPHQL_PATH = '/graphql';
/** Large enough for `ingestEssay`'s 1 MB of Markdown inside a JSON body. */
const MAX_BODY = '2mb';

export interface ServerOptions {
  readonly schema: GraphQLSchema;
  readonly database: GraphDatabase;
  readonly development: boolean;
  readonly maxQueryComplexity: number;
  /** Tokens that allow mutations; none: mutations answer FORBIDDEN. */
  readonly editorTokens?: EditorTokens;
  /** Run when the server stops, after HTTP has drained (closing the driver, say). */
  readonly onStop?: () => Promise<void>;
}

export interface Server {
  readonly app: Express;
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<RequestContext>;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, drains requests in flight, then runs `onStop`. */
  stop(): Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<Server> {
  const editorTokens = options.editorTokens ?? new EditorTokens([]);
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.development),
    includeStacktraceInErrorResponses: options.development,
    // main.ts owns SIGTERM/SIGINT and the order of shutdown; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      createComplexityPlugin(options.maxQueryComplexity),
      stopHook(options.onStop),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => void reportReadiness(options.database, res));
  app.get(EXPORT_PATH, createExportHandler(options.database));
  app.use(EXPLORER_PATH, createExplorerRouter());
  app.use(createPlaygroundRouter());
  const playground = renderPlayground(GRAPHQL_PATH, readExampleTabs());
  app.get(['/', GRAPHQL_PATH], (req: Request, res: Response, next) => {
    if (req.path === '/' || wantsHtml(req)) res.type('html').send(playground);
    else next();
  });
  app.use(
    GRAPHQL_PATH,
    cors(),
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createRequestContext(options.database, editorTokens.check(req.headers.authorization)),
    }),
  );

  return {
    app,
    httpServer,
    apollo,
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

async function reportReadiness(database: GraphDatabase, res: Response): Promise<void> {
  try {
    await database.ping();
    res.json({ status: 'ready' });
  } catch (error) {
    const code = error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR';
    res.status(503).json({ status: 'unavailable', code });
  }
}

function wantsHtml(req: Request): boolean {
  return req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';
}
