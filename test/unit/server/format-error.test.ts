import { GraphQLError } from 'graphql';
import { BadUserInputError, NotFoundError, TimeoutError } from '../../../src/domain/errors';
import { createErrorFormatter } from '../../../src/server/format-error';

const where = { locations: [{ line: 1, column: 3 }], path: ['conceptPath'] };
const resolverError = (original: Error) => new GraphQLError(original.message, { originalError: original, path: where.path });

describe('error formatting', () => {
  const format = createErrorFormatter(false);

  it('keeps a domain error’s message and code, with the field it is about', () => {
    const error = new BadUserInputError('maxHops', 'maxHops must be from 1 to 8.');
    expect(format({ message: error.message, ...where }, resolverError(error))).toEqual({
      message: 'maxHops must be from 1 to 8.',
      ...where,
      extensions: { code: 'BAD_USER_INPUT', field: 'maxHops' },
    });
    const missing = new NotFoundError('from', 'role:astronaut');
    expect(format({ message: missing.message, ...where }, resolverError(missing)).extensions).toEqual({
      code: 'NOT_FOUND',
      field: 'from',
      id: 'role:astronaut',
    });
    expect(format({ message: '', ...where }, resolverError(new TimeoutError())).extensions).toEqual({ code: 'TIMEOUT' });
  });

  it('masks anything else, so no Cypher or stack reaches a client', () => {
    const leak = new Error('Invalid input in MATCH (n:Essay {id: $id}) RETURN n');
    const formatted = format(
      { message: leak.message, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] } },
      resolverError(leak),
    );
    expect(formatted).toEqual({ message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('passes GraphQL’s own request errors through', () => {
    const formatted = { message: 'Syntax Error: Expected Name, found "}".', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(format(formatted, new GraphQLError(formatted.message))).toEqual(formatted);
  });

  it('shows the stack in development only', () => {
    const formatted = createErrorFormatter(true)(
      { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] } },
      new Error('boom'),
    );
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] });
  });
});
