export const id = 986;
export const ids = [986];
export const modules = {

/***/ 5986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  revokeVaultToken: () => (/* binding */ revokeVaultToken)
});

// UNUSED EXPORTS: VaultError, readFromVault, vaultErrors

;// CONCATENATED MODULE: ./src/exchange/errors.ts
// Failures of the client side of an exchange, each with a stable code for tests and scripts. Messages say
// what to fix; they never carry a token or a secret value.
class errors_ExchangeError extends Error {
    code;
    /** HTTP status of the broker's last answer, if there was one. */
    status;
    /** The broker's own `error` code and message, shown to the user as they are. */
    brokerCode;
    brokerMessage;
    /** Claims of the last token sent (for 401/403 diagnostics); never the token. */
    claims;
    attempts;
    constructor(code, message, opts = {}) {
        super(message);
        this.name = 'ExchangeError';
        this.code = code;
        this.status = opts.status;
        this.brokerCode = opts.brokerCode;
        this.brokerMessage = opts.brokerMessage;
        this.claims = opts.claims;
        this.attempts = opts.attempts ?? 0;
    }
}

;// CONCATENATED MODULE: ./src/exchange/backoff.ts
// How long to wait before the next attempt: exponential with full jitter (so many jobs retrying at once do
// not hammer the broker in step), or what the server asked for with Retry-After, never past the deadline.
const backoff_DEFAULT_BACKOFF = { baseMs: 1000, maxMs: 10_000 };
/**
 * @param attempt the attempt that just failed, from 1
 * @param retryAfter the Retry-After header of the failed answer, if any
 * @param random a number in [0, 1)
 */
function backoff_retryDelayMs(attempt, retryAfter, random, policy = backoff_DEFAULT_BACKOFF, nowMs = Date.now()) {
    const asked = parseRetryAfter(retryAfter, nowMs);
    if (asked !== undefined)
        return Math.min(asked, policy.maxMs * 6);
    const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
    // Half fixed, half random: spreads the herd while still backing off.
    return Math.round(cap / 2 + (random * cap) / 2);
}
/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 10.2.3). Garbage is ignored. */
function parseRetryAfter(value, nowMs = Date.now()) {
    if (value === undefined)
        return undefined;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const date = Date.parse(v);
    if (Number.isNaN(date) || !/[A-Za-z]/.test(v))
        return undefined;
    return Math.max(0, date - nowMs);
}

;// CONCATENATED MODULE: ./src/exchange/retry.ts
// The retry loop every client call shares: attempts until one succeeds, a failure is final, or the total
// deadline passes. Each attempt gets its own timeout, never longer than what is left of the deadline.

class retry_RetriesExhausted extends Error {
    attempts;
    lastReason;
    deadlinePassed;
    constructor(attempts, lastReason, deadlinePassed) {
        super(lastReason);
        this.name = 'RetriesExhausted';
        this.attempts = attempts;
        this.lastReason = lastReason;
        this.deadlinePassed = deadlinePassed;
    }
}
const realSleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function retry_withRetries(settings, attempt) {
    const now = settings.now ?? Date.now;
    const sleep = settings.sleep ?? realSleep;
    const random = settings.random ?? Math.random;
    const deadline = now() + settings.deadlineMs;
    for (let n = 1;; n++) {
        const left = deadline - now();
        const result = await attempt(Math.max(1, Math.min(settings.attemptTimeoutMs, left)), n);
        if ('ok' in result)
            return { value: result.ok, attempts: n };
        if ('fail' in result)
            throw result.fail;
        const delay = retryDelayMs(n, result.retryAfter, random(), settings.backoff ?? DEFAULT_BACKOFF, now());
        // A wait that would end past the deadline leaves no time for another attempt worth making.
        if (now() + delay + 50 >= deadline)
            throw new retry_RetriesExhausted(n, result.retry, true);
        settings.onRetry?.({ attempt: n, reason: result.retry, delayMs: delay });
        await sleep(delay);
    }
}

;// CONCATENATED MODULE: ./src/exchange/broker.ts
// The client side of `POST /v1/exchange`, shared by the GitHub Action and the CLI: a fresh OIDC token per
// attempt (a broker that remembers `jti` refuses a replayed one), retries on network errors, 5xx and 429,
// none on other 4xx, and the broker's error code and message handed back as they are.



