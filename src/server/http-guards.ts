import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

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

/** GraphQL's error shape, for failures before GraphQL: clients read one format. */
export function sendHttpError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * A POST must say it is JSON: the body parser skips anything else, and only a JSON POST is
 * preflighted by browsers, which is what keeps cross-site forms from posting operations.
 */
export const requireJsonPost: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is(['application/json', 'application/*+json'])) return next();
  sendHttpError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'POST a JSON body with `content-type: application/json`.');
};

export const answerNotFound: RequestHandler = (req, res) => {
  sendHttpError(res, 404, 'NOT_FOUND', `No route ${req.method} ${req.path}.`);
};

const BODY_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON.'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is over the size limit.'],
  'encoding.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported content-encoding; send gzip, deflate, br or none.'],
  'charset.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported charset; send UTF-8.'],
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
    const status = known?.[0] ?? (typeof facts.status === 'number' && facts.status >= 400 && facts.status < 500 ? facts.status : 500);
    const body = typeof facts.body === 'string' ? facts.body.slice(0, LOGGED_BODY_CHARS) : undefined;
    const where = { requestId, method: req.method, path: req.path, status, type: facts.type, bodyPrefix: body };
    if (res.headersSent) return void res.end();
    if (status >= 500) {
      logger.error({ ...where, err: { message: String(facts.message), stack: facts.stack } }, 'request failed');
      return void res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
    }
    logger.info(where, 'bad request');
    sendHttpError(res, status, known?.[1] ?? 'BAD_REQUEST', known?.[2] ?? 'The request could not be read.');
  };
}
