import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '../domain/errors';

/**
 * The one place errors are shaped for clients: domain errors keep their message and code
 * (with the offending field), argument validation names the field, GraphQL's own request
 * errors pass through, and anything else is masked: no stack, no Cypher, outside development.
 */
export function createErrorFormatter(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = { locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return {
        message: original.message,
        ...where,
        extensions: { code: original.code, ...original.details },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const [field, message] = describeValidation(original.extensions.validationErrors);
      return { message, ...where, extensions: { code: 'BAD_USER_INPUT', field } };
    }
    const code = formatted.extensions?.code;
    const tokenLimit = /Document contains more th(?:an|at) (\d+) tokens/.exec(formatted.message);
    if (code === 'GRAPHQL_PARSE_FAILED' && tokenLimit) {
      // graphql-js stops reading at the token limit: the document is too big, not malformed.
      return {
        message: `The document has more than ${tokenLimit[1]} tokens, over the limit; split the operation.`,
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: Number(tokenLimit[1]) },
      };
    }
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    return {
      message: 'Internal server error',
      ...where,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(development ? { stacktrace: formatted.extensions?.stacktrace } : {}),
      },
    };
  };
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
