// The broker's one error path. Every route throws: a BrokerError, or anything else, which is answered as a
// 500. One handler turns what was thrown into the API's JSON error with the status of its code, after the
// route's own account of the failure (its log line, its metrics). Unknown paths and methods go through the
// same handler, and protocol-level failures that never reach a route (oversized headers, garbage) get the
// same JSON shape written to the socket.
import type { Socket } from 'node:net';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { BrokerError, type ErrorCode } from '../errors.js';

/** One failed request, as a route's `onFailure` sees it. */
export interface Failure {
  /** The error as answered. */
  error: BrokerError;
  /** What was thrown (the same object when it was a BrokerError). */
  thrown: unknown;
  /**
   * The request failed before its route ran (fastify could not read it: a body over the limit, a bad
   * Content-Length), so nothing of the route happened.
   */
  early: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's own account of its failures. For a failure of the route's making it replaces the default
     * (a `request_failure` line for a 5xx); for an `early` one it comes after the default.
     */
    onFailure?: (failure: Failure, req: FastifyRequest) => void;
    /** The one method this path takes, named in `Allow` when another is refused (405). */
    allow?: string;
  }
}

/** Answers every failure of `app`'s routes, and requests for paths it has no route for. */
export function answerErrors(app: FastifyInstance, log: Logger, paths: readonly string[]): void {
  app.setNotFoundHandler(async (req) => {
    const path = req.url.split('?')[0]!;
    if (paths.includes(path)) throw new BrokerError('method_not_allowed', `${req.method} is not allowed on ${path}`);
    throw new BrokerError('not_found', `no such endpoint: ${path}`);
  });

  app.setErrorHandler((thrown, req, reply) => {
    const error = toBrokerError(thrown);
    const early = fromFramework(thrown);
    // A request no route took (the not-found handler) has no route options.
    const route: FastifyContextConfig | undefined = req.routeOptions.config;
    if ((early || !route?.onFailure) && error.status >= 500) log.error({ event: 'request_failure', code: error.code, detail: error.detail }, 'request failed');
    route?.onFailure?.({ error, thrown, early }, req);
    if (route?.allow && error.code === 'method_not_allowed') reply.header('allow', route.allow);
    return sendError(reply, error);
  });
}

function sendError(reply: FastifyReply, err: BrokerError): FastifyReply {
  if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
  return reply.code(err.status).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(err));
}

/** Framework errors (body too large, timeouts) as broker errors; anything unexpected as a 500. */
export function toBrokerError(e: unknown): BrokerError {
  if (e instanceof BrokerError) return e;
  const fe = e as { code?: string; statusCode?: number; message?: string };
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new BrokerError('body_too_large', 'the request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new BrokerError('body_malformed', 'the request body could not be read');
  }
  if (fe.statusCode === 408) return new BrokerError('request_timeout', 'the request took too long to arrive');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new BrokerError('body_malformed', 'the request could not be read');
  return new BrokerError('internal_error', 'the broker failed; its operator has been told', { detail: fe.message });
}

/** fastify's own errors (its FST_ codes, a 4xx status) come from reading the request, before any route runs. */
function fromFramework(e: unknown): boolean {
  if (e instanceof BrokerError) return false;
  const fe = e as { code?: unknown; statusCode?: unknown } | null;
  if (typeof fe?.code === 'string' && fe.code.startsWith('FST_')) return true;
  return typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500;
}

/** Protocol-level failures (oversized headers, garbage, a request too slow to arrive) in the API's error shape. */
export function clientErrorHandler(headerLimitBytes: number): (err: NodeJS.ErrnoException, socket: Socket) => void {
  return (err, socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const code: ErrorCode =
      err.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'body_malformed';
    const e = new BrokerError(
      code,
      code === 'headers_too_large'
        ? `request headers exceed ${headerLimitBytes} bytes`
        : code === 'request_timeout'
          ? 'the request took too long to arrive'
          : 'the request is not valid HTTP/1.1',
    );
    const body = JSON.stringify(e);
    socket.end(
      `HTTP/1.1 ${e.status} ${e.code}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };
}