async function exchangeWithBroker(req) {
    const url = `${req.brokerUrl.replace(/\/+$/, '')}/v1/exchange`;
    const body = req.secretNames ? JSON.stringify({ secrets: req.secretNames }) : undefined;
    let lastClaims;
    let lastStatus;
    try {
        const { value, attempts } = await withRetries(req.retry, async (timeoutMs, n) => {
            let token;
            try {
                token = await req.getToken();
            }
            catch (e) {
                // A missing permission is final; the token service being briefly down is not.
                if (e instanceof ExchangeError)
                    return { fail: e };
                return { retry: `attempt ${n}: could not get an OIDC token: ${e.message}` };
            }
            lastClaims = decodeClaims(token);
            let res;
            try {
                res = await req.http({
                    method: 'POST',
                    url,
                    headers: {
                        authorization: `Bearer ${token}`,
                        accept: 'application/json',
                        'user-agent': 'oidc-exchange-client',
                        ...(body ? { 'content-type': 'application/json' } : {}),
                    },
                    body,
                    timeoutMs,
                });
            }
            catch (e) {
                if (broker_isCertificateProblem(e))
                    return { fail: broker_untrusted(req.brokerUrl, e) };
                return { retry: `attempt ${n}: ${e.message}` };
            }
            lastStatus = res.status;
            if (res.status === 200)
                return { ok: parseAnswer(res.body, lastClaims) };
            const err = parseError(res.body);
            const said = err ? `${err.error}: ${err.message}` : `HTTP ${res.status}`;
            if (res.status === 429 || res.status >= 500)
                return { retry: `attempt ${n}: broker answered ${res.status} ${said}`, retryAfter: res.headers['retry-after'] };
            return {
                fail: new ExchangeError('broker_refused', `the broker refused the exchange (${res.status} ${said})`, {
                    status: res.status,
                    brokerCode: err?.error,
                    brokerMessage: err?.message,
                    claims: lastClaims,
                    attempts: n,
                }),
            };
        });
        return { ...value, attempts };
    }
    catch (e) {
        if (e instanceof RetriesExhausted) {
            throw new ExchangeError('broker_unavailable', `no answer from the broker at ${req.brokerUrl} after ${e.attempts} attempt(s)${e.deadlinePassed ? ' within the time limit (timeout-seconds)' : ''}; last: ${e.lastReason}`, { status: lastStatus, claims: lastClaims, attempts: e.attempts });
        }
        throw e;
    }
}
function parseAnswer(text, claims) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new ExchangeError('broker_answer_invalid', 'the broker answered 200 with a body that is not JSON; is broker-url the broker and not a web page?');
    }
    const a = parsed;
    if (!a || typeof a.secrets !== 'object' || a.secrets === null || Array.isArray(a.secrets)) {
        throw new ExchangeError('broker_answer_invalid', 'the broker answered 200 without a "secrets" object');
    }
    const secrets = {};
    for (const [name, value] of Object.entries(a.secrets)) {
        if (typeof value !== 'string')
            throw new ExchangeError('broker_answer_invalid', `the broker's value for ${name} is not a string`);
        secrets[name] = value;
    }
    const revoke = [];
    if (Array.isArray(a.revoke)) {
        for (const r of a.revoke) {
            if (r && typeof r.name === 'string' && typeof r.url === 'string' && r.name in secrets) {
                revoke.push({ name: r.name, method: typeof r.method === 'string' ? r.method : 'DELETE', url: r.url });
            }
        }
    }
    return {
        secrets,
        policy: typeof a.policy === 'string' ? a.policy : '(unnamed)',
        expiresAt: typeof a.expires_at === 'string' ? a.expires_at : null,
        revoke,
        claims,
    };
}
/** The broker's `{"error", "message"}` body, or undefined when the answer is something else (a proxy's page). */
function parseError(text) {
    try {
        const j = JSON.parse(text);
        if (typeof j.error === 'string')
            return { error: j.error, message: typeof j.message === 'string' ? j.message : '' };
    }
    catch {
        /* not JSON */
    }
    return undefined;
}
const CERTIFICATE_CODES = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_GET_ISSUER_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** A certificate the client does not trust will not become trusted by retrying. */
function broker_isCertificateProblem(e) {
    return CERTIFICATE_CODES.has(e?.code ?? '');
}
function broker_untrusted(url, e) {
    return new ExchangeError('broker_untrusted', `the TLS certificate of ${url} is not trusted (${e.code}): if the broker uses a private CA, pass that CA's certificate as ca-certificate; if the host name differs from the certificate's, fix broker-url`);
}

;// CONCATENATED MODULE: ./src/action/vault.ts
// Vault / OpenBao mode, loaded only when `broker: vault`: log in with the job's OIDC token at
// auth/<vault-auth-path>/login with the configured role, read each listed KV secret (v2 `data/` paths and
// v1 paths), and report Vault's own `{"errors": [...]}` to the user. The Vault token is saved for the post
// step to revoke as soon as it exists, so a failed read still gets it revoked.




