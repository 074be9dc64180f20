import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { TextEmbedder } from '../../src/domain/meaning';
import type { GraphDatabase } from '../../src/graph/graph-database';
import { ProjectionManager } from '../../src/projection/projection-manager';
import { createSchema } from '../../src/schema/build-schema';
import type { EditorAccess } from '../../src/schema/context';
import { createServer, type Server } from '../../src/server/create-server';
import { createRequestContext, type RequestContext } from '../../src/server/request-context';
import type { EditorTokens } from '../../src/server/editor-tokens';

export interface Answer {
  data: Record<string, unknown> | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  /** Database round trips the operation cost. */
  roundTrips: number;
}

export const EDITOR: EditorAccess = { allowed: true, reason: null };

export async function createTestServer(
  database: GraphDatabase,
  maxQueryComplexity = 200_000,
  editorTokens?: EditorTokens,
  projection: ProjectionManager | null = null,
  compileOnUse?: number,
): Promise<Server> {
  return createServer({
    schema: await createSchema(),
    database,
    development: false,
    maxQueryComplexity,
    projection,
    ...(editorTokens ? { editorTokens } : {}),
    ...(compileOnUse ? { compileOnUse } : {}),
  });
}

/** A projection of the test database, built and laid out before it resolves; stop it in afterAll. */
export async function startTestProjection(database: GraphDatabase): Promise<ProjectionManager> {
  const projection = new ProjectionManager(database.topology(60_000), { pollMs: 200, maxEdges: 1_000_000, layout: true });
  database.onWrite((version) => projection.noteVersion(version));
  projection.start();
  await projection.whenReady();
  return projection;
}

/** Runs an operation without HTTP (Apollo's executeOperation), as the resolvers see it. */
export async function execute(
  apollo: ApolloServer<RequestContext>,
  database: GraphDatabase,
  query: string,
  variables: Record<string, unknown> = {},
  editor: EditorAccess = { allowed: false, reason: 'disabled' },
  projection: ProjectionManager | null = null,
  embedder: TextEmbedder | null = null,
): Promise<Answer> {
  const contextValue = createRequestContext(database, editor, projection, embedder);
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('Expected a single result');
  const { data, errors } = response.body.singleResult;
  return { data, errors, roundTrips: contextValue.executor.roundTrips };
}
