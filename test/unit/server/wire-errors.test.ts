import { GraphQLError } from 'graphql';
import {
  BadUserInputError,
  DatabaseUnavailableError,
  NotFoundError,
  QueryTooComplexError,
  TimeoutError,
  TooManyRequestsError,
} from '../../../src/domain/errors';
import { checkArgs } from '../../../src/schema/build-schema';
import { ConceptMapArgs } from '../../../src/schema/thinking.args';
import { createErrorFormatter, describeError, refuseRequest } from '../../../src/server/wire-errors';

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

  it('names a stored node that lacks a field its type requires, instead of masking it', () => {
    const path = ['essays', 'nodes', 3, 'title'];
    const message = 'Cannot return null for non-nullable field Essay.title.';
    expect(format({ message, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError(message, { path }))).toEqual({
      message: 'A stored Essay has no title, though every Essay has one: the node was written outside this service. Ask without title, or mend the node.',
      path,
      extensions: { code: 'INCOMPLETE_NODE', type: 'Essay', field: 'title' },
    });
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

describe('the one error-to-wire mapping', () => {
  it('refuses a request with the status and headers of the table', () => {
    const wire = (error: GraphQLError) => {
      const { http, ...extensions } = error.extensions as { http: { status: number; headers: Map<string, string> } };
      return { extensions, status: http.status, headers: [...http.headers.entries()] };
    };
    expect(wire(refuseRequest(new TooManyRequestsError(3)))).toEqual({
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfter: 3 },
      status: 429,
      headers: [['retry-after', '3']],
    });
    expect(wire(refuseRequest(new QueryTooComplexError('Too deep.', { limit: 12 })))).toEqual({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 12 },
      status: 400,
      headers: [],
    });
    expect(wire(refuseRequest(new DatabaseUnavailableError())).status).toBe(503);
  });

  it('describes arguments checked outside GraphQL as the API describes them', async () => {
    const args = Object.assign(new ConceptMapArgs(), { depth: 9 });
    const failure = await checkArgs(args).catch((error: unknown) => error);
    expect(describeError(failure)).toEqual({
      message: 'Invalid value for "depth": depth must not be greater than 3.',
      extensions: { code: 'BAD_USER_INPUT', field: 'depth' },
    });
    await expect(checkArgs(Object.assign(new ConceptMapArgs(), { depth: 2 }))).resolves.toMatchObject({ depth: 2 });
  });

  it('leaves anything unknown to be masked', () => {
    expect(describeError(new Error('MATCH (n) RETURN n'))).toBeNull();
    expect(describeError(new BadUserInputError('$ids', 'Too many.', 1000))?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: '$ids', limit: 1000 });
  });
});
