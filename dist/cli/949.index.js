export const id = 949;
export const ids = [949];
export const modules = {

/***/ 44718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ buildBroker)
});

// UNUSED EXPORTS: wantsText

// EXTERNAL MODULE: ./node_modules/fastify/fastify.js
var fastify = __webpack_require__(16703);
var fastify_default = /*#__PURE__*/__webpack_require__.n(fastify);
// EXTERNAL MODULE: ./node_modules/pino/pino.js
var pino = __webpack_require__(65005);
// EXTERNAL MODULE: ./src/broker/errors.ts
var errors = __webpack_require__(27662);
// EXTERNAL MODULE: ./src/broker/policy.ts
var broker_policy = __webpack_require__(22411);
;// CONCATENATED MODULE: ./src/broker/exchange.ts


async function exchange(ctx, input, audit) {
    // 1. Extract the bearer token.
    const token = bearerToken(input.authorization);
    // 2. Verify it: issuer allow list, keys, algorithm, signature, time and audience claims.
    const { issuer, claims } = await ctx.verifier.verify(token);
    audit.issuer = issuer.id;
    audit.sub = (0,broker_policy/* claimText */.Q1)(claims.sub);
    audit.repository = (0,broker_policy/* claimText */.Q1)(claims.repository);
    audit.project_path = (0,broker_policy/* claimText */.Q1)(claims.project_path);
    audit.jti = (0,broker_policy/* claimText */.Q1)(claims.jti);
    // 3. What does the caller ask for? (absent: everything its policy grants)
    const requested = parseRequestedSecrets(input.body);
    // 4. The first policy whose issuer and claims all match decides.
    const policy = (0,broker_policy/* findPolicy */.i6)(ctx.config.policies, issuer.id, claims);
    if (!policy)
        throw noPolicy(ctx, issuer.id, claims);
    audit.policy = policy.name;
    // 5. The request may only narrow the grant.
    let names = policy.secrets;
    if (requested) {
        const unknown = requested.filter((n) => !ctx.config.secrets.has(n));
        if (unknown.length) {
            throw new errors/* BrokerError */.Wz('unknown_secret', `unknown secret name(s): ${unknown.join(', ')}; check the spelling against what your platform team configured`);
        }
        const refused = requested.filter((n) => !policy.secrets.includes(n));
        if (refused.length) {
            throw new errors/* BrokerError */.Wz('secret_not_granted', `policy ${policy.name} does not grant ${refused.join(', ')}; it grants ${policy.secrets.join(', ')}`);
        }
        names = requested;
    }
    audit.secrets = [...names];
    // 6. Resolve the values.
    const resolved = await Promise.all(names.map((n) => ctx.config.secrets.get(n).resolve()));
    const secrets = {};
    let expiresAt = null;
    names.forEach((n, i) => {
        const r = resolved[i];
        secrets[n] = r.value;
        if (r.expiresAt && (!expiresAt || r.expiresAt < expiresAt))
            expiresAt = r.expiresAt;
    });
    return { policy: policy.name, secrets, expiresAt };
}
function bearerToken(authorization) {
    if (authorization === undefined || authorization.trim() === '') {
        throw new errors/* BrokerError */.Wz('token_missing', 'send the OIDC token as "Authorization: Bearer <token>"');
    }
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (!m) {
        throw new errors/* BrokerError */.Wz('token_missing', 'the Authorization header must be "Bearer <token>" with the OIDC token');
    }
    return m[1];
}
function parseRequestedSecrets(body) {
    if (body.trim() === '')
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        throw new errors/* BrokerError */.Wz('body_malformed', 'the body must be JSON: {"secrets": ["NAME", ...]} (or empty for everything the policy grants)');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new errors/* BrokerError */.Wz('body_malformed', 'the body must be a JSON object: {"secrets": ["NAME", ...]}');
    }
    const extra = Object.keys(parsed).filter((k) => k !== 'secrets');
    if (extra.length)
        throw new errors/* BrokerError */.Wz('body_malformed', `unknown field(s) in the body: ${extra.map((k) => JSON.stringify(k)).join(', ')}; only "secrets" is accepted`);
    const list = parsed.secrets;
    if (list === undefined)
        return undefined;
    if (!Array.isArray(list) || list.some((n) => typeof n !== 'string' || n === '')) {
        throw new errors/* BrokerError */.Wz('body_malformed', '"secrets" must be a list of secret names');
    }
    if (list.length === 0) {
        throw new errors/* BrokerError */.Wz('body_malformed', '"secrets" is empty; list the names you need, or omit the field to receive everything your policy grants');
    }
    return [...new Set(list)];
}
/**
 * 403 that helps without leaking: it names the closest same-issuer policy and the claims of the caller's own
 * token that it failed on, never the values a policy expects.
 */
