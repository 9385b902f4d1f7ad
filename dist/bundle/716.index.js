export const id = 716;
export const ids = [716];
export const modules = {

/***/ 75716:
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
// EXTERNAL MODULE: ./src/broker/github-grant.ts
var github_grant = __webpack_require__(72525);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/broker/github-app.ts
var github_app = __webpack_require__(77884);
;// CONCATENATED MODULE: ./src/broker/issuance.ts
// Tokens the broker mints: settled together (one failure revokes the others again, so a refused exchange
// leaves no live token behind), recorded in the store by hash (so the revocation API knows them if they leak),
// and revoked by kind. The token itself is never stored or logged: only its SHA-256.




function tokenHash(token) {
    return (0,external_node_crypto_.createHash)('sha256').update(token, 'utf8').digest('hex');
}
/**
 * Waits for every secret. If any failed, the tokens minted for the others are revoked (best effort) before
 * the first failure is thrown: the job gets nothing, so nothing it never received may stay alive.
 */
async function settleSecrets(names, pending) {
    const settled = await Promise.allSettled(pending);
    const failed = settled.find((s) => s.status === 'rejected');
    const ok = settled.flatMap((s, i) => (s.status === 'fulfilled' ? [{ ...s.value, name: names[i] }] : []));
    if (failed) {
        await discard(ok);
        throw failed.reason;
    }
    return ok;
}
/**
 * Records each minted secret in the store and returns the revoke list for the answer. A token that cannot be
 * recorded could not be revoked through the revocation API if it leaked, so it is not handed out.
 */
async function recordIssuances(store, secrets, to) {
    const minted = secrets.filter((s) => s.issuance);
    if (minted.length === 0)
        return [];
    try {
        if (!store)
            throw new Error('no store to record issued tokens in');
        const issuedAt = new Date().toISOString();
        await Promise.all(minted.map((s) => store.putIssuance({
            tokenHash: tokenHash(s.value),
            kind: s.issuance.kind,
            policy: to.policy,
            issuer: to.issuer ?? '',
            sub: to.sub ?? '',
            jti: to.jti,
            repository: to.repository,
            project_path: to.project_path,
            issuedAt,
            expiresAt: (s.expiresAt ?? new Date(Date.now() + 3600_000)).toISOString(),
            meta: { ...s.issuance.meta, secret: s.name },
        })));
    }
    catch (e) {
        await discard(minted);
        throw new errors/* BrokerError */.Wz('upstream_unavailable', "the broker cannot record the tokens it mints right now, so it hands none out; try again later", {
            detail: `recording issuances: ${e.message}`,
            retryAfter: 5,
        });
    }
    return minted.filter((s) => s.revoke).map((s) => ({ name: s.name, method: s.revoke.method, url: s.revoke.url }));
}
/** Revokes one issued token at its provider, by kind. */
async function revokeIssued(kind, meta, token) {
    if (kind === github_grant/* GITHUB_INSTALLATION_TOKEN */.vF && meta?.api_url)
        return (0,github_app/* revokeInstallationToken */.EZ)(meta.api_url, token);
    throw new errors/* BrokerError */.Wz('internal_error', 'the broker does not know how to revoke this token', { detail: `no revoker for kind ${kind}` });
}
async function discard(secrets) {
    await Promise.allSettled(secrets.filter((s) => s.issuance).map((s) => revokeIssued(s.issuance.kind, s.issuance.meta, s.value)));
}

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
    // 2b. Rate limit per issuer and subject, counted only for verified tokens (a forger cannot spend
    // someone else's allowance).
    await checkRateLimit(ctx, issuer, (0,broker_policy/* claimText */.Q1)(claims.sub) ?? '');
    // 3. What does the caller ask for? (absent: everything its policy grants)
    const { requested, github } = parseRequestBody(input.body);
    const narrowing = (0,github_grant/* parseGitHubNarrowing */.ch)(github);
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
    if (narrowing)
        (0,github_grant/* checkNarrowingTargets */.AC)(narrowing, names, (n) => ctx.config.secrets.get(n)?.kind);
    // 5b. Single use: now that the request is known to be valid (a 400 does not burn the token) and before
    // any secret is resolved or minted, record the token's jti; a second exchange of it, on any instance, is refused.
    await claimToken(ctx, policy, { issuer, claims });
    // 6. Resolve the values (minting tokens; if one fails, the ones already minted are revoked again).
    const resolved = await settleSecrets(names, names.map((n) => ctx.config.secrets.get(n).resolve({ policy: policy.name, narrowing: narrowing?.[n] })));
    // 7. Record every minted token, so the revocation API recognises it if it leaks.
    const revoke = await recordIssuances(ctx.store, resolved, { policy: policy.name, ...audit });
    const secrets = {};
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
        return;
    const jti = token.claims.jti;
    if (typeof jti !== 'string' || jti === '') {
        throw new errors/* BrokerError */.Wz('claim_missing', `policy ${policy.name} allows each token to be used once, which needs a "jti" claim (a non-empty string); this token has none`);
    }
    if (!ctx.store)
        throw new errors/* BrokerError */.Wz('internal_error', 'the broker has no store for replay protection', { detail: 'exchange context without a store' });
    // Kept until the token expires plus the clock skew the verifier allows: after that the token itself is refused.
    const exp = typeof token.claims.exp === 'number' ? token.claims.exp : 0;
    const ttl = Math.max(1, exp - Math.floor((ctx.now ?? Date.now)() / 1000) + token.issuer.clockSkewSeconds + 1);
    const first = await ctx.store.claimOnce(`jti:${token.issuer.issuer}\u0000${jti}`, ttl);
    if (!first) {
        throw new errors/* BrokerError */.Wz('token_replayed', 'this token was already exchanged; each token is accepted once. Request a fresh token (re-run the job if the token cannot be renewed)');
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
    };
}

