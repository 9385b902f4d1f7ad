// The broker's HTTP server: fastify with the limits and timeouts of the `listen` section, HTTPS when it has
// `tls`, and bodies read as text whatever their content type (the routes parse them, so every malformed body
// gets the API's own error rather than the framework's). What is set here is fixed until a restart.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { clientErrorHandler } from './errors.js';
import { httpsOptions, type TlsSettings } from './tls.js';

export interface ListenSettings {
  host: string;
  port: number;
  bodyLimitBytes: number;
  headerLimitBytes: number;
  maxTokenBytes: number;
  requestTimeoutSeconds: number;
  shutdownGraceSeconds: number;
  /** HTTPS (absent: plain HTTP). */
  tls?: TlsSettings;
  /** Plain HTTP on a non-loopback address was asked for explicitly (a TLS-terminating proxy in front). */
  plainHttp: boolean;
}

export function createServer(listen: ListenSettings, log: Logger): FastifyInstance {
  const app = Fastify({
    ...(listen.tls ? { https: httpsOptions(listen.tls) } : {}),
    loggerInstance: log as FastifyBaseLogger,
    // The audit line is the request log: one line per exchange, written by the route itself.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: listen.bodyLimitBytes,
    requestTimeout: listen.requestTimeoutSeconds * 1000,
    // The socket timeout is a backstop well after the request timeout, so a slow client gets a 408 answer
    // rather than a silently closed connection.
    connectionTimeout: listen.requestTimeoutSeconds * 3000,
    keepAliveTimeout: 5000,
    return503OnClosing: true,
    http: {
      maxHeaderSize: listen.headerLimitBytes,
      headersTimeout: listen.requestTimeoutSeconds * 1000,
      // Node checks those timeouts only every 30 s by default: a client trickling bytes would hold a
      // connection that long whatever the configured timeout. Check at least every second.
      connectionsCheckingInterval: Math.min(1000, listen.requestTimeoutSeconds * 1000),
    } as object,
    // Protocol-level failures (oversized headers, garbage) get the same JSON error shape as the API.
    clientErrorHandler: clientErrorHandler(listen.headerLimitBytes),
  });
  // The routes' schemas describe the API (the OpenAPI document, openapi.ts) but neither validate nor serialise:
  // each route checks its request itself and answers with the API's own error codes, and writes its answers
  // whole, so fastify's validation cannot answer in another shape and its serialiser cannot drop a field.
  // The conformance test (test/broker/openapi.test.ts) holds the answers to the schemas.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  return app;
}

/** Stops taking requests and lets those in flight finish; connections still open after the grace are closed. */
export async function closeServer(app: FastifyInstance, graceSeconds: number): Promise<void> {
  const timer = setTimeout(() => (app.server as { closeAllConnections?: () => void }).closeAllConnections?.(), graceSeconds * 1000);
  timer.unref();
  await app.close();
  clearTimeout(timer);
}
