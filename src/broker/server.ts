// Builds the broker's HTTP app from a loaded configuration. Nothing listens here: the CLI entry point does
// that, so tests can build as many brokers as they like and choose the ports.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { BrokerConfig } from './config.js';
import { BrokerError, type ErrorCode } from './errors.js';
import { exchange, type AuditRecord } from './exchange.js';
import type { Clock } from './issuer.js';
import { createMetrics, type BrokerMetrics } from './metrics.js';
import { createStore, type Store } from './store.js';
import { TokenVerifier } from './token.js';
import { logGitHubApps } from './github-config.js';
import { registerRevocationRoutes } from './revocation.js';

export interface BrokerOptions {
  /** Where the JSON log and audit lines go (default: stdout). */
  logStream?: DestinationStream;
  logLevel?: string;
  now?: Clock;
  /** Add Node's process metrics to /metrics (the CLI does; tests running many brokers do not). */
  processMetrics?: boolean;
}

export interface Broker {
  app: FastifyInstance;
  config: BrokerConfig;
  verifier: TokenVerifier;
  metrics: BrokerMetrics;
  store: Store;
  log: Logger;
  /** Stop taking requests, let the ones in flight finish (up to the configured grace), then close. */
  shutdown(): Promise<void>;
}

export function buildBroker(config: BrokerConfig, opts: BrokerOptions = {}): Broker {
  // Log lines are batched into 4 KB writes (one write syscall per line cost about a quarter of an exchange's
  // time) and flushed at least every 250 ms and on shutdown, so an idle broker's audit log is never behind.
  const stdout = opts.logStream ? undefined : pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const flusher = stdout ? setInterval(() => stdout.flush(), 250) : undefined;
  flusher?.unref();
  const log = pino(
    {
      level: opts.logLevel ?? 'info',
      base: { service: 'oidc-exchange-broker' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.logStream ?? stdout!,
  );
  const metrics = createMetrics({ processMetrics: opts.processMetrics });
  const verifier = new TokenVerifier({
    audience: config.audience,
    issuers: config.issuers,
    maxTokenBytes: config.listen.maxTokenBytes,
    metrics,
    now: opts.now,
  });
  let lastStoreError: string | undefined;
  const store = createStore(config.store, opts.now, {
    onStateChange(up) {
      metrics.storeUp.set(up ? 1 : 0);
      if (up) lastStoreError = undefined;
      if (up) log.info({ event: 'store_up', store: store.kind }, 'store reachable');
      else log.warn({ event: 'store_down', store: store.kind }, 'store unreachable: single-use policies answer 503 until it returns');
    },
    onError(message) {
      // Reconnect attempts repeat the same error every second: log each distinct one once per outage.
      if (message === lastStoreError) return;
      lastStoreError = message;
      log.warn({ event: 'store_error', store: store.kind, detail: message }, 'store error');
    },
    onOperationError(operation) {
      metrics.storeErrors.inc({ operation });
    },
  });
  metrics.storeUp.set(store.kind === 'memory' ? 1 : 0);
  let shuttingDown = false;

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // The audit line is the request log: one line per exchange, written by the route itself.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.listen.bodyLimitBytes,
    requestTimeout: config.listen.requestTimeoutSeconds * 1000,
    // The socket timeout is a backstop well after the request timeout, so a slow client gets a 408 answer
    // rather than a silently closed connection.
    connectionTimeout: config.listen.requestTimeoutSeconds * 3000,
    keepAliveTimeout: 5000,
    return503OnClosing: true,
    http: {
      maxHeaderSize: config.listen.headerLimitBytes,
      headersTimeout: config.listen.requestTimeoutSeconds * 1000,
      // Node checks those timeouts only every 30 s by default: a client trickling bytes would hold a
      // connection that long whatever the configured timeout. Check at least every second.
      connectionsCheckingInterval: Math.min(1000, config.listen.requestTimeoutSeconds * 1000),
    },
    // Protocol-level failures (oversized headers, garbage) get the same JSON error shape as the API.
    clientErrorHandler(err: NodeJS.ErrnoException, socket) {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      const code: ErrorCode =
        err.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'body_malformed';
      const e = new BrokerError(
        code,
        code === 'headers_too_large'
          ? `request headers exceed ${config.listen.headerLimitBytes} bytes`
          : code === 'request_timeout'
            ? 'the request took too long to arrive'
            : 'the request is not valid HTTP/1.1',
      );
      const body = JSON.stringify(e);
      socket.end(
        `HTTP/1.1 ${e.status} ${e.code}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    },
  });

  // Bodies are read as text and parsed by the exchange itself, whatever the content type, so every
  // malformed body gets the API's own error rather than the framework's.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post('/v1/exchange', async (req, reply) => {
    const started = process.hrtime.bigint();
    const audit: AuditRecord = {};
    let outcome: 'granted' | 'denied' | 'error' = 'error';
    let code: ErrorCode | undefined;
    let status = 200;
    try {
      const result = await exchange(
        { config, verifier, store, now: opts.now, onRateLimitSkipped: () => metrics.rateLimitSkipped.inc() },
        { authorization: req.headers.authorization, body: typeof req.body === 'string' ? req.body : '' },
        audit,
      );
      outcome = 'granted';
      reply.header('cache-control', 'no-store');
      if (wantsText(req.headers.accept)) {
        const lines = Object.entries(result.secrets).map(([n, v]) => `${n} ${Buffer.from(v, 'utf8').toString('base64')}\n`);
        if (result.revoke) reply.header('OIDC-Exchange-Revoke', result.revoke.map((r) => `${r.name} ${r.url}`).join(', '));
        return reply.type('text/plain; charset=utf-8').send(lines.join(''));
      }
      return reply.type('application/json; charset=utf-8').send(
        JSON.stringify({ secrets: result.secrets, policy: result.policy, expires_at: result.expiresAt?.toISOString() ?? null, ...(result.revoke ? { revoke: result.revoke } : {}) }),
      );
    } catch (e) {
      const err = toBrokerError(e);
      code = err.code;
      status = err.status;
      outcome = status >= 500 ? 'error' : 'denied';
      if (status >= 500) log.error({ event: 'exchange_failure', code: err.code, detail: err.detail ?? String(e) }, 'exchange failed');
      return sendError(reply, err);
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.exchanges.inc({ outcome, code: code ?? 'none', issuer: audit.issuer ?? 'unknown' });
      metrics.exchangeSeconds.observe({ outcome }, seconds);
      // One audit line per exchange, on failure too. Names only: never a value, never the token.
      log.info(
        { event: 'exchange', ...audit, outcome, code: code ?? null, status, duration_ms: Math.round(seconds * 1e5) / 100, remote: req.ip },
        'exchange',
      );
    }
  });

  registerRevocationRoutes(app, { config, store, log, metrics });
  logGitHubApps(config, log);

  app.get('/healthz', async (_req, reply) => reply.send({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    const issuers = [...verifier.keys.values()].map((k) => k.status());
    // An instance that cannot reach the shared store is taken out of rotation: its peers may still reach it
    // (a partition), and it would refuse every single-use exchange. /healthz stays 200: it recovers by itself.
    const storeOk = await store.ping();
    const ready = !shuttingDown && storeOk && issuers.some((i) => i.usable);
    const status = shuttingDown ? 'shutting_down' : !storeOk ? 'store_unavailable' : ready ? 'ready' : 'no_usable_keys';
    return reply.code(ready ? 200 : 503).send({ status, issuers, store: { kind: store.kind, ok: storeOk } });
  });

  app.get('/metrics', async (_req, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.setNotFoundHandler((req, reply) => {
    const known = ['/v1/exchange', '/healthz', '/readyz', '/metrics'];
    const path = req.url.split('?')[0]!;
    if (known.includes(path)) return sendError(reply, new BrokerError('method_not_allowed', `${req.method} is not allowed on ${path}`));
    return sendError(reply, new BrokerError('not_found', `no such endpoint: ${path}`));
  });

  app.setErrorHandler((e, _req, reply) => {
    const err = toBrokerError(e);
    if (err.status >= 500) log.error({ event: 'request_failure', code: err.code, detail: err.detail }, 'request failed');
    return sendError(reply, err);
  });

  async function shutdown(): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    const grace = config.listen.shutdownGraceSeconds * 1000;
    const timer = setTimeout(() => app.server.closeAllConnections?.(), grace);
    timer.unref();
    await app.close();
    clearTimeout(timer);
    await store.close();
    clearInterval(flusher);
    stdout?.flushSync();
  }

  return { app, config, verifier, metrics, store, log, shutdown };
}

function sendError(reply: FastifyReply, err: BrokerError): FastifyReply {
  if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
  return reply.code(err.status).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(err));
}

/** Framework errors (body too large, timeouts) as broker errors; anything unexpected as a 500. */
function toBrokerError(e: unknown): BrokerError {
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

/** text/plain only when the client prefers it over JSON (shells send `Accept: text/plain`). */
export function wantsText(accept: string | undefined): boolean {
  if (!accept) return false;
  let best: 'json' | 'text' | undefined;
  let bestQ = -1;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    const kind = type === 'text/plain' ? 'text' : type === 'application/json' || type === '*/*' || type === 'application/*' ? 'json' : undefined;
    if (kind && q > bestQ) {
      best = kind;
      bestQ = q;
    }
  }
  return best === 'text';
}
