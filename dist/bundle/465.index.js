export const id = 465;
export const ids = [465];
export const modules = {

/***/ 67637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ logGitHubApps),
/* harmony export */   c2: () => (/* binding */ logLintFindings),
/* harmony export */   hA: () => (/* binding */ configSummary)
/* harmony export */ });
function logLintFindings(log, findings) {
    for (const f of findings) {
        log.warn({ event: 'policy_lint', rule: f.rule, severity: f.severity, policy: f.policy, path: f.path, overridden: f.overridden }, f.overridden ? `policy lint: ${f.rule} at ${f.path} overridden (${f.overridden})` : `policy lint: ${f.rule} at ${f.path}: ${f.message}`);
    }
}
/** The names and sources a configuration serves (never a value). */
function configSummary(config) {
    return {
        issuers: config.issuers.map((i) => i.id),
        policies: config.policies.length,
        secrets: [...config.secrets.values()].map((s) => ({ name: s.name, source: s.kind })),
        backends: config.backends.all().map((b) => ({ kind: b.kind, name: b.name, origin: b.origin })),
    };
}
/**
 * One start-up line per GitHub App with its key's fingerprint, in the form GitHub's app settings page shows
 * ("SHA256:..."), so an operator can match the configured key against the keys registered on the app.
 */
function logGitHubApps(config, log) {
    for (const app of config.githubApps.values()) {
        const s = app.settings;
        log.info({ event: 'github_app', app: s.name, issuer: s.issuer, owner: s.owner, api_url: s.apiUrl, key: s.keyOrigin, key_fingerprint: app.fingerprint ?? null }, app.fingerprint
            ? `GitHub App ${s.name}: private key fingerprint ${app.fingerprint} (compare with the app's settings page)`
            : `GitHub App ${s.name}: no private key loaded (${s.keyOrigin})`);
    }
    if (config.revocation) {
        const r = config.revocation;
        log.info({ event: 'revocation_api', token: r.tokenOrigin, tokens_loaded: r.tokens?.length ?? 0, rate_limit: r.rateLimit }, `Token Revocation API enabled (${r.rateLimit.requests} requests per ${r.rateLimit.perSeconds} s)`);
    }
}


/***/ }),

/***/ 52465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ buildBroker)
});

// EXTERNAL MODULE: ./src/broker/config/log.ts
var config_log = __webpack_require__(67637);
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
        storeUp: new prom_client.Gauge({
            name: 'oidc_exchange_store_up',
            help: 'Whether the shared store (used token IDs, issuance records, rate limits) is reachable: 1 or 0.',
            registers: [registry],
        }),
        storeErrors: new prom_client.Counter({
            name: 'oidc_exchange_store_errors_total',
            help: 'Store operations that failed (each answered 503 upstream_unavailable, or skipped for rate limits), by operation.',
            labelNames: ['operation'],
            registers: [registry],
        }),
        rateLimitSkipped: new prom_client.Counter({
            name: 'oidc_exchange_rate_limit_skipped_total',
            help: 'Exchanges let through without a rate-limit count because the store was unreachable.',
            registers: [registry],
        }),
        tokenReleases: new prom_client.Counter({
            name: 'oidc_exchange_token_releases_total',
            help: 'Single-use tokens given back after a failure of the broker (released), or that stayed spent because the store failed too (failed).',
            labelNames: ['outcome'],
            registers: [registry],
        }),
        secretFetches: new prom_client.Counter({
            name: 'oidc_exchange_secret_fetches_total',
            help: 'Values asked of a secret backend, by kind, backend name and outcome (hit: from the cache, fetched, error).',
            labelNames: ['kind', 'backend', 'outcome'],
            registers: [registry],
        }),
        reloads: new prom_client.Counter({
            name: 'oidc_exchange_config_reloads_total',
            help: 'Configuration reloads (SIGHUP, POST /-/reload) by outcome: success, or failure (the previous configuration keeps serving).',
            labelNames: ['outcome'],
            registers: [registry],
        }),
        configLoaded: new prom_client.Gauge({
            name: 'oidc_exchange_config_loaded_timestamp_seconds',
            help: 'When the configuration being served was loaded (Unix time).',
            registers: [registry],
        }),
        reloadFailing: new prom_client.Gauge({
            name: 'oidc_exchange_config_last_reload_failed',
            help: '1 when the last reload was refused (the file on disk is not what is served), else 0.',
            registers: [registry],
        }),
        tlsNotAfter: new prom_client.Gauge({
            name: 'oidc_exchange_tls_certificate_expiry_timestamp_seconds',
            help: 'When the certificate the broker serves expires (Unix time); absent without listen.tls.',
            registers: [registry],
        }),
        revocations: new prom_client.Counter({
            name: 'oidc_exchange_revoked_tokens_total',
            help: 'Tokens named in revocation batches, by result: revoked, already (revoked before or already dead), unknown (never issued here), failed.',
            labelNames: ['result'],
            registers: [registry],
        }),
    };
}

// EXTERNAL MODULE: ./src/broker/errors.ts
var errors = __webpack_require__(27662);
;// CONCATENATED MODULE: ./src/broker/http/errors.ts

