/** The service's own GraphQL endpoint, same origin, so the page works wherever the service runs. */
const ENDPOINT = '/graphql';

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs one operation; a GraphQL error becomes a thrown error carrying its `extensions.code`. */
export async function requestGraphQL<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<T>;
  const [error] = answer.errors ?? [];
  if (error) throw new GraphQLRequestError(error.message, error.extensions?.code);
  if (!answer.data) throw new GraphQLRequestError(`The service answered HTTP ${response.status} with no data.`, undefined);
  return answer.data;
}