function noPolicy(ctx, issuerId, claims) {
    const closest = (0,broker_policy/* closestPolicy */.Ox)(ctx.config.policies, issuerId, claims);
    if (!closest) {
        return new errors/* BrokerError */.Wz('no_policy_matched', `no policy accepts tokens from issuer ${issuerId}`);
    }
    const which = closest.failures
        .map((f) => `${f.claim}=${f.actual === undefined ? '(absent)' : JSON.stringify(f.actual)}`)
        .join(', ');
    return new errors/* BrokerError */.Wz('no_policy_matched', `no policy matches this token; the closest, ${closest.policy.name}, does not accept its ${which}. Run "oidc-exchange check" with these claims, or ask the broker's operator`);
}

// EXTERNAL MODULE: ./node_modules/prom-client/index.js
var prom_client = __webpack_require__(95222);
;// CONCATENATED MODULE: ./src/broker/metrics.ts
// Prometheus metrics, one registry per broker instance (tests run several brokers in one process).

function createMetrics(opts = {}) {
    const registry = new prom_client.Registry();
    if (opts.processMetrics)
        (0,prom_client.collectDefaultMetrics)({ register: registry, prefix: 'oidc_exchange_' });
    return {
        registry,
        exchanges: new prom_client.Counter({
            name: 'oidc_exchange_exchanges_total',
            help: 'Token exchanges by outcome (granted, denied, error) and error code (none when granted).',
            labelNames: ['outcome', 'code', 'issuer'],
            registers: [registry],
        }),
        exchangeSeconds: new prom_client.Histogram({
            name: 'oidc_exchange_exchange_duration_seconds',
            help: 'Time to answer POST /v1/exchange, from request to response.',
            labelNames: ['outcome'],
            buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
            registers: [registry],
        }),
        keyFetches: new prom_client.Counter({
            name: 'oidc_exchange_key_fetches_total',
            help: 'Fetches of an issuer discovery document or JWKS, by issuer id and outcome (ok, error).',
            labelNames: ['issuer', 'outcome'],
            registers: [registry],
        }),
    };
}

;// CONCATENATED MODULE: ./src/broker/store.ts
// The broker's shared state: used token IDs (replay protection), issuance records of the tokens the broker
// minted (revocation), and rate-limit counters. One interface, so a single broker keeps it in memory and
// several brokers behind a load balancer share it (the Redis implementation).
class MemoryStore {
    now;
    kind = 'memory';
    seen = new Map();
    counters = new Map();
    issued = new Map();
    sweeper;
    constructor(now = Date.now) {
        this.now = now;
        // Expired entries are dropped lazily on access and by a periodic sweep, so memory stays bounded by
        // what is live, not by what was ever seen.
        this.sweeper = setInterval(() => this.sweep(), 30_000);
        this.sweeper.unref();
    }
    async claimOnce(key, ttlSeconds) {
        const t = this.now();
        const until = this.seen.get(key);
        if (until !== undefined && until > t)
            return false;
        this.seen.set(key, t + ttlSeconds * 1000);
        return true;
    }
    async hit(key, windowSeconds) {
        const t = this.now();
        let c = this.counters.get(key);
        if (!c || c.expiresAt <= t) {
            c = { value: 0, expiresAt: t + windowSeconds * 1000 };
            this.counters.set(key, c);
        }
        c.value++;
        return { count: c.value, resetSeconds: Math.max(1, Math.ceil((c.expiresAt - t) / 1000)) };
    }
    async putIssuance(record) {
        // Kept a day past expiry so a leak reported late is still recognised (and audited) as ours.
        this.issued.set(record.tokenHash, { value: { ...record }, expiresAt: Date.parse(record.expiresAt) + 86_400_000 });
    }
    async getIssuance(tokenHash) {
        const e = this.issued.get(tokenHash);
        if (!e || e.expiresAt <= this.now())
            return undefined;
        return { ...e.value };
    }
    async markRevoked(tokenHash, at) {
        const e = this.issued.get(tokenHash);
        if (!e || e.value.revokedAt)
            return false;
        e.value.revokedAt = at.toISOString();
        return true;
    }
    async ping() {
        return true;
    }
    async close() {
        clearInterval(this.sweeper);
    }
    sweep() {
        const t = this.now();
        for (const [k, until] of this.seen)
            if (until <= t)
                this.seen.delete(k);
        for (const [k, c] of this.counters)
            if (c.expiresAt <= t)
                this.counters.delete(k);
        for (const [k, r] of this.issued)
            if (r.expiresAt <= t)
                this.issued.delete(k);
    }
}
function createStore(spec, now) {
    if (spec === 'memory')
        return new MemoryStore(now);
    throw new Error(`store ${JSON.stringify(spec)} is not supported`);
}

