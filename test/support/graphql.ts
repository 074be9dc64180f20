import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphDatabase } from '../../src/graph/graph-database';
import { createSchema } from '../../src/schema/build-schema';
import { createRequestContext, createServer, type RequestContext, type Server } from '../../src/server/create-server';

export interface Answer {
  data: Record<string, unknown> | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  /** Database round trips the operation cost. */
  roundTrips: number;
}

export async function createTestServer(database: GraphDatabase, maxQueryComplexity = 200_000): Promise<Server> {
  return createServer({ schema: await createSchema(), database, development: false, maxQueryComplexity });
}

/** Runs an operation without HTTP (Apollo's executeOperation), as the resolvers see it. */
export async function execute(
  apollo: ApolloServer<RequestContext>,
  database: GraphDatabase,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const contextValue = createRequestContext(database);
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('Expected a single result');
  const { data, errors } = response.body.singleResult;
  return { data, errors, roundTrips: contextValue.executor.roundTrips };
}