// EXTERNAL MODULE: ./src/broker/store.ts + 1 modules
var broker_store = __webpack_require__(65103);
// EXTERNAL MODULE: ./src/broker/token.ts + 1 modules
var token = __webpack_require__(62216);
// EXTERNAL MODULE: ./src/broker/github-config.ts
var github_config = __webpack_require__(18601);
;// CONCATENATED MODULE: ./src/broker/revocation.ts
// GitLab's Token Revocation API (seed 002), for the tokens this broker minted. GitLab Secret Detection finds a
// leaked token, asks `GET /v1/revocable_token_types` which types we take, and sends the findings of those
// types to `POST /v1/revoke_tokens`. GitLab retries the whole batch on any non-2xx answer, so revocation is
// idempotent: each issuance record is marked revoked once, and only that first mark revokes at the provider.
//
// Authentication: GitLab sends the pre-shared token as the raw `Authorization` value, without "Bearer". A
// proxy or a hand-written client may add "Bearer "; both forms are accepted (the secret is the same either
// way). The comparison hashes both sides and compares the digests in constant time, so neither the token's
// content nor its length leaks through timing.





/**
 * Revocation types per issued kind, named as GitLab names a finding's type: `gitleaks_rule_id_` and the
 * secret detection rule's ID, lowercased with spaces as underscores. GitLab's rules for GitHub App tokens are
 * "Github App Token" (ghu_/ghs_) and "GithubAppInstallationToken" (ghs_); a leaked ghs_ token is reported
 * under either, depending on the analyzer's ruleset.
 */
