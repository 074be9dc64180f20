import type { ErrorRequestHandler, RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { HTTP_STATUS, MASKED, sendError, type WireCode } from './wire-errors';

export const REQUEST_ID_HEADER = 'x-request-id';
/** Request bodies appear in logs only as a prefix this long. */
export const LOGGED_BODY_CHARS = 80;

/**
 * Every response carries a request id: the caller's, when it is a plain token, or a new one.
 * Logs of a failure carry the same id, so a client's report finds the log line.
 */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
};

/**
 * A POST must say it is JSON: the body parser skips anything else, and only a JSON POST is
 * preflighted by browsers, which is what keeps cross-site forms from posting operations.
 */
export const requireJsonPost: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is(['application/json', 'application/*+json'])) return next();
  sendError(res, { message: 'POST a JSON body with `content-type: application/json`.', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
};

export const answerNotFound: RequestHandler = (req, res) => {
  sendError(res, { message: `No route ${req.method} ${req.path}.`, extensions: { code: 'NOT_FOUND' } });
};

const BODY_ERRORS: Record<string, [WireCode, string]> = {
  'entity.parse.failed': ['BAD_REQUEST', 'The request body is not valid JSON.'],
  'entity.too.large': ['PAYLOAD_TOO_LARGE', 'The request body is over the size limit.'],
  'encoding.unsupported': ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported content-encoding; send gzip, deflate, br or none.'],
  'charset.unsupported': ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported charset; send UTF-8.'],
};

/**
 * The last handler: body-parser's errors and anything a route threw become a JSON error with
 * a code, whatever NODE_ENV says. No stack, path or body reaches the client; the log gets the
 * request id and a short prefix of the body, never the whole of it.
 */
export function createHttpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = String(req.headers[REQUEST_ID_HEADER] ?? '');
    const facts = (error ?? {}) as { type?: unknown; status?: unknown; body?: unknown; message?: unknown; stack?: unknown };
    const known = typeof facts.type === 'string' ? BODY_ERRORS[facts.type] : undefined;
    const status = known ? HTTP_STATUS[known[0]] : typeof facts.status === 'number' && facts.status >= 400 && facts.status < 500 ? facts.status : 500;
    const body = typeof facts.body === 'string' ? facts.body.slice(0, LOGGED_BODY_CHARS) : undefined;
    const where = { requestId, method: req.method, path: req.path, status, type: facts.type, bodyPrefix: body };
    if (res.headersSent) return void res.end();
    if (status >= 500) {
      logger.error({ ...where, err: { message: String(facts.message), stack: facts.stack } }, 'request failed');
      return sendError(res, { ...MASKED, extensions: { ...MASKED.extensions, requestId } });
    }
    logger.info(where, 'bad request');
    // Another 4xx of the body parser keeps its own status.
    sendError(res, { message: known?.[1] ?? 'The request could not be read.', extensions: { code: known?.[0] ?? 'BAD_REQUEST' } }, status);
  };
}
