import { Neo4jError } from 'neo4j-driver';
import { DatabaseUnavailableError, DomainError, TimeoutError } from '../domain/errors';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockAcquisitionTimeout',
]);

/**
 * Turns what the driver throws into a domain error where a client can act on it; anything else
 * is returned unchanged and later masked as INTERNAL_SERVER_ERROR (it may hold Cypher).
 */
export function mapNeo4jError(error: unknown): unknown {
  if (error instanceof DomainError || !(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code) || isConnectionFailure(error)) {
    return new DatabaseUnavailableError();
  }
  if (TIMEOUT_CODES.has(error.code)) return new TimeoutError();
  return error;
}

function isConnectionFailure(error: Neo4jError): boolean {
  // Pool exhaustion and refused sockets surface without a server code.
  return /acquisition timed out|ECONNREFUSED|Failed to connect/i.test(error.message);
}

const DOWN_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * True when an error says the server itself cannot be reached (refused, reset, unavailable),
 * which opens the circuit breaker. A pool that is merely exhausted is not such a failure: the
 * server is up and busy, and failing everyone fast would only hide that.
 */
export function signalsDatabaseDown(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  if (/acquisition timed out/i.test(error.message)) return false;
  return DOWN_CODES.has(error.code) || /ECONNREFUSED|ECONNRESET|Failed to connect|connection (was )?(closed|lost)/i.test(error.message);
}