const REVOCATION_TYPES = {
    [github_grant/* GITHUB_INSTALLATION_TOKEN */.vF]: ['gitleaks_rule_id_github_app_token', 'gitleaks_rule_id_githubappinstallationtoken'],
};
/** What a leaked token of each kind looks like inside surrounding text (a line of code, a log excerpt). */
const TOKEN_SHAPES = {
    // Only the prefix is GitHub's promise; the length and alphabet after it are not assumed.
    [github_grant/* GITHUB_INSTALLATION_TOKEN */.vF]: /ghs_[A-Za-z0-9_]+/g,
};
const REVOCATION_BODY_LIMIT_BYTES = 1024 * 1024;
/** The types this broker takes: those of the token kinds it can issue with its configuration. */
function revocableTypes(config) {
    const kinds = new Set();
    if (config.githubApps.size > 0)
        kinds.add(github_grant/* GITHUB_INSTALLATION_TOKEN */.vF);
    return [...kinds].flatMap((k) => REVOCATION_TYPES[k] ?? []);
}
/** Constant-time check of GitLab's pre-shared token (raw value, or "Bearer <value>") against each accepted one. */
function authorizedRevoker(accepted, authorization) {
    if (authorization === undefined)
        return false;
    const sent = digest(authorization.trim());
    const bearer = /^Bearer[ \t]+(.+)$/i.exec(authorization.trim());
    const sentBearer = digest(bearer ? bearer[1].trim() : '');
    // Every comparison always runs, so the answer's timing depends neither on which form was sent nor on
    // which accepted token (if any) it matches.
    let ok = false;
    for (const expected of accepted) {
        const want = digest(expected);
        const raw = (0,external_node_crypto_.timingSafeEqual)(sent, want);
        const viaBearer = (0,external_node_crypto_.timingSafeEqual)(sentBearer, want);
        ok = raw || viaBearer || ok;
    }
    return ok;
}
/** Checks and revokes one batch. Throws BrokerError for 400/503; resolves when the batch is accepted (204). */
async function revokeTokens(deps, body) {
    const supported = revocableTypes(deps.config);
    const findings = parseFindings(body, supported);
    const outcome = { revoked: 0, already: 0, unknown: [], failed: 0 };
    const seen = new Set();
    for (const f of findings) {
        for (const token of candidates(f.token)) {
            const hash = tokenHash(token);
            if (seen.has(hash))
                continue;
            seen.add(hash);
            const record = await deps.store.getIssuance(hash);
            if (!record) {
                outcome.unknown.push(hash);
                deps.log.warn({ event: 'revocation_unknown_token', token_sha256: hash, type: f.type, location: f.location }, 'revocation request for a token this broker never issued (ignored)');
                continue;
            }
            if (record.revokedAt || !(await deps.store.markRevoked(hash, new Date()))) {
                outcome.already++;
                continue;
            }
            try {
                const result = await revokeIssued(record.kind, record.meta, token);
                if (result === 'revoked')
                    outcome.revoked++;
                else
                    outcome.already++;
                deps.log.info({ event: 'token_revoked', token_sha256: hash, kind: record.kind, policy: record.policy, sub: record.sub, repository: record.repository, project_path: record.project_path, result, location: f.location }, 'leaked token revoked');
            }
            catch (e) {
                // Undo the mark so GitLab's retry of this batch tries again.
                await deps.store.putIssuance(record).catch(() => undefined);
                outcome.failed++;
                deps.log.error({ event: 'revocation_failure', token_sha256: hash, kind: record.kind, detail: e.detail ?? e.message }, 'revocation failed');
            }
        }
    }
    if (outcome.failed > 0) {
        throw new errors/* BrokerError */.Wz('upstream_unavailable', `${outcome.failed} token(s) could not be revoked at their provider right now; send the batch again later`, {
            retryAfter: 30,
        });
    }
    return outcome;
}
function registerRevocationRoutes(app, deps) {
    const requests = deps.metrics
        ? new prom_client.Counter({
            name: 'oidc_exchange_revocation_requests_total',
            help: 'Token Revocation API requests by endpoint and answer status.',
            labelNames: ['endpoint', 'status'],
            registers: [deps.metrics.registry],
        })
        : undefined;
    /** 404 when not configured, 401 (or 429 when guessing) for a wrong or missing pre-shared token. */
    async function authenticate(authorization) {
        const settings = deps.config.revocation;
        if (!settings) {
            throw new errors/* BrokerError */.Wz('not_found', 'the Token Revocation API is not enabled on this broker; its operator enables it with a "revocation:" section in the configuration');
        }
        if (settings.tokens === undefined) {
            throw new errors/* BrokerError */.Wz('secret_unavailable', "the revocation API's pre-shared token is not available on the broker; its operator has been told", {
                detail: `revocation token (${settings.tokenOrigin}) could not be read`,
            });
        }
        const { requests: limit, perSeconds } = settings.rateLimit;
        if (!authorizedRevoker(settings.tokens, authorization)) {
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
        const { requests: limit, perSeconds } = deps.config.revocation.rateLimit;
        const r = await deps.store.hit('revocation', perSeconds);
        if (r.count > limit) {
            throw new errors/* BrokerError */.Wz('rate_limited', `more than ${limit} revocation requests in ${perSeconds} s; retry after the time in Retry-After`, { retryAfter: r.resetSeconds });
        }
    }
    app.get('/v1/revocable_token_types', async (req, reply) => {
        try {
            await authenticate(req.headers.authorization);
            requests?.inc({ endpoint: 'revocable_token_types', status: 200 });
            return reply.code(200).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify({ types: revocableTypes(deps.config) }));
        }
        catch (e) {
            return fail(reply, e, 'revocable_token_types');
        }
    });
    // A batch holds every finding of a scan (each with its location), far more than an exchange body.
    const bodyLimit = Math.max(deps.config.listen.bodyLimitBytes, REVOCATION_BODY_LIMIT_BYTES);
    app.post('/v1/revoke_tokens', { bodyLimit }, async (req, reply) => {
        const started = process.hrtime.bigint();
        try {
            await authenticate(req.headers.authorization);
            await rateLimit();
            const outcome = await revokeTokens(deps, typeof req.body === 'string' ? req.body : '');
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
        }
        catch (e) {
            const err = toError(e);
            deps.log.info({ event: 'revocation', outcome: 'refused', code: err.code, status: err.status, remote: req.ip }, 'revocation');
            return fail(reply, err, 'revoke_tokens');
        }
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
            handler: async (req, reply) => fail(reply, new errors/* BrokerError */.Wz('method_not_allowed', `${req.method} is not allowed on ${url}; use ${allowed}`), null, allowed),
        });
    }
    function fail(reply, e, endpoint, allow) {
        const err = toError(e);
        if (err.status >= 500)
            deps.log.error({ event: 'revocation_failure', code: err.code, detail: err.detail }, 'revocation request failed');
        if (endpoint)
            requests?.inc({ endpoint, status: err.status });
        if (err.retryAfter !== undefined)
            reply.header('retry-after', String(err.retryAfter));
        if (allow)
            reply.header('allow', allow);
        return reply.code(err.status).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(err));
    }
}
/** The body must be a JSON array of findings, every one of a type this broker takes (else 400, not retried). */
function parseFindings(body, supported) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        throw new errors/* BrokerError */.Wz('body_malformed', 'the body must be a JSON array of {"type": "...", "token": "..."} objects');
    }
    if (!Array.isArray(parsed))
        throw new errors/* BrokerError */.Wz('body_malformed', 'the body must be a JSON array of {"type": "...", "token": "..."} objects');
    const wanted = new Map(supported.map((t) => [normalType(t), t]));
    const findings = [];
    const unsupported = new Set();
    parsed.forEach((item, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            throw new errors/* BrokerError */.Wz('body_malformed', `item ${i} is not an object; each item is {"type": "...", "token": "..."}`);
        }
        // Unknown extra fields (location, and whatever GitLab adds later) are ignored.
        const { type, token, location } = item;
        if (typeof type !== 'string' || type === '')
            throw new errors/* BrokerError */.Wz('body_malformed', `item ${i} has no "type" string`);
        if (typeof token !== 'string' || token.trim() === '')
            throw new errors/* BrokerError */.Wz('body_malformed', `item ${i} has no "token" string`);
        if (!wanted.has(normalType(type)))
            unsupported.add(type);
        findings.push({ type, token, location: typeof location === 'string' ? location.slice(0, 2048) : undefined });
    });
    if (unsupported.size > 0) {
        throw new errors/* BrokerError */.Wz('unsupported_token_type', `unsupported token type(s) ${[...unsupported].map((t) => JSON.stringify(t.slice(0, 200))).join(', ')}; this broker revokes ${supported.length ? supported.join(', ') : 'no token types (it mints none)'} (see GET /v1/revocable_token_types)`);
    }
    return findings;
}
/**
 * The tokens inside a finding's `token` text. Secret detection may report a match with surrounding text
 * (`GH_TOKEN="ghs_..."`), so known token shapes are extracted; text with no known shape is looked up whole.
 */
