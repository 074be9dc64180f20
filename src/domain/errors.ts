/** The codes a client sees in `extensions.code`. */
export type ErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'DATABASE_UNAVAILABLE' | 'QUERY_TOO_COMPLEX' | 'TIMEOUT' | 'TOO_MANY_REQUESTS';

/** An error whose message is safe to show a client as it is. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  /** Extra fields for `extensions`, beside the code. */
  get details(): Record<string, unknown> {
    return {};
  }
}

export class BadUserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';

  /** `field` names the offending argument or input field, dotted for nested ones; `limit`, the bound it passed. */
  constructor(
    readonly field: string,
    message: string,
    readonly limit?: number,
  ) {
    super(message);
  }

  override get details(): Record<string, unknown> {
    return this.limit === undefined ? { field: this.field } : { field: this.field, limit: this.limit };
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(
    readonly field: string,
    readonly id: string,
  ) {
    super(`No node has id "${id}" (argument "${field}").`);
  }

  override get details(): Record<string, unknown> {
    return { field: this.field, id: this.id };
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class DatabaseUnavailableError extends DomainError {
  readonly code = 'DATABASE_UNAVAILABLE';

  constructor() {
    super('The graph database cannot be reached right now; try again shortly.');
  }
}

export class QueryTooComplexError extends DomainError {
  readonly code = 'QUERY_TOO_COMPLEX';

  /** `limit`: the bound the operation passed; `complexity`: its price, when it was priced. */
  constructor(
    message: string,
    readonly measures: { readonly limit?: number; readonly complexity?: number | string } = {},
  ) {
    super(message);
  }

  override get details(): Record<string, unknown> {
    return { ...this.measures };
  }
}

export class TimeoutError extends DomainError {
  readonly code = 'TIMEOUT';

  constructor() {
    super('The query took longer than the service allows; narrow it and try again.');
  }
}

/** The service is at its bound of concurrent database work; the client may retry shortly. */
export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';

  constructor(readonly retryAfterSeconds: number) {
    super(`The service is busy with other work; retry in about ${retryAfterSeconds} s.`);
  }

  override get details(): Record<string, unknown> {
    return { retryAfter: this.retryAfterSeconds };
  }
}
