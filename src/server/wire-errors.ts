import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import type { Response } from 'express';
import { GraphQLError, type ASTNode, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { BadUserInputError, DomainError, QueryTooComplexError, TooManyRequestsError, type ErrorCode } from '../domain/errors';

/** The domain's codes, the masked failure, and HTTP's own refusals before GraphQL runs. */
export type WireCode = ErrorCode | 'INTERNAL_SERVER_ERROR' | 'INCOMPLETE_NODE' | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';

/**
 * The HTTP status of every code, for whatever is refused before GraphQL executes: the HTTP
 * routes (export, guards, unknown paths) and the plugins' refusals. An error raised while a
 * field resolves answers 200 beside the data, as GraphQL over HTTP says; `/readyz` answers 503
 * whenever it is not ready, whatever the code, because that is what probes read.
 */
export const HTTP_STATUS: Readonly<Record<WireCode, number>> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  INCOMPLETE_NODE: 500,
  DATABASE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** One error as a client reads it, over GraphQL or a plain HTTP route. */
export interface WireError {
  readonly message: string;
  readonly extensions: { readonly code: WireCode } & Record<string, unknown>;
}

/** What every failure that is not the client's becomes: no stack, no Cypher. */
export const MASKED: WireError = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

/**
 * The one mapping from a thrown error to what a client sees: a domain error keeps its message,
 * code and details; failed argument validation is BAD_USER_INPUT naming the field; anything
 * else is null, for the caller to mask.
 */
export function describeError(error: unknown): WireError | null {
  if (error instanceof ArgumentValidationError) return describeError(toBadUserInput(error.extensions.validationErrors));
  if (!(error instanceof DomainError)) return null;
  return { message: error.message, extensions: { code: error.code, ...error.details } };
}

/** A plain HTTP route's answer: the table's status, GraphQL's error shape, so clients read one format. */
export function sendError(res: Response, error: WireError, status = HTTP_STATUS[error.extensions.code]): void {
  res.status(status).json({ errors: [{ message: error.message, extensions: error.extensions }] });
}

/** An HTTP route's answer for a known error (see `describeError`); false when it is not one. */
export function sendKnownError(res: Response, error: unknown): boolean {
  const known = describeError(error);
  if (!known) return false;
  for (const [name, value] of headersOf(error)) res.setHeader(name, value);
  sendError(res, known);
  return true;
}

/** A plugin's refusal before execution: the GraphQL error with the table's status and headers. */
export function refuseRequest(error: DomainError, nodes?: ASTNode | readonly ASTNode[]): GraphQLError {
  const http = { status: HTTP_STATUS[error.code], headers: new HeaderMap(headersOf(error)) };
  return new GraphQLError(error.message, { nodes, extensions: { code: error.code, ...error.details, http } });
}

function headersOf(error: unknown): [string, string][] {
  return error instanceof TooManyRequestsError ? [['retry-after', String(error.retryAfterSeconds)]] : [];
}

/**
 * Apollo's `formatError`: known errors as `describeError` says, GraphQL's own request errors
 * passed through, a stored node missing what its type requires named as such, and anything
 * else masked outside development.
 */
export function createErrorFormatter(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const where = { locations: formatted.locations, path: formatted.path };
    const known = describeError(unwrapResolverError(error));
    if (known) return { message: known.message, ...where, extensions: known.extensions };
    const tooBig = describeTokenLimit(formatted);
    if (tooBig) return tooBig;
    const incomplete = describeIncompleteNode(formatted);
    if (incomplete) return { message: incomplete.message, ...where, extensions: incomplete.extensions };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    return {
      message: MASKED.message,
      ...where,
      extensions: { ...MASKED.extensions, ...(development ? { stacktrace: formatted.extensions?.stacktrace } : {}) },
    };
  };
}

/**
 * A null where the schema promises a value (graphql-js and graphql-jit word it alike): every
 * writer of this service gives an essay its title, so the stored node was written around it. The
 * answer says which type and field, and the path says which item; the list holding it is null, as
 * GraphQL's non-null rule has it. Said rather than masked: the client can ask without that field,
 * and whoever keeps the data can mend the node.
 */
function describeIncompleteNode(formatted: GraphQLFormattedError): WireError | null {
  const missing = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.$/.exec(formatted.message);
  if (!missing || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return null;
  const [, type, field] = missing;
  return {
    message: `A stored ${type} has no ${field}, though every ${type} has one: the node was written outside this service. Ask without ${field}, or mend the node.`,
    extensions: { code: 'INCOMPLETE_NODE', type, field },
  };
}

/** graphql-js stops reading at the token limit: the document is too big, not malformed. */
function describeTokenLimit(formatted: GraphQLFormattedError): WireError | null {
  const tokenLimit = /Document contains more th(?:an|at) (\d+) tokens/.exec(formatted.message);
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED' || !tokenLimit) return null;
  const limit = Number(tokenLimit[1]);
  return describeError(new QueryTooComplexError(`The document has more than ${limit} tokens, over the limit; split the operation.`, { limit }));
}

function toBadUserInput(errors: readonly ValidationError[]): BadUserInputError {
  const [field, message] = describeValidation(errors);
  return new BadUserInputError(field, message);
}

/**
 * The dotted path and message of the first failed constraint, however deeply nested. TypeGraphQL
 * validates each argument on its own and does not say which; by this schema's convention input
 * objects are passed as `input` (…Input classes) or `filter` (…Filter classes).
 */
function describeValidation(errors: readonly ValidationError[], prefix = ''): [string, string] {
  const first = errors[0];
  if (!first) return [prefix || 'input', 'Invalid input.'];
  if (!prefix) prefix = argumentNameOf(first.target);
  const field = prefix ? `${prefix}.${first.property}` : first.property;
  if (first.children?.length) return describeValidation(first.children, field);
  const constraint = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
  return [field, `Invalid value for "${field}": ${constraint}.`];
}

function argumentNameOf(target: object | undefined): string {
  const name = target?.constructor?.name ?? '';
  if (name.endsWith('Input')) return 'input';
  if (name.endsWith('Filter')) return 'filter';
  return '';
}
