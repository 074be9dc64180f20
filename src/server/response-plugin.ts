import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { LOGGED_BODY_CHARS, REQUEST_ID_HEADER } from './http-guards';

/** Codes that mean the service failed, not the client: logged with the request id. */
const SERVER_FAILURES = new Set(['INTERNAL_SERVER_ERROR', 'INCOMPLETE_NODE', 'DATABASE_UNAVAILABLE', 'TIMEOUT']);
/** These also carry the id in their extensions: it is what a client has to report them with. */
const CARRY_ID = new Set(['INTERNAL_SERVER_ERROR', 'INCOMPLETE_NODE']);

/** Request errors that the GraphQL-over-HTTP spec answers with 200 to `application/json` clients. */
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * Shapes what leaves: server failures are logged with the request id (and a prefix of the
 * query, never the variables); a masked internal error carries the same id in its extensions
 * (every response has it in `x-request-id`); and a client that
 * asked for `application/json` only gets the status the spec says for it. No answer is stored
 * by a shared cache.
 */
export function createResponsePlugin(logger: Logger): ApolloServerPlugin<object> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors, operationName }) {
          // No answer is cacheable by a shared cache (they follow the graph's version); said here
          // rather than by Apollo's cache-control plugin, which wraps every field's resolver.
          response.http.headers.set('cache-control', 'no-store');
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const requestId = request.http?.headers.get(REQUEST_ID_HEADER);
          if (result.errors?.some(isServerFailure)) {
            result.errors = result.errors.map((error) =>
              CARRY_ID.has(String(error.extensions?.code)) ? { ...error, extensions: { ...error.extensions, requestId } } : error,
            );
            const failures = (errors ?? []).map((error) => ({ message: error.message, path: error.path, stack: (error.originalError ?? error).stack }));
            logger.error({ requestId, operationName, query: request.query?.slice(0, LOGGED_BODY_CHARS), errors: failures }, 'operation failed');
          }
          if (result.data === undefined && wantsLegacyJson(request.http?.headers.get('accept')) && result.errors?.every(isRequestError)) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}

function isServerFailure(error: GraphQLFormattedError): boolean {
  return SERVER_FAILURES.has(String(error.extensions?.code));
}

function isRequestError(error: GraphQLFormattedError): boolean {
  return REQUEST_ERRORS.has(String(error.extensions?.code));
}

/** Asked for `application/json` by name, and not for `application/graphql-response+json`. */
function wantsLegacyJson(accept: string | undefined): boolean {
  return !!accept && accept.includes('application/json') && !accept.includes('application/graphql-response+json');
}