/** Answers every failure of `app`'s routes, and requests for paths it has no route for. */
function answerErrors(app, log, paths) {
    app.setNotFoundHandler(async (req) => {
        const path = req.url.split('?')[0];
        if (paths.includes(path))
            throw new errors/* BrokerError */.Wz('method_not_allowed', `${req.method} is not allowed on ${path}`);
        throw new errors/* BrokerError */.Wz('not_found', `no such endpoint: ${path}`);
    });
    app.setErrorHandler((thrown, req, reply) => {
        const error = toBrokerError(thrown);
        const early = fromFramework(thrown);
        // A request no route took (the not-found handler) has no route options.
        const route = req.routeOptions.config;
        if ((early || !route?.onFailure) && error.status >= 500)
            log.error({ event: 'request_failure', code: error.code, detail: error.detail }, 'request failed');
        route?.onFailure?.({ error, thrown, early }, req);
        if (route?.allow && error.code === 'method_not_allowed')
            reply.header('allow', route.allow);
        return sendError(reply, error);
    });
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
/** fastify's own errors (its FST_ codes, a 4xx status) come from reading the request, before any route runs. */
function fromFramework(e) {
    if (e instanceof errors/* BrokerError */.Wz)
        return false;
    const fe = e;
    if (typeof fe?.code === 'string' && fe.code.startsWith('FST_'))
        return true;
    return typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500;
}
/** Protocol-level failures (oversized headers, garbage, a request too slow to arrive) in the API's error shape. */
function clientErrorHandler(headerLimitBytes) {
    return (err, socket) => {
        if (err.code === 'ECONNRESET' || socket.destroyed)
            return;
        const code = err.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'body_malformed';
        const e = new errors/* BrokerError */.Wz(code, code === 'headers_too_large'
            ? `request headers exceed ${headerLimitBytes} bytes`
            : code === 'request_timeout'
                ? 'the request took too long to arrive'
                : 'the request is not valid HTTP/1.1');
        const body = JSON.stringify(e);
        socket.end(`HTTP/1.1 ${e.status} ${e.code}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/broker/sources/github-app.ts
var github_app = __webpack_require__(73519);
// EXTERNAL MODULE: ./src/broker/issuance.ts
var issuance = __webpack_require__(49798);
// EXTERNAL MODULE: ./src/broker/policy/policy.ts
var policy_policy = __webpack_require__(79360);
;// CONCATENATED MODULE: ./src/broker/exchange.ts
// The broker's exchange, one readable flow: extract the bearer token, verify it, read what the caller asks
// for, find the policy, check the request against its grant, resolve the secrets.





async function exchange(ctx, input, audit) {
    // 1. Extract the bearer token.
    const token = bearerToken(input.authorization);
    // 2. Verify it: issuer allow list, keys, algorithm, signature, time and audience claims.
    const { issuer, claims } = await ctx.verifier.verify(token);
    audit.issuer = issuer.id;
    audit.sub = (0,policy_policy/* claimText */.Q1)(claims.sub);
    audit.repository = (0,policy_policy/* claimText */.Q1)(claims.repository);
    audit.project_path = (0,policy_policy/* claimText */.Q1)(claims.project_path);
    audit.jti = (0,policy_policy/* claimText */.Q1)(claims.jti);
    // 2b. Rate limit per issuer and subject, counted only for verified tokens (a forger cannot spend
    // someone else's allowance).
    await checkRateLimit(ctx, issuer, (0,policy_policy/* claimText */.Q1)(claims.sub) ?? '');
    // 3. What does the caller ask for? (absent: everything its policy grants)
    const { requested, github } = parseRequestBody(input.body);
    const narrowing = (0,github_app/* parseGitHubNarrowing */.ch)(github);
    // 4. The first policy whose issuer and claims all match decides.
    const policy = (0,policy_policy/* findPolicy */.i6)(ctx.config.policies, issuer.id, claims);
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
    if (narrowing)
        (0,github_app/* checkNarrowingTargets */.AC)(narrowing, names, (n) => ctx.config.secrets.get(n)?.kind);
    // 5b. Single use: now that the request is known to be valid (a 400 does not burn the token) and before
    // any secret is resolved or minted, record the token's jti; a second exchange of it, on any instance, is refused.
    const claim = await claimToken(ctx, policy, { issuer, claims });
    let resolved;
    let revoke;
    try {
        // 6. Resolve the values (minting tokens; if one fails, the ones already minted are revoked again).
        resolved = await (0,issuance/* settleSecrets */.Hy)(names, names.map((n) => ctx.config.secrets.get(n).resolve({ policy: policy.name, narrowing: narrowing?.[n] })));
        // 7. Record every minted token, so the revocation API recognises it if it leaks.
        revoke = await (0,issuance/* recordIssuances */.ew)(ctx.store, resolved, { policy: policy.name, ...audit });
    }
    catch (e) {
        // 6b. Nothing was handed out: give the token back, so the client's retry with the same token (a GitLab
        // job has only one) gets the secrets once the source is back, instead of "token_replayed".
        if (claim)
            await releaseClaim(ctx, claim);
        throw e;
    }
    const secrets = Object.create(null);
    let expiresAt = null;
    names.forEach((n, i) => {
        const r = resolved[i];
        secrets[n] = r.value;
        if (r.expiresAt && (!expiresAt || r.expiresAt < expiresAt))
            expiresAt = r.expiresAt;
    });
    return { policy: policy.name, secrets, expiresAt, ...(revoke.length ? { revoke } : {}) };
}
async function checkRateLimit(ctx, issuer, sub) {
    const limit = issuer.rateLimit;
    if (!limit || !ctx.store)
        return;
    let counted;
    try {
        counted = await ctx.store.hit(`rate:${issuer.id}\u0000${sub}`, limit.perSeconds);
    }
    catch (e) {
        // Fail open: a rate limit guards capacity, not access (the policy still decides what is granted), and
        // a store outage must not stop the policies that do not need the store. Replay protection fails closed.
        if (e instanceof errors/* BrokerError */.Wz && e.code === 'upstream_unavailable') {
            ctx.onRateLimitSkipped?.();
            return;
        }
        throw e;
    }
    if (counted.count > limit.requests) {
        throw new errors/* BrokerError */.Wz('rate_limited', `too many exchanges for this subject: at most ${limit.requests} per ${limit.perSeconds} s; retry in ${counted.resetSeconds} s`, { retryAfter: counted.resetSeconds });
    }
}
async function claimToken(ctx, policy, token) {
    if (policy.singleUse === false)
        return undefined;
    const jti = token.claims.jti;
    if (typeof jti !== 'string' || jti === '') {
        throw new errors/* BrokerError */.Wz('claim_missing', `policy ${policy.name} allows each token to be used once, which needs a "jti" claim (a non-empty string); this token has none`);
    }
    if (!ctx.store)
        throw new errors/* BrokerError */.Wz('internal_error', 'the broker has no store for replay protection', { detail: 'exchange context without a store' });
    // Kept until the token expires plus the clock skew the verifier allows: after that the token itself is refused.
    const exp = typeof token.claims.exp === 'number' ? token.claims.exp : 0;
    const ttl = Math.max(1, exp - Math.floor((ctx.now ?? Date.now)() / 1000) + token.issuer.clockSkewSeconds + 1);
    const claim = { key: `jti:${token.issuer.issuer}\u0000${jti}`, owner: (0,external_node_crypto_.randomUUID)() };
    const first = await ctx.store.claimOnce(claim.key, ttl, claim.owner);
    if (!first) {
        throw new errors/* BrokerError */.Wz('token_replayed', 'this token was already exchanged; each token is accepted once. Request a fresh token (re-run the job if the token cannot be renewed)');
    }
    return claim;
}
/** Forgets the token's record (only ours: `owner`); a store failure here leaves the token spent. */
async function releaseClaim(ctx, claim) {
    try {
        await ctx.store.release(claim.key, claim.owner);
        ctx.onTokenReleased?.(true);
    }
    catch (e) {
        ctx.onTokenReleased?.(false, e);
    }
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
/** The body, parsed once: the names asked for, and the raw `github` narrowing field (checked by its own parser). */
function parseRequestBody(body) {
    if (body.trim() === '')
        return {};
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
    const extra = Object.keys(parsed).filter((k) => k !== 'secrets' && k !== 'github');
    if (extra.length)
        throw new errors/* BrokerError */.Wz('body_malformed', `unknown field(s) in the body: ${extra.map((k) => JSON.stringify(k)).join(', ')}; only "secrets" and "github" are accepted`);
    const { secrets: list, github } = parsed;
    if (list === undefined)
        return { github };
    if (!Array.isArray(list) || list.some((n) => typeof n !== 'string' || n === '')) {
        throw new errors/* BrokerError */.Wz('body_malformed', '"secrets" must be a list of secret names');
    }
    if (list.length === 0) {
        throw new errors/* BrokerError */.Wz('body_malformed', '"secrets" is empty; list the names you need, or omit the field to receive everything your policy grants');
    }
    return { requested: [...new Set(list)], github };
}
/**
 * 403 that helps without leaking: it names the closest same-issuer policy and the claims of the caller's own
 * token that it failed on, never the values a policy expects.
 */
function noPolicy(ctx, issuerId, claims) {
    const closest = (0,policy_policy/* closestPolicy */.Ox)(ctx.config.policies, issuerId, claims);
    if (!closest) {
        return new errors/* BrokerError */.Wz('no_policy_matched', `no policy accepts tokens from issuer ${issuerId}`);
    }
    const which = closest.failures
        .map((f) => `${f.claim}=${f.actual === undefined ? '(absent)' : JSON.stringify(f.actual)}`)
        .join(', ');
    return new errors/* BrokerError */.Wz('no_policy_matched', `no policy matches this token; the closest, ${closest.policy.name}, does not accept its ${which}. Run "oidc-exchange check" with these claims, or ask the broker's operator`);
}

// EXTERNAL MODULE: ./src/broker/http/tls.ts
var tls = __webpack_require__(85923);
;// CONCATENATED MODULE: ./src/broker/http/exchange-route.ts



const exchangeRoute = async (app, { generations, store, metrics, log, now }) => {
    // The handler writes its failure line itself, before the audit line; the error handler has nothing to add.
    app.post('/v1/exchange', { config: { onFailure: () => undefined } }, async (req, reply) => {
        const started = process.hrtime.bigint();
        const audit = {};
        let outcome = 'error';
        let code;
        let status = 200;
        const gen = generations.enter();
        try {
            const { config, verifier } = gen.value;
            (0,tls/* checkClientCertificate */.xX)(config.listen.tls, req.raw.socket, audit);
            const result = await exchange({
                config,
                verifier,
                store,
                now,
                onRateLimitSkipped: () => metrics.rateLimitSkipped.inc(),
                onTokenReleased(released, e) {
                    metrics.tokenReleases.inc({ outcome: released ? 'released' : 'failed' });
                    if (!released)
                        log.error({ event: 'token_release_failed', detail: e?.message }, 'a failed exchange could not give its token back: the token stays spent');
                },
            }, { authorization: req.headers.authorization, body: typeof req.body === 'string' ? req.body : '' }, audit);
            outcome = 'granted';
            return sendSecrets(reply, result, req.headers.accept);
        }
        catch (e) {
            const err = toBrokerError(e);
            code = err.code;
            status = err.status;
            outcome = status >= 500 ? 'error' : 'denied';
            if (status >= 500)
                log.error({ event: 'exchange_failure', code: err.code, detail: err.detail ?? String(e) }, 'exchange failed');
            throw err;
        }
        finally {
            generations.leave(gen);
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            metrics.exchanges.inc({ outcome, code: code ?? 'none', issuer: audit.issuer ?? 'unknown' });
            metrics.exchangeSeconds.observe({ outcome }, seconds);
            log.info({ event: 'exchange', ...audit, outcome, code: code ?? null, status, duration_ms: Math.round(seconds * 1e5) / 100, remote: req.ip }, 'exchange');
        }
    });
};
/** The secrets as JSON, or as `NAME base64` lines for a client that prefers text/plain (a shell). */
function sendSecrets(reply, result, accept) {
    reply.header('cache-control', 'no-store');
    if (wantsText(accept)) {
        const lines = Object.entries(result.secrets).map(([n, v]) => `${n} ${Buffer.from(v, 'utf8').toString('base64')}\n`);
        if (result.revoke)
            reply.header('OIDC-Exchange-Revoke', result.revoke.map((r) => `${r.name} ${r.url}`).join(', '));
        return reply.type('text/plain; charset=utf-8').send(lines.join(''));
    }
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ secrets: result.secrets, policy: result.policy, expires_at: result.expiresAt?.toISOString() ?? null, ...(result.revoke ? { revoke: result.revoke } : {}) }));
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

;// CONCATENATED MODULE: ./src/broker/http/generations.ts
// Reload generations. What a configuration is served with (the configuration and what is built from it) is
// one generation. A request enters the current generation when it starts and leaves it when it ends, so a
// reload never changes the rules under a request in flight; a retired generation is closed (its secret
// backends' timers and connections) only once its last request has left.
class Generations {
    close;
    serving;
    retiring = new Set();
    /** `close` releases what a retired generation holds; it is best effort and must not reject. */
    constructor(first, close) {
        this.close = close;
        this.serving = { value: first, inflight: 0, retired: false };
    }
    /** What is served now: what the next request gets (and what readiness and the next reload look at). */
    get current() {
        return this.serving.value;
    }
    /** A request starts: it keeps this generation until it calls `leave`, whatever reloads happen meanwhile. */
    enter() {
        this.serving.inflight++;
        return this.serving;
    }
    leave(g) {
        const entry = g;
        entry.inflight--;
        if (entry.retired && entry.inflight === 0)
            void this.retire(entry);
    }
    /** Serves `next` from the next request on; the previous generation is closed once no request holds it. */
    swap(next) {
        const previous = this.serving;
        this.serving = { value: next, inflight: 0, retired: false };
        previous.retired = true;
        if (previous.inflight === 0)
            void this.retire(previous);
        else
            this.retiring.add(previous);
    }
    /** Shutdown: closes the current generation and every retired one still waiting for its requests. */
    async closeAll() {
        await Promise.allSettled([this.serving, ...this.retiring].map((g) => this.close(g.value)));
    }
    async retire(g) {
        this.retiring.delete(g);
        await this.close(g.value);
    }
}

// EXTERNAL MODULE: ./node_modules/pino/pino.js
var pino = __webpack_require__(65005);
;// CONCATENATED MODULE: ./src/broker/http/logger.ts
// The broker's JSON log, which is also its audit log: one line per exchange and per revocation. Lines to
// stdout are batched into 4 KB writes (one write syscall per line cost about a quarter of an exchange's time)
// and flushed at least every 250 ms and on shutdown, so an idle broker's audit log is never behind.

function createLog(opts) {
    const stdout = opts.logStream ? undefined : pino.pino.destination({ dest: 1, sync: false, minLength: 4096 });
    const flusher = stdout ? setInterval(() => stdout.flush(), 250) : undefined;
    flusher?.unref();
    const log = (0,pino.pino)({
        level: opts.logLevel ?? 'info',
        base: { service: 'oidc-exchange-broker' },
        timestamp: pino.pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
    }, opts.logStream ?? stdout);
    return {
        log,
        close() {
            clearInterval(flusher);
            stdout?.flushSync();
        },
    };
}

// EXTERNAL MODULE: ./src/broker/shared-secret.ts
var shared_secret = __webpack_require__(77029);
;// CONCATENATED MODULE: ./src/broker/http/ops-routes.ts


const opsRoutes = async (app, { generations, store, metrics, reload, shuttingDown }) => {
    // The operator's reload, behind the admin section's pre-shared token (404 without one).
    app.post('/-/reload', async (req, reply) => {
        const admin = generations.current.config.admin;
        if (!admin)
            throw new errors/* BrokerError */.Wz('not_found', 'the admin API is not enabled on this broker; its operator enables it with an "admin:" section');
        if (!admin.tokens || !(0,shared_secret/* presentsSharedToken */.h)(admin.tokens, req.headers.authorization)) {
            const r = await store.hit('admin:unauthorized', 60).catch(() => ({ count: 0, resetSeconds: 60 }));
            if (r.count > 10)
                throw new errors/* BrokerError */.Wz('rate_limited', 'too many unauthorized admin requests; wait and retry', { retryAfter: r.resetSeconds });
            throw new errors/* BrokerError */.Wz('unauthorized', 'send the admin token as "Authorization: Bearer <token>"');
        }
        const outcome = await reload('admin_api');
        if (!outcome.ok) {
            throw new errors/* BrokerError */.Wz('config_invalid', `the configuration was not reloaded (the previous one keeps serving): ${(outcome.problems ?? []).join('; ')}`);
        }
        return reply
            .code(200)
            .type('application/json; charset=utf-8')
            .header('cache-control', 'no-store')
            .send(JSON.stringify({ status: 'reloaded', needs_restart: outcome.needsRestart ?? [] }));
    });
    app.get('/healthz', async (_req, reply) => reply.send({ status: 'ok' }));
    app.get('/readyz', async (_req, reply) => {
        const issuers = [...generations.current.verifier.keys.values()].map((k) => k.status());
        // An instance that cannot reach the shared store is taken out of rotation: its peers may still reach it
        // (a partition), and it would refuse every single-use exchange. /healthz stays 200: it recovers by itself.
        const storeOk = await store.ping();
        const closing = shuttingDown();
        const ready = !closing && storeOk && issuers.some((i) => i.usable);
        const status = closing ? 'shutting_down' : !storeOk ? 'store_unavailable' : ready ? 'ready' : 'no_usable_keys';
        return reply.code(ready ? 200 : 503).send({ status, issuers, store: { kind: store.kind, ok: storeOk } });
    });
    app.get('/metrics', async (_req, reply) => {
        return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
};

// EXTERNAL MODULE: ./src/broker/store/index.ts + 1 modules
var broker_store = __webpack_require__(70845);
// EXTERNAL MODULE: ./src/broker/verify/token.ts + 1 modules
var token = __webpack_require__(45414);
;// CONCATENATED MODULE: ./src/broker/http/warm-up.ts

/**
 * Start-up, before listening: waits (bounded by the store's `startup_wait_seconds`) for the store while the
 * issuers' keys are fetched and the backends connected.
 */
async function prepare(serving, store, log) {
    const { config } = serving;
    const waitMs = config.storeStartupWaitSeconds * 1000;
    const [storeReady] = await Promise.all([store.waitReady(waitMs), warmIssuers(serving.verifier, log), warmBackends(config, log)]);
    if (!storeReady) {
        log.warn({ event: 'store_not_ready', store: (0,broker_store/* describeStore */.Fk)(config.store), waited_seconds: config.storeStartupWaitSeconds }, 'the store is not reachable yet: listening anyway, /readyz answers 503 until it is');
    }
}
async function warmIssuers(verifier, log) {
    await Promise.all([...verifier.keys.values()].map((k) => k.warm()));
    for (const k of verifier.keys.values()) {
        const st = k.status();
        if (!st.usable) {
            log.warn({ event: 'issuer_unreachable', issuer: st.id, detail: st.lastError ?? null }, `issuer ${st.id}: its keys cannot be fetched; its tokens are answered 503 until they can`);
        }
    }
}
async function warmBackends(config, log) {
    await Promise.all(config.backends.all().map(async (b) => {
        const problem = await b.warm();
        if (problem)
            log.warn({ event: 'backend_unreachable', kind: b.kind, backend: b.name, detail: problem }, `${b.kind} ${b.name}: not reachable; its secrets are answered 503 until it is`);
        else
            log.info({ event: 'backend_ready', kind: b.kind, backend: b.name, origin: b.origin }, `${b.kind} ${b.name}: ready`);
    }));
}

;// CONCATENATED MODULE: ./src/broker/http/reload.ts






/** What `config` is served with: its backends report to the broker, and a verifier (keeping `previous`'s warm keys). */
function serving(config, deps, previous) {
    for (const b of config.backends.all())
        b.observe(deps.backendEvents);
    const verifier = new token/* TokenVerifier */.M({
        audience: config.audience,
        issuers: config.issuers,
        maxTokenBytes: config.listen.maxTokenBytes,
        metrics: deps.metrics,
        now: deps.now,
        previous: previous?.verifier,
    });
    if (config.listen.tls?.notAfter)
        deps.metrics.tlsNotAfter.set(Math.floor(config.listen.tls.notAfter.getTime() / 1000));
    deps.metrics.configLoaded.set(Math.floor(Date.now() / 1000));
    return { config, verifier };
}
class Reloader {
    deps;
    reloading;
    constructor(deps) {
        this.deps = deps;
    }
    /** Reloads one at a time: a second signal during a reload waits for it and then loads again. */
    reload(trigger) {
        const { loadConfig, metrics, log } = this.deps;
        const run = async () => {
            if (!loadConfig)
                return fail(['this broker was started without a configuration file to reload']);
            let next;
            try {
                next = await loadConfig();
            }
            catch (e) {
                return fail(e instanceof errors/* ConfigError */.xL ? e.problems : [e.message]);
            }
            return this.swap(next, trigger);
        };
        const fail = (problems) => {
            metrics.reloads.inc({ outcome: 'failure' });
            metrics.reloadFailing.set(1);
            log.error({ event: 'config_reload_failed', trigger, problems }, 'configuration not reloaded: the previous one keeps serving');
            return { ok: false, problems };
        };
        const p = (this.reloading ?? Promise.resolve()).then(run, run);
        this.reloading = p;
        void p.finally(() => {
            if (this.reloading === p)
                this.reloading = undefined;
        });
        return p;
    }
    /** Serves `next` (a configuration already loaded and checked) from the next request on. */
    swap(next, trigger) {
        const { app, generations, metrics, log } = this.deps;
        const running = generations.current.config;
        const needsRestart = restartOnly(running, next);
        const nextTls = next.listen.tls;
        // What needs a restart keeps its running value, so `config` says what is actually served.
        next.listen = { ...running.listen, maxTokenBytes: next.listen.maxTokenBytes, shutdownGraceSeconds: next.listen.shutdownGraceSeconds, tls: running.listen.tls };
        next.store = running.store;
        if (running.listen.tls && nextTls && !needsRestart.includes('listen.tls.client_ca')) {
            // The certificate files were read again by the load: new connections get the renewed certificate.
            app.server.setSecureContext((0,tls/* secureContextOptions */.nu)(nextTls));
            next.listen.tls = nextTls;
        }
        const current = serving(next, this.deps, generations.current);
        generations.swap(current);
        metrics.reloads.inc({ outcome: 'success' });
        metrics.reloadFailing.set(0);
        log.info({ event: 'config_reloaded', trigger, ...(0,config_log/* configSummary */.hA)(next), needs_restart: needsRestart }, 'configuration reloaded');
        if (needsRestart.length)
            log.warn({ event: 'reload_needs_restart', settings: needsRestart }, `changed settings that take effect only after a restart: ${needsRestart.join(', ')}`);
        (0,config_log/* logLintFindings */.c2)(log, next.lintFindings);
        (0,config_log/* logGitHubApps */.Cd)(next, log);
        void warmBackends(current.config, log);
        void warmIssuers(current.verifier, log);
        return { ok: true, needsRestart };
    }
}
/** Settings a reload cannot apply to a running server (named as in the file). */
function restartOnly(running, next) {
    const out = [];
    const a = running.listen;
    const b = next.listen;
    const keys = [
        ['host', 'host'],
        ['port', 'port'],
        ['bodyLimitBytes', 'body_limit_bytes'],
        ['headerLimitBytes', 'header_limit_bytes'],
        ['requestTimeoutSeconds', 'request_timeout_seconds'],
        ['plainHttp', 'plain_http'],
    ];
    for (const [k, name] of keys)
        if (a[k] !== b[k])
            out.push(`listen.${name}`);
    if (!!a.tls !== !!b.tls)
        out.push('listen.tls');
    else if (a.tls && b.tls && (!!a.tls.clientCa !== !!b.tls.clientCa || a.tls.clientAuth !== b.tls.clientAuth))
        out.push('listen.tls.client_ca');
    if (!(0,broker_store/* sameStore */.Yx)(running.store, next.store))
        out.push('store');
    if ((running.revocation?.bodyLimitBytes ?? 0) !== (next.revocation?.bodyLimitBytes ?? 0) && running.revocation && next.revocation)
        out.push('revocation.body_limit_bytes');
    return out;
}

// EXTERNAL MODULE: ./src/broker/revocation.ts
var revocation = __webpack_require__(58509);
;// CONCATENATED MODULE: ./src/broker/http/revocation.ts



/**
 * A batch holds every finding of a pipeline, each with its whole vulnerability record: far more than an
 * exchange body.
 */
function revocationBodyLimit(config) {
    return Math.max(config.listen.bodyLimitBytes, config.revocation?.bodyLimitBytes ?? revocation/* DEFAULT_REVOCATION_BODY_LIMIT */.oh);
}
const revocationRoutes = async (app, deps) => {
    const requests = deps.metrics
        ? new prom_client.Counter({
            name: 'oidc_exchange_revocation_requests_total',
            help: 'Token Revocation API requests by endpoint and answer status.',
            labelNames: ['endpoint', 'status'],
            registers: [deps.metrics.registry],
        })
        : undefined;
    const revoker = new revocation/* Revoker */.P4(deps);
    /** 404 when not configured, 401 (or 429 when guessing) for a wrong or missing pre-shared token. */
    async function authenticate(authorization) {
        const settings = deps.config().revocation;
        if (!settings) {
            throw new errors/* BrokerError */.Wz('not_found', 'the Token Revocation API is not enabled on this broker; its operator enables it with a "revocation:" section in the configuration');
        }
        if (settings.tokens === undefined) {
            throw new errors/* BrokerError */.Wz('secret_unavailable', "the revocation API's pre-shared token is not available on the broker; its operator has been told", {
                detail: `revocation token (${settings.tokenOrigin}) could not be read`,
            });
        }
        const { requests: limit, perSeconds } = settings.rateLimit;
        if (!(0,revocation/* authorizedRevoker */.UZ)(settings.tokens, authorization)) {
            // Failed attempts are limited on their own counter, so guessing cannot use up GitLab's allowance.
            const r = await deps.store.hit('revocation:unauthorized', perSeconds);
            if (r.count > limit)
                throw new errors/* BrokerError */.Wz('rate_limited', 'too many unauthorized revocation requests; wait and retry', { retryAfter: r.resetSeconds });
            throw new errors/* BrokerError */.Wz('unauthorized', authorization === undefined
                ? 'send the pre-shared revocation token as the Authorization header value (as GitLab does: the raw token, no "Bearer")'
                : 'the Authorization header does not carry the pre-shared revocation token');
        }
    }
    /** The configured rate, counted over every broker sharing the store. Only revoke_tokens counts. */
    async function rateLimit() {
        const { requests: limit, perSeconds } = deps.config().revocation.rateLimit;
        const r = await deps.store.hit('revocation', perSeconds);
        if (r.count > limit) {
            throw new errors/* BrokerError */.Wz('rate_limited', `more than ${limit} revocation requests in ${perSeconds} s; retry after the time in Retry-After`, { retryAfter: r.resetSeconds });
        }
    }
    /** A failure on a revocation path, logged and counted by endpoint (null: a method the path does not take). */
    const failed = (endpoint, url) => ({ error, early }, req) => {
        if (early) {
            // GitLab retries a batch over the limit 17 times and revokes nothing: the operator has to raise it.
            if (error.code === 'body_too_large' && url === '/v1/revoke_tokens') {
                deps.log.error({ event: 'revocation', outcome: 'refused', code: error.code, status: error.status, content_length: req.headers['content-length'] ?? null, remote: req.ip }, 'a revocation batch is larger than revocation.body_limit_bytes: raise it (GitLab sends every finding of a pipeline at once)');
            }
            return;
        }
        if (endpoint === 'revoke_tokens')
            deps.log.info({ event: 'revocation', outcome: 'refused', code: error.code, status: error.status, remote: req.ip }, 'revocation');
        if (error.status >= 500)
            deps.log.error({ event: 'revocation_failure', code: error.code, detail: error.detail }, 'revocation request failed');
        if (endpoint)
            requests?.inc({ endpoint, status: error.status });
    };
    app.get('/v1/revocable_token_types', { config: { onFailure: failed('revocable_token_types', '/v1/revocable_token_types') } }, async (req, reply) => {
        await authenticate(req.headers.authorization);
        requests?.inc({ endpoint: 'revocable_token_types', status: 200 });
        return reply.code(200).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify({ types: (0,revocation/* revocableTypes */.Z2)(deps.config()) }));
    });
    app.post('/v1/revoke_tokens', { bodyLimit: deps.bodyLimit, config: { onFailure: failed('revoke_tokens', '/v1/revoke_tokens') } }, async (req, reply) => {
        const started = process.hrtime.bigint();
        await authenticate(req.headers.authorization);
        await rateLimit();
        const outcome = await revoker.revokeBatch(typeof req.body === 'string' ? req.body : '');
        deps.log.info({
            event: 'revocation',
            outcome: 'accepted',
            revoked: outcome.revoked,
            already_revoked: outcome.already,
            never_issued: outcome.unknown.length,
            duration_ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
            remote: req.ip,
        }, 'revocation');
        requests?.inc({ endpoint: 'revoke_tokens', status: 204 });
        return reply.code(204).header('cache-control', 'no-store').send();
    });
    // The seed lists 405 among every endpoint's answers: say so for the methods these paths do not take.
    for (const [url, allowed] of [
        ['/v1/revocable_token_types', 'GET'],
        ['/v1/revoke_tokens', 'POST'],
    ]) {
        const others = ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'].filter((m) => m !== allowed);
        app.route({
            method: others,
            url,
            config: { allow: allowed, onFailure: failed(null, url) },
            handler: async (req) => {
                throw new errors/* BrokerError */.Wz('method_not_allowed', `${req.method} is not allowed on ${url}; use ${allowed}`);
            },
        });
    }
};

// EXTERNAL MODULE: ./node_modules/fastify/fastify.js
var fastify = __webpack_require__(16703);
var fastify_default = /*#__PURE__*/__webpack_require__.n(fastify);
;// CONCATENATED MODULE: ./src/broker/http/server.ts
// The broker's HTTP server: fastify with the limits and timeouts of the `listen` section, HTTPS when it has
// `tls`, and bodies read as text whatever their content type (the routes parse them, so every malformed body
// gets the API's own error rather than the framework's). What is set here is fixed until a restart.



function createServer(listen, log) {
    const app = fastify_default()({
        ...(listen.tls ? { https: (0,tls/* httpsOptions */.Mf)(listen.tls) } : {}),
        loggerInstance: log,
        // The audit line is the request log: one line per exchange, written by the route itself.
        logController: new fastify.LogController({ disableRequestLogging: true }),
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
        },
        // Protocol-level failures (oversized headers, garbage) get the same JSON error shape as the API.
        clientErrorHandler: clientErrorHandler(listen.headerLimitBytes),
    });
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    return app;
}
/** Stops taking requests and lets those in flight finish; connections still open after the grace are closed. */
async function closeServer(app, graceSeconds) {
    const timer = setTimeout(() => app.server.closeAllConnections?.(), graceSeconds * 1000);
    timer.unref();
    await app.close();
    clearTimeout(timer);
}

;// CONCATENATED MODULE: ./src/broker/http/telemetry.ts

function backendEvents(metrics, log) {
    return {
        onFetch: (kind, backend, outcome) => metrics.secretFetches.inc({ kind, backend, outcome }),
        onEvent: (level, fields, message) => log[level](fields, message),
    };
}
/** The store the broker uses for its whole life (changing it needs a restart), its state in the log and metrics. */
function openStore(spec, now, metrics, log) {
    let lastStoreError;
    const store = (0,broker_store/* createStore */.y$)(spec, now, {
        onStateChange(up) {
            metrics.storeUp.set(up ? 1 : 0);
            if (up)
                lastStoreError = undefined;
            if (up)
                log.info({ event: 'store_up', store: store.kind }, 'store reachable');
            else
                log.warn({ event: 'store_down', store: store.kind }, 'store unreachable: single-use policies answer 503 until it returns');
        },
        onError(message) {
            // Reconnect attempts repeat the same error every second: log each distinct one once per outage.
            if (message === lastStoreError)
                return;
            lastStoreError = message;
            log.warn({ event: 'store_error', store: store.kind, detail: message }, 'store error');
        },
        onOperationError(operation) {
            metrics.storeErrors.inc({ operation });
        },
    });
    metrics.storeUp.set(store.kind === 'memory' ? 1 : 0);
    return store;
}

;// CONCATENATED MODULE: ./src/broker/http/app.ts












/** The paths the broker serves: another method on one of them is a 405, anything else a 404. */
const PATHS = ['/v1/exchange', '/healthz', '/readyz', '/metrics', '/-/reload'];
function buildBroker(config, opts = {}) {
    const logger = createLog(opts);
    const { log } = logger;
    const metrics = createMetrics({ processMetrics: opts.processMetrics });
    const servingDeps = { metrics, backendEvents: backendEvents(metrics, log), now: opts.now };
    const generations = new Generations(serving(config, servingDeps), (s) => s.config.backends.close());
    const store = openStore(config.store, opts.now, metrics, log);
    let shuttingDown = false;
    const app = createServer(config.listen, log);
    const reloader = new Reloader({ ...servingDeps, app, generations, log, loadConfig: opts.loadConfig });
    answerErrors(app, log, PATHS);
    void app.register(exchangeRoute, { generations, store, metrics, log, now: opts.now });
    void app.register(revocationRoutes, { config: () => generations.current.config, store, log, metrics, bodyLimit: revocationBodyLimit(config) });
    (0,config_log/* logGitHubApps */.Cd)(config, log);
    void app.register(opsRoutes, { generations, store, metrics, reload: (trigger) => reloader.reload(trigger), shuttingDown: () => shuttingDown });
    return {
        app,
        get config() {
            return generations.current.config;
        },
        get verifier() {
            return generations.current.verifier;
        },
        metrics,
        store,
        log,
        prepare: () => prepare(generations.current, store, log),
        reload: (trigger) => reloader.reload(trigger),
        swap: (next, trigger) => reloader.swap(next, trigger),
        async shutdown() {
            if (shuttingDown)
                return;
            shuttingDown = true;
            await closeServer(app, generations.current.config.listen.shutdownGraceSeconds);
            await store.close();
            await generations.closeAll();
            logger.close();
        },
    };
}


/***/ })

};