class VaultError extends Error {
    code;
    status;
    constructor(code, message, status) {
        super(message);
        this.name = 'VaultError';
        this.code = code;
        this.status = status;
    }
}
async function readFromVault(req) {
    const base = req.url.replace(/\/+$/, '');
    const ns = req.namespace ? { 'x-vault-namespace': req.namespace } : {};
    let claims;
    // 1. Log in with a fresh OIDC token per attempt.
    let login;
    try {
        login = await withRetries(req.retry, async (timeoutMs, n) => {
            let jwt;
            try {
                jwt = await req.getToken();
            }
            catch (e) {
                if (e instanceof ExchangeError)
                    return { fail: e };
                return { retry: `attempt ${n}: could not get an OIDC token: ${e.message}` };
            }
            claims = decodeClaims(jwt);
            let res;
            try {
                res = await req.http({
                    method: 'POST',
                    url: `${base}/v1/auth/${req.authPath}/login`,
                    headers: { 'content-type': 'application/json', accept: 'application/json', ...ns },
                    body: JSON.stringify({ role: req.role, jwt }),
                    timeoutMs,
                });
            }
            catch (e) {
                if (isCertificateProblem(e))
                    return { fail: untrusted(req.url, e) };
                return { retry: `attempt ${n}: ${e.message}` };
            }
            if (res.status === 200)
                return { ok: res };
            if (res.status === 429 || res.status >= 500)
                return { retry: `attempt ${n}: Vault answered ${res.status} ${vaultErrors(res.body)}`, retryAfter: res.headers['retry-after'] };
            return {
                fail: new ExchangeError('broker_refused', `Vault refused the login at auth/${req.authPath}/login with role ${req.role} (${res.status}): ${vaultErrors(res.body)}`, {
                    status: res.status,
                    brokerCode: `vault_${res.status}`,
                    brokerMessage: vaultErrors(res.body),
                    claims,
                    attempts: n,
                }),
            };
        });
    }
    catch (e) {
        if (e instanceof RetriesExhausted) {
            throw new ExchangeError('broker_unavailable', `no answer from Vault at ${req.url} after ${e.attempts} attempt(s); last: ${e.lastReason}`, { claims, attempts: e.attempts });
        }
        throw e;
    }
    const auth = JSON.parse(login.value.body).auth;
    if (!auth || typeof auth.client_token !== 'string')
        throw new VaultError('vault_login_failed', 'Vault answered the login without auth.client_token');
    const token = auth.client_token;
    const lease = typeof auth.lease_duration === 'number' ? auth.lease_duration : undefined;
    req.onToken(token, lease);
    // 2. Read each path once, then pick the fields.
    const byPath = new Map();
    for (const path of new Set(req.specs.map((s) => s.vaultPath))) {
        const res = await req.http({ method: 'GET', url: `${base}/v1/${path}`, headers: { 'x-vault-token': token, accept: 'application/json', ...ns }, timeoutMs: req.retry.attemptTimeoutMs });
        if (res.status === 404)
            throw new VaultError('vault_read_failed', `Vault has no secret at ${path} (404)${kvHint(path)}`, 404);
        if (res.status !== 200)
            throw new VaultError('vault_read_failed', `Vault refused to read ${path} (${res.status}): ${vaultErrors(res.body)}`, res.status);
        byPath.set(path, kvData(JSON.parse(res.body)));
    }
    const deliveries = [];
    for (const spec of req.specs) {
        const data = byPath.get(spec.vaultPath);
        const v = data[spec.source];
        if (v === undefined)
            throw new VaultError('vault_key_missing', `line ${spec.line}: the secret at ${spec.vaultPath} has no field ${JSON.stringify(spec.source)}`);
        deliveries.push({ spec, value: typeof v === 'string' ? v : JSON.stringify(v) });
    }
    return { deliveries, expiresAt: lease ? new Date(Date.now() + lease * 1000).toISOString() : null };
}
/** KV v2 wraps the fields in data.data next to data.metadata; KV v1 returns them in data. */
function kvData(body) {
    const data = (body.data ?? {});
    if (data.data && typeof data.data === 'object' && data.metadata && typeof data.metadata === 'object')
        return data.data;
    return data;
}
function kvHint(path) {
    return path.split('/')[1] === 'data' ? '' : ' (a KV version 2 mount needs "data/" after the mount name, e.g. secret/data/ci/db)';
}
/** Vault's `{"errors": ["..."]}`, joined; something short when the body is not Vault's. */
function vaultErrors(body) {
    try {
        const errors = JSON.parse(body).errors;
        if (Array.isArray(errors) && errors.length)
            return errors.map(String).join('; ');
        if (Array.isArray(errors))
            return '(no details)';
    }
    catch {
        /* not JSON */
    }
    return '(not a Vault answer)';
}
/** Post step: revoke the login token (POST auth/token/revoke-self answers 204). */
async function revokeVaultToken(http, v, timeoutMs) {
    const res = await http({
        method: 'POST',
        url: `${v.url.replace(/\/+$/, '')}/v1/auth/token/revoke-self`,
        headers: { 'x-vault-token': v.token, ...(v.namespace ? { 'x-vault-namespace': v.namespace } : {}) },
        timeoutMs,
    });
    return res.status;
}


/***/ })

};
