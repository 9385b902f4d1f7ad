// Builds the broker's HTTP app from a loaded configuration. Nothing listens here: the CLI entry point does
// that, so tests can build as many brokers as they like and choose the ports.
//
// Reload: the configuration, with what is built from it (the token verifier, the secret backends), is one
// generation. A request takes the current generation when it starts and keeps it to the end, so a reload
// never changes the rules under an exchange in flight; a retired generation's backends are closed once its
// last request has finished. What is fixed when the server is created (the address, the store, request
// limits, whether TLS is on) needs a restart, and a reload that changes it says so in the log.
import type { TLSSocket } from 'node:tls';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { BrokerConfig } from '../config/load.js';
import { configSummary, logLintFindings } from '../config/log.js';
import { BrokerError, ConfigError, type ErrorCode } from '../errors.js';
import { exchange, type AuditRecord } from '../exchange.js';
import type { Clock } from '../verify/issuer-keys.js';
import { createMetrics, type BrokerMetrics } from '../metrics.js';
import { presentsSharedToken } from '../shared-secret.js';
import { createStore, describeStore, sameStore, type Store } from '../store/index.js';
import { TokenVerifier } from '../verify/token.js';
import { logGitHubApps } from '../config/github.js';
import { registerRevocationRoutes } from '../revocation.js';
import { httpsOptions, secureContextOptions } from '../config/tls.js';

export interface BrokerOptions {
  /** Where the JSON log and audit lines go (default: stdout). */
  logStream?: DestinationStream;
  logLevel?: string;
  now?: Clock;
  /** Add Node's process metrics to /metrics (the CLI does; tests running many brokers do not). */
  processMetrics?: boolean;
  /**
   * Loads the configuration again for a reload (SIGHUP, POST /-/reload): the CLI reads its file with
   * `loadConfigFile(file, { checkSources: true })`. Without it the broker cannot reload.
   */
  loadConfig?: () => Promise<BrokerConfig>;
}

export interface ReloadOutcome {
  ok: boolean;
  /** The problems that refused the new configuration (it did not load; the previous one keeps serving). */
  problems?: string[];
  /** Settings that changed but only take effect after a restart (the running values are kept). */
  needsRestart?: string[];
}

export interface Broker {
  app: FastifyInstance;
  /** The configuration being served now. */
  readonly config: BrokerConfig;
  readonly verifier: TokenVerifier;
  metrics: BrokerMetrics;
  store: Store;
  log: Logger;
  /**
   * Before listening: waits (bounded by the store's `startup_wait_seconds`) for the store, fetches every
   * issuer's keys and connects the secret backends, logging each one that cannot be reached.
   */
  prepare(): Promise<void>;
  /** Loads the configuration again (options.loadConfig) and serves it; on any error keeps the current one. */
  reload(trigger: string): Promise<ReloadOutcome>;
  /** Serves `next` from the next request on (a configuration already loaded and checked). */
  swap(next: BrokerConfig, trigger: string): ReloadOutcome;
  /** Stop taking requests, let the ones in flight finish (up to the configured grace), then close. */
  shutdown(): Promise<void>;
}

interface Generation {
  config: BrokerConfig;
  verifier: TokenVerifier;
  inflight: number;
  retired: boolean;
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
  const backendEvents = {
    onFetch: (kind: string, backend: string, outcome: string) => metrics.secretFetches.inc({ kind, backend, outcome }),
    onEvent: (level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string) => log[level](fields, message),
  };
  const generation = (next: BrokerConfig, previous?: Generation): Generation => {
    for (const b of next.backends.all()) b.observe(backendEvents);
    const verifier = new TokenVerifier({
      audience: next.audience,
      issuers: next.issuers,
      maxTokenBytes: next.listen.maxTokenBytes,
      metrics,
      now: opts.now,
      previous: previous?.verifier,
    });
    if (next.listen.tls?.notAfter) metrics.tlsNotAfter.set(Math.floor(next.listen.tls.notAfter.getTime() / 1000));
    metrics.configLoaded.set(Math.floor(Date.now() / 1000));
    return { config: next, verifier, inflight: 0, retired: false };
  };
  let current = generation(config);
  const retiring = new Set<Generation>();
  /** The generation a request runs under, from its start to its end. */
  const enter = (): Generation => {
    current.inflight++;
    return current;
  };
  const leave = (g: Generation): void => {
    g.inflight--;
    if (g.retired && g.inflight === 0) void retire(g);
  };
  const retire = async (g: Generation): Promise<void> => {
    retiring.delete(g);
    await g.config.backends.close();
  };
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