function candidates(text) {
    const found = new Set();
    for (const re of Object.values(TOKEN_SHAPES))
        for (const m of text.matchAll(re))
            found.add(m[0]);
    if (found.size === 0)
        found.add(text.trim());
    return [...found];
}
/** Type names compared without case or separators: `Gitleaks_Rule_ID_GitHub_App_Token` is ours too. */
function normalType(type) {
    return type.toLowerCase().replace(/[^a-z0-9]/g, '');
}
function digest(s) {
    return (0,external_node_crypto_.createHash)('sha256').update(s, 'utf8').digest();
}
function toError(e) {
    if (e instanceof errors/* BrokerError */.Wz)
        return e;
    return new errors/* BrokerError */.Wz('internal_error', 'the broker failed; its operator has been told', { detail: e?.message });
}

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
    let lastStoreError;
    const store = (0,broker_store/* createStore */.y$)(config.store, opts.now, {
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
            // Node checks those timeouts only every 30 s by default: a client trickling bytes would hold a
            // connection that long whatever the configured timeout. Check at least every second.
            connectionsCheckingInterval: Math.min(1000, config.listen.requestTimeoutSeconds * 1000),
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
            const result = await exchange({ config, verifier, store, now: opts.now, onRateLimitSkipped: () => metrics.rateLimitSkipped.inc() }, { authorization: req.headers.authorization, body: typeof req.body === 'string' ? req.body : '' }, audit);
            outcome = 'granted';
            reply.header('cache-control', 'no-store');
            if (wantsText(req.headers.accept)) {
                const lines = Object.entries(result.secrets).map(([n, v]) => `${n} ${Buffer.from(v, 'utf8').toString('base64')}\n`);
                if (result.revoke)
                    reply.header('OIDC-Exchange-Revoke', result.revoke.map((r) => `${r.name} ${r.url}`).join(', '));
                return reply.type('text/plain; charset=utf-8').send(lines.join(''));
            }
            return reply.type('application/json; charset=utf-8').send(JSON.stringify({ secrets: result.secrets, policy: result.policy, expires_at: result.expiresAt?.toISOString() ?? null, ...(result.revoke ? { revoke: result.revoke } : {}) }));
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
    registerRevocationRoutes(app, { config, store, log, metrics });
    (0,github_config/* logGitHubApps */.Cd)(config, log);
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


/***/ })

};