// EXTERNAL MODULE: ./src/broker/token.ts + 1 modules
var token = __webpack_require__(62216);
;// CONCATENATED MODULE: ./src/broker/server.ts
// Builds the broker's HTTP app from a loaded configuration. Nothing listens here: the CLI entry point does
// that, so tests can build as many brokers as they like and choose the ports.







function buildBroker(config, opts = {}) {
    // Log lines are batched into 4 KB writes (one write syscall per line cost about a quarter of an exchange's
    // time) and flushed at least every 250 ms and on shutdown, so an idle broker's audit log is never behind.
    const stdout = opts.logStream ? undefined : pino.pino.destination({ dest: 1, sync: false, minLength: 4096 });
    const flusher = stdout ? setInterval(() => stdout.flush(), 250) : undefined;
    flusher?.unref();
    const log = (0,pino.pino)({
        level: opts.logLevel ?? 'info',
        base: { service: 'oidc-exchange-broker' },
        timestamp: pino.pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
    }, opts.logStream ?? stdout);
    const metrics = createMetrics({ processMetrics: opts.processMetrics });
    const verifier = new token/* TokenVerifier */.M({
        audience: config.audience,
        issuers: config.issuers,
        maxTokenBytes: config.listen.maxTokenBytes,
        metrics,
        now: opts.now,
    });
    const store = createStore(config.store, opts.now);
    let shuttingDown = false;
    const app = fastify_default()({
        loggerInstance: log,
        // The audit line is the request log: one line per exchange, written by the route itself.
        logController: new fastify.LogController({ disableRequestLogging: true }),
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
            // How often Node checks requests against the timeouts (default 30 s, far coarser than the timeouts).
            connectionsCheckingInterval: Math.min(1000, config.listen.requestTimeoutSeconds * 500),
        },
        // Protocol-level failures (oversized headers, garbage) get the same JSON error shape as the API.
        clientErrorHandler(err, socket) {
            if (err.code === 'ECONNRESET' || socket.destroyed)
                return;
            const code = err.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'body_malformed';
            const e = new errors/* BrokerError */.Wz(code, code === 'headers_too_large'
                ? `request headers exceed ${config.listen.headerLimitBytes} bytes`
                : code === 'request_timeout'
                    ? 'the request took too long to arrive'
                    : 'the request is not valid HTTP/1.1');
            const body = JSON.stringify(e);
            socket.end(`HTTP/1.1 ${e.status} ${e.code}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        },
    });
    // Bodies are read as text and parsed by the exchange itself, whatever the content type, so every
    // malformed body gets the API's own error rather than the framework's.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    app.post('/v1/exchange', async (req, reply) => {
        const started = process.hrtime.bigint();
        const audit = {};
        let outcome = 'error';
        let code;
        let status = 200;
        try {
            const result = await exchange({ config, verifier }, { authorization: req.headers.authorization, body: typeof req.body === 'string' ? req.body : '' }, audit);
            outcome = 'granted';
            reply.header('cache-control', 'no-store');
            if (wantsText(req.headers.accept)) {
                const lines = Object.entries(result.secrets).map(([n, v]) => `${n} ${Buffer.from(v, 'utf8').toString('base64')}\n`);
                return reply.type('text/plain; charset=utf-8').send(lines.join(''));
            }
            return reply.type('application/json; charset=utf-8').send(JSON.stringify({ secrets: result.secrets, policy: result.policy, expires_at: result.expiresAt?.toISOString() ?? null }));
        }
        catch (e) {
            const err = toBrokerError(e);
            code = err.code;
            status = err.status;
            outcome = status >= 500 ? 'error' : 'denied';
            if (status >= 500)
                log.error({ event: 'exchange_failure', code: err.code, detail: err.detail ?? String(e) }, 'exchange failed');
            return sendError(reply, err);
        }
        finally {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            metrics.exchanges.inc({ outcome, code: code ?? 'none', issuer: audit.issuer ?? 'unknown' });
            metrics.exchangeSeconds.observe({ outcome }, seconds);
            // One audit line per exchange, on failure too. Names only: never a value, never the token.
            log.info({ event: 'exchange', ...audit, outcome, code: code ?? null, status, duration_ms: Math.round(seconds * 1e5) / 100, remote: req.ip }, 'exchange');
        }
    });
    app.get('/healthz', async (_req, reply) => reply.send({ status: 'ok' }));
    app.get('/readyz', async (_req, reply) => {
        const issuers = [...verifier.keys.values()].map((k) => k.status());
        const ready = !shuttingDown && issuers.some((i) => i.usable);
        return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : shuttingDown ? 'shutting_down' : 'no_usable_keys', issuers });
    });
    app.get('/metrics', async (_req, reply) => {
        return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
    app.setNotFoundHandler((req, reply) => {
        const known = ['/v1/exchange', '/healthz', '/readyz', '/metrics'];
        const path = req.url.split('?')[0];
        if (known.includes(path))
            return sendError(reply, new errors/* BrokerError */.Wz('method_not_allowed', `${req.method} is not allowed on ${path}`));
        return sendError(reply, new errors/* BrokerError */.Wz('not_found', `no such endpoint: ${path}`));
    });
    app.setErrorHandler((e, _req, reply) => {
        const err = toBrokerError(e);
        if (err.status >= 500)
            log.error({ event: 'request_failure', code: err.code, detail: err.detail }, 'request failed');
        return sendError(reply, err);
    });
    async function shutdown() {
        if (shuttingDown)
            return;
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
function sendError(reply, err) {
    if (err.retryAfter !== undefined)
        reply.header('retry-after', String(err.retryAfter));
    return reply.code(err.status).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(err));
}
/** Framework errors (body too large, timeouts) as broker errors; anything unexpected as a 500. */
function toBrokerError(e) {
    if (e instanceof errors/* BrokerError */.Wz)
        return e;
    const fe = e;
    switch (fe.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
            return new errors/* BrokerError */.Wz('body_too_large', 'the request body is too large');
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
            return new errors/* BrokerError */.Wz('body_malformed', 'the request body could not be read');
    }
    if (fe.statusCode === 408)
        return new errors/* BrokerError */.Wz('request_timeout', 'the request took too long to arrive');
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
        return new errors/* BrokerError */.Wz('body_malformed', 'the request could not be read');
    return new errors/* BrokerError */.Wz('internal_error', 'the broker failed; its operator has been told', { detail: fe.message });
}
/** text/plain only when the client prefers it over JSON (shells send `Accept: text/plain`). */
function wantsText(accept) {
    if (!accept)
        return false;
    let best;
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


/***/ }),

/***/ 13949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   auditStep: () => (/* binding */ auditStep),
/* harmony export */   brokerSteps: () => (/* binding */ brokerSteps),
/* harmony export */   demoCommand: () => (/* binding */ demoCommand),
/* harmony export */   demoSecretValues: () => (/* binding */ demoSecretValues),
/* harmony export */   examplesDir: () => (/* binding */ examplesDir),
/* harmony export */   postExchange: () => (/* binding */ postExchange),
/* harmony export */   runDemo: () => (/* binding */ runDemo),
/* harmony export */   startDemo: () => (/* binding */ startDemo),
/* harmony export */   stopDemo: () => (/* binding */ stopDemo)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(38815);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(24371);
/* harmony import */ var _broker_config_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(90754);
/* harmony import */ var _broker_server_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(44718);
/* harmony import */ var _issuer_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(64433);
// `npm run demo`: the whole flow on loopback with no account anywhere. Fake GitHub and GitLab issuers, the
// real broker with examples/demo.yaml, and a series of jobs, each checked against what should happen. It
// prints a short report and exits 0 only if every step behaved as expected. Secret values are never
// printed: the report shows names and sizes, and the last step scans the broker's log for every value.











async function postExchange(ctx, token, opts = {}) {
    const res = await (0,undici__WEBPACK_IMPORTED_MODULE_7__.request)(`${ctx.brokerUrl}/v1/exchange`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, accept: opts.accept ?? 'application/json', 'content-type': 'application/json' },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.body.text();
    let body = {};
    try {
        body = JSON.parse(text);
    }
    catch {
        /* text/plain answers */
    }
    return { status: res.statusCode, body, text };
}
function expect(cond, what) {
    if (!cond)
        throw new Error(what);
}
function describeSecrets(secrets) {
    return Object.entries(secrets)
        .map(([n, v]) => `${n} (${Buffer.byteLength(v)} bytes)`)
        .join(', ');
}
const brokerSteps = [
    {
        title: 'GitHub job on main, environment production',
        async run(ctx) {
            const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience });
            const r = await postExchange(ctx, token);
            expect(r.status === 200, `expected 200, got ${r.status} ${r.body.error ?? ''}`);
            const secrets = r.body.secrets;
            expect(Object.keys(secrets).sort().join() === 'DB_PASSWORD,DEPLOY_KEY', 'expected exactly DB_PASSWORD and DEPLOY_KEY');
            return `200, policy ${String(r.body.policy)}: ${describeSecrets(secrets)}`;
        },
    },
    {
        title: 'GitLab job on protected main, environment staging',
        async run(ctx) {
            const token = await ctx.gitlab.mint(ctx.gitlab.claimsFor({ environment: 'staging', ref_protected: true }), { audience: ctx.audience });
            const r = await postExchange(ctx, token, { accept: 'text/plain' });
            expect(r.status === 200, `expected 200, got ${r.status} ${r.body.error ?? ''}`);
            const lines = r.text.trim().split('\n');
            expect(lines.length === 1 && lines[0].startsWith('STAGING_API_KEY '), 'expected one text/plain line for STAGING_API_KEY');
            return '200 as text/plain for POSIX shells: one "NAME BASE64" line, STAGING_API_KEY';
        },
    },
    {
        title: 'GitHub job on a feature branch is refused',
        async run(ctx) {
            const token = await ctx.github.mint(ctx.github.claimsFor({ ref: 'refs/heads/feature/x', environment: 'production' }), { audience: ctx.audience });
            const r = await postExchange(ctx, token);
            expect(r.status === 403 && r.body.error === 'no_policy_matched', `expected 403 no_policy_matched, got ${r.status} ${r.body.error ?? ''}`);
            return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
        },
    },
    {
        title: 'A job asks for more than its policy grants',
        async run(ctx) {
            const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience });
            const r = await postExchange(ctx, token, { body: { secrets: ['DB_PASSWORD', 'STAGING_API_KEY'] } });
            expect(r.status === 403 && r.body.error === 'secret_not_granted', `expected 403 secret_not_granted, got ${r.status} ${r.body.error ?? ''}`);
            return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
        },
    },
    {
        title: 'A forged token (signed with a key the issuer never published)',
        async run(ctx) {
            const stray = await ctx.github.strayKey();
            const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience, key: stray });
            const r = await postExchange(ctx, token);
            expect(r.status === 401 && r.body.error === 'unknown_key', `expected 401 unknown_key, got ${r.status} ${r.body.error ?? ''}`);
            return `401 ${String(r.body.error)}`;
        },
    },
];
/** Runs last: nothing the broker logged contains a secret value or a token. */
const auditStep = {
    title: "The broker's audit log holds names, never values",
    async run(ctx) {
        const log = ctx.brokerLog.join('');
        const leaked = ctx.secretValues.filter((v) => log.includes(v));
        expect(leaked.length === 0, `${leaked.length} secret value(s) found in the broker log`);
        expect(!/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(log), 'a JWT was found in the broker log');
        const exchanges = ctx.brokerLog.filter((l) => l.includes('"event":"exchange"')).length;
        return `${exchanges} audit lines, no secret value and no token in them`;
    },
};
/** The values the demo broker hands out (DB_PASSWORD, DEPLOY_KEY, STAGING_API_KEY): never printed. */
const demoSecretValues = [
    'demo-db-p@ss w0rd "quoted" $HOME `x`',
    '-----BEGIN DEMO KEY-----\nMIIdemo0nlyN0tAR3alKey\n-----END DEMO KEY-----\n',
    'demo-staging-7c1e4b9a',
];
/** Where the repository's examples/ folder is, from the source tree or from the dist/ bundle. */
function examplesDir() {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_5__.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'examples');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(candidate, 'demo.yaml')))
            return candidate;
        dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(dir);
    }
    throw new Error('cannot find examples/demo.yaml next to the oidc-exchange installation');
}
async function startDemo() {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'oidc-exchange-demo-'));
    const [github, gitlab] = await Promise.all([(0,_issuer_js__WEBPACK_IMPORTED_MODULE_10__/* .startFakeIssuer */ .x)({ kind: 'github' }), (0,_issuer_js__WEBPACK_IMPORTED_MODULE_10__/* .startFakeIssuer */ .x)({ kind: 'gitlab' })]);
    const raw = (0,yaml__WEBPACK_IMPORTED_MODULE_6__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(examplesDir(), 'demo.yaml'), 'utf8'));
    for (const i of raw.issuers) {
        const fake = i.id === 'github' ? github : gitlab;
        i.issuer = fake.url;
        if (i.jwks_uri)
            i.jwks_uri = fake.jwksUri;
    }
    const secretValues = [...demoSecretValues];
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'demo-deploy-key.pem'), secretValues[1], { mode: 0o600 });
    const configPath = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'broker.yaml');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(configPath, JSON.stringify(raw, null, 2));
    const config = await (0,_broker_config_js__WEBPACK_IMPORTED_MODULE_8__/* .buildConfig */ .fD)(raw, configPath, { env: { DEMO_DB_PASSWORD: secretValues[0] }, checkSources: true });
    const brokerLog = [];
    const broker = (0,_broker_server_js__WEBPACK_IMPORTED_MODULE_9__/* .buildBroker */ .C)(config, {
        logStream: new node_stream__WEBPACK_IMPORTED_MODULE_4__.Writable({
            write(chunk, _enc, cb) {
                brokerLog.push(chunk.toString('utf8'));
                cb();
            },
        }),
    });
    const brokerUrl = await broker.app.listen({ host: '127.0.0.1', port: 0 });
    return { github, gitlab, broker, brokerUrl, audience: raw.audience, dir, configPath, secretValues, brokerLog };
}
async function stopDemo(ctx) {
    await ctx.broker.shutdown();
    await Promise.all([ctx.github.close(), ctx.gitlab.close()]);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(ctx.dir, { recursive: true, force: true });
}
async function runDemo(steps, print) {
    const ctx = await startDemo();
    try {
        print('oidc-exchange demo: the whole flow on loopback, no account anywhere\n');
        print(`  fake GitHub issuer  ${ctx.github.url}`);
        print(`  fake GitLab issuer  ${ctx.gitlab.url}`);
        print(`  broker              ${ctx.brokerUrl}  (examples/demo.yaml)\n`);
        let passed = 0;
        for (const step of [...steps, auditStep]) {
            try {
                const summary = await step.run(ctx);
                passed++;
                print(`✓ ${step.title}\n    ${summary}`);
            }
            catch (e) {
                print(`✗ ${step.title}\n    ${e.message}`);
            }
        }
        const total = steps.length + 1;
        print(`\n${passed} of ${total} steps behaved as expected${passed === total ? '' : ' — see the ✗ lines above'}`);
        return passed === total;
    }
    finally {
        await stopDemo(ctx);
    }
}
async function demoCommand() {
    const ok = await runDemo([...brokerSteps, ...(await __webpack_require__.e(/* import() */ 137).then(__webpack_require__.bind(__webpack_require__, 51137))).gitlabSteps], (line) => process.stdout.write(line + '\n'));
    return ok ? 0 : 1;
}


/***/ })

};