  const tls = config.listen.tls;
  const app = Fastify({
    ...(tls ? { https: httpsOptions(tls) } : {}),
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
    } as object,
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
    const audit: AuditRecord & { client_cert?: string } = {};
    let outcome: 'granted' | 'denied' | 'error' = 'error';
    let code: ErrorCode | undefined;
    let status = 200;
    const gen = enter();
    try {
      checkClientCertificate(gen.config, req.raw.socket as TLSSocket, audit);
      const result = await exchange(
        {
          config: gen.config,
          verifier: gen.verifier,
          store,
          now: opts.now,
          onRateLimitSkipped: () => metrics.rateLimitSkipped.inc(),
          onTokenReleased(released, e) {
            metrics.tokenReleases.inc({ outcome: released ? 'released' : 'failed' });
            if (!released) log.error({ event: 'token_release_failed', detail: (e as Error)?.message }, 'a failed exchange could not give its token back: the token stays spent');
          },
        },
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
      leave(gen);
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

  registerRevocationRoutes(app, { config: () => current.config, store, log, metrics });
  logGitHubApps(config, log);

  // The operator's reload, behind the admin section's pre-shared token (404 without one).
  app.post('/-/reload', async (req, reply) => {
    const admin = current.config.admin;
    if (!admin) return sendError(reply, new BrokerError('not_found', 'the admin API is not enabled on this broker; its operator enables it with an "admin:" section'));
    if (!admin.tokens || !presentsSharedToken(admin.tokens, req.headers.authorization)) {
      const r = await store.hit('admin:unauthorized', 60).catch(() => ({ count: 0, resetSeconds: 60 }));
      if (r.count > 10) return sendError(reply, new BrokerError('rate_limited', 'too many unauthorized admin requests; wait and retry', { retryAfter: r.resetSeconds }));
      return sendError(reply, new BrokerError('unauthorized', 'send the admin token as "Authorization: Bearer <token>"'));
    }
    const outcome = await reload('admin_api');
    if (!outcome.ok) {
      return sendError(reply, new BrokerError('config_invalid', `the configuration was not reloaded (the previous one keeps serving): ${(outcome.problems ?? []).join('; ')}`));
    }
    return reply
      .code(200)
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(JSON.stringify({ status: 'reloaded', needs_restart: outcome.needsRestart ?? [] }));
  });

  app.get('/healthz', async (_req, reply) => reply.send({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    const issuers = [...current.verifier.keys.values()].map((k) => k.status());
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
    const known = ['/v1/exchange', '/healthz', '/readyz', '/metrics', '/-/reload'];
    const path = req.url.split('?')[0]!;
    if (known.includes(path)) return sendError(reply, new BrokerError('method_not_allowed', `${req.method} is not allowed on ${path}`));
    return sendError(reply, new BrokerError('not_found', `no such endpoint: ${path}`));
  });

  app.setErrorHandler((e, req, reply) => {
    const err = toBrokerError(e);
    if (err.status >= 500) log.error({ event: 'request_failure', code: err.code, detail: err.detail }, 'request failed');
    if (err.code === 'body_too_large' && req.url.split('?')[0] === '/v1/revoke_tokens') {
      // GitLab retries this 17 times and revokes nothing: the operator has to raise the limit.
      log.error(
        { event: 'revocation', outcome: 'refused', code: err.code, status: err.status, content_length: req.headers['content-length'] ?? null, remote: req.ip },
        'a revocation batch is larger than revocation.body_limit_bytes: raise it (GitLab sends every finding of a pipeline at once)',
      );
    }
    return sendError(reply, err);
  });

  async function shutdown(): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    const grace = current.config.listen.shutdownGraceSeconds * 1000;
    const timer = setTimeout(() => (app.server as { closeAllConnections?: () => void }).closeAllConnections?.(), grace);
    timer.unref();
    await app.close();
    clearTimeout(timer);
    await store.close();
    await Promise.allSettled([current, ...retiring].map((g) => g.config.backends.close()));
    clearInterval(flusher);
    stdout?.flushSync();
  }

  async function prepare(): Promise<void> {
    const waitMs = current.config.storeStartupWaitSeconds * 1000;
    const [storeReady] = await Promise.all([store.waitReady(waitMs), warmIssuers(current), warmBackends(current)]);
    if (!storeReady) {
      log.warn(
        { event: 'store_not_ready', store: describeStore(current.config.store), waited_seconds: current.config.storeStartupWaitSeconds },
        'the store is not reachable yet: listening anyway, /readyz answers 503 until it is',
      );
    }
  }

  async function warmIssuers(g: Generation): Promise<void> {
    await Promise.all([...g.verifier.keys.values()].map((k) => k.warm()));
    for (const k of g.verifier.keys.values()) {
      const st = k.status();
      if (!st.usable) {
        log.warn({ event: 'issuer_unreachable', issuer: st.id, detail: st.lastError ?? null }, `issuer ${st.id}: its keys cannot be fetched; its tokens are answered 503 until they can`);
      }
    }
  }

  async function warmBackends(g: Generation): Promise<void> {
    await Promise.all(
      g.config.backends.all().map(async (b) => {
        const problem = await b.warm();
        if (problem) log.warn({ event: 'backend_unreachable', kind: b.kind, backend: b.name, detail: problem }, `${b.kind} ${b.name}: not reachable; its secrets are answered 503 until it is`);
        else log.info({ event: 'backend_ready', kind: b.kind, backend: b.name, origin: b.origin }, `${b.kind} ${b.name}: ready`);
      }),
    );
  }

  let reloading: Promise<ReloadOutcome> | undefined;
  /** Reloads one at a time: a second signal during a reload waits for it and then loads again. */
  function reload(trigger: string): Promise<ReloadOutcome> {
    const run = async (): Promise<ReloadOutcome> => {
      if (!opts.loadConfig) return fail(['this broker was started without a configuration file to reload']);
      let next: BrokerConfig;
      try {
        next = await opts.loadConfig();
      } catch (e) {
        return fail(e instanceof ConfigError ? e.problems : [(e as Error).message]);
      }
      return swap(next, trigger);
    };
    const fail = (problems: string[]): ReloadOutcome => {
      metrics.reloads.inc({ outcome: 'failure' });
      metrics.reloadFailing.set(1);
      log.error({ event: 'config_reload_failed', trigger, problems }, 'configuration not reloaded: the previous one keeps serving');
      return { ok: false, problems };
    };
    const p = (reloading ?? Promise.resolve()).then(run, run);
    reloading = p;
    void p.finally(() => {
      if (reloading === p) reloading = undefined;
    });
    return p;
  }

  function swap(next: BrokerConfig, trigger: string): ReloadOutcome {
    const running = current.config;
    const needsRestart = restartOnly(running, next);
    const nextTls = next.listen.tls;
    // What needs a restart keeps its running value, so `config` says what is actually served.
    next.listen = { ...running.listen, maxTokenBytes: next.listen.maxTokenBytes, shutdownGraceSeconds: next.listen.shutdownGraceSeconds, tls: running.listen.tls };
    next.store = running.store;
    if (running.listen.tls && nextTls && !needsRestart.includes('listen.tls.client_ca')) {
      // The certificate files were read again by the load: new connections get the renewed certificate.
      (app.server as unknown as { setSecureContext(o: object): void }).setSecureContext(secureContextOptions(nextTls));
      next.listen.tls = nextTls;
    }
    const previous = current;
    current = generation(next, previous);
    previous.retired = true;
    if (previous.inflight === 0) void retire(previous);
    else retiring.add(previous);
    metrics.reloads.inc({ outcome: 'success' });
    metrics.reloadFailing.set(0);
    log.info({ event: 'config_reloaded', trigger, ...configSummary(next), needs_restart: needsRestart }, 'configuration reloaded');
    if (needsRestart.length) log.warn({ event: 'reload_needs_restart', settings: needsRestart }, `changed settings that take effect only after a restart: ${needsRestart.join(', ')}`);
    logLintFindings(log, next.lintFindings);
    logGitHubApps(next, log);
    void warmBackends(current);
    void warmIssuers(current);
    return { ok: true, needsRestart };
  }

  return {
    app,
    get config() {
      return current.config;
    },
    get verifier() {
      return current.verifier;
    },
    metrics,
    store,
    log,
    prepare,
    reload,
    swap,
    shutdown,
  };
}

/** Mutual TLS for the exchange: a client certificate signed by listen.tls.client_ca (`client_auth: exchange`). */
function checkClientCertificate(config: BrokerConfig, socket: TLSSocket, audit: { client_cert?: string }): void {
  const tls = config.listen.tls;
  if (!tls?.clientCa) return;
  if (!socket.authorized) {
    throw new BrokerError('client_certificate_required', 'this broker requires a client certificate signed by its client CA for exchanges (mutual TLS); configure the client with one');
  }
  const cn = socket.getPeerCertificate()?.subject?.CN;
  if (cn) audit.client_cert = Array.isArray(cn) ? cn.join(',') : cn;
}

/** Settings a reload cannot apply to a running server (named as in the file). */
function restartOnly(running: BrokerConfig, next: BrokerConfig): string[] {
  const out: string[] = [];
  const a = running.listen;
  const b = next.listen;
  const keys = [
    ['host', 'host'],
    ['port', 'port'],
    ['bodyLimitBytes', 'body_limit_bytes'],
    ['headerLimitBytes', 'header_limit_bytes'],
    ['requestTimeoutSeconds', 'request_timeout_seconds'],
    ['plainHttp', 'plain_http'],
  ] as const;
  for (const [k, name] of keys) if (a[k] !== b[k]) out.push(`listen.${name}`);
  if (!!a.tls !== !!b.tls) out.push('listen.tls');
  else if (a.tls && b.tls && (!!a.tls.clientCa !== !!b.tls.clientCa || a.tls.clientAuth !== b.tls.clientAuth)) out.push('listen.tls.client_ca');
  if (!sameStore(running.store, next.store)) out.push('store');
  if ((running.revocation?.bodyLimitBytes ?? 0) !== (next.revocation?.bodyLimitBytes ?? 0) && running.revocation && next.revocation) out.push('revocation.body_limit_bytes');
  return out;
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
