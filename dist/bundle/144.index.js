export const id = 144;
export const ids = [144];
export const modules = {

/***/ 38867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fD: () => (/* binding */ buildConfig),
  iu: () => (/* binding */ claimNumberSources),
  HT: () => (/* binding */ loadConfigFile),
  pj: () => (/* reexport */ plainListenProblem)
});

// UNUSED EXPORTS: parseConfig

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/broker/errors.ts
var errors = __webpack_require__(27662);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/broker/config/section.ts
// What every section loader of the configuration shares. buildConfig (load.ts) calls one loader per section
// (issuers.ts, secrets.ts, store.ts, ...), each taking the section's raw value and this context, and each
// building the settings its part of the broker uses (the part owns the type; config/ only builds it). A loader
// never throws for a problem in the file: it records it by its path in the file, so every problem is reported
// at once and the operator fixes the file in one pass.


function sectionContext(file, problems, options) {
    return { problems, env: options.env ?? process.env, folder: (0,external_node_path_.dirname)(file), strict: options.checkSources === true, options };
}
/** A path from the file, made absolute against the file's folder. */
function pathFrom(path, ctx) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(ctx.folder, path);
}
/** A file the configuration names, or undefined when it cannot be read (a problem at `at` when strict). */
async function readNamedFile(path, at, ctx) {
    const full = pathFrom(path, ctx);
    try {
        return await (0,promises_.readFile)(full, 'utf8');
    }
    catch (e) {
        if (ctx.strict)
            ctx.problems.push(`${at}: cannot read ${full} (${e.code ?? 'error'})`);
        return undefined;
    }
}
/** Sections are mappings; anything else was reported by the schema and is read as empty. */
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function list(v) {
    return Array.isArray(v) ? v : [];
}

;// CONCATENATED MODULE: ./src/broker/config/admin.ts

async function loadAdmin(raw, ctx) {
    return isObject(raw) ? loadSharedTokens(raw, 'admin', ctx) : undefined;
}
/** `{ token_env }` or `{ token_file }`, exactly one; problems reported under `at`. */
async function loadSharedTokens(raw, at, ctx) {
    const hasEnv = typeof raw.token_env === 'string';
    const hasFile = typeof raw.token_file === 'string';
    if (hasEnv === hasFile) {
        ctx.problems.push(`${at}: set exactly one of token_env or token_file`);
        return undefined;
    }
    let text;
    let origin;
    let where;
    if (hasEnv) {
        origin = `env ${raw.token_env}`;
        where = `${at}.token_env`;
        text = ctx.env[raw.token_env];
        if (text === undefined && ctx.strict)
            ctx.problems.push(`${where}: environment variable ${raw.token_env} is not set`);
    }
    else {
        origin = `file ${pathFrom(raw.token_file, ctx)}`;
        where = `${at}.token_file`;
        text = await readNamedFile(raw.token_file, where, ctx);
    }
    let tokens = text?.split('\n').map((t) => t.trim()).filter((t) => t !== '');
    if (tokens !== undefined && tokens.length === 0) {
        ctx.problems.push(`${where}: holds no token`);
        tokens = undefined;
    }
    else if (tokens?.some((t) => t.length < 16)) {
        ctx.problems.push(`${where}: a token is shorter than 16 characters; use a long random value (e.g. openssl rand -hex 32)`);
        tokens = undefined;
    }
    return { tokens, origin };
}

// EXTERNAL MODULE: ./src/client/loopback.ts
var loopback = __webpack_require__(76090);
;// CONCATENATED MODULE: ./src/broker/config/endpoint-url.ts
// Where the broker may send requests it makes on its own (issuer discovery, JWKS, GitHub's API): https, or
// plain http on loopback for the local harness and tests. One rule for every configured endpoint.

/** The problem with a configured endpoint URL, or undefined when it is acceptable. */
function checkEndpointUrl(value) {
    let u;
    try {
        u = new URL(value);
    }
    catch {
        return `${JSON.stringify(value)} is not a URL`;
    }
    if (u.protocol === 'https:')
        return undefined;
    if (u.protocol === 'http:' && (0,loopback/* isLoopbackHost */.c)(u.hostname))
        return undefined;
    return 'must use https (plain http is accepted only for loopback addresses, for local testing)';
}

;// CONCATENATED MODULE: ./src/broker/sources/backend.ts
// What every secret backend (Vault, AWS Secrets Manager, age-encrypted files) shares: a name and kind for
// logs and metrics, a warm-up at start-up and reload, events the broker turns into log lines and metrics, and
// the one error an exchange gets when a backend cannot deliver (503, the token is not spent).

/** The exchange's answer when a backend cannot deliver: 503, the detail for the broker's log only. */
function backendUnavailable(secret, detail) {
    return new errors/* BrokerError */.Wz('secret_unavailable', `secret ${secret} is not available on the broker right now; retry later (its operator has been told)`, {
        detail,
        retryAfter: 5,
    });
}
/** A field of a structured secret (a Vault KV entry, a JSON secret string, a YAML file), looked up safely. */
function fieldOf(doc, field, where) {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        throw new Error(`${where} is not a mapping of fields`);
    // Object.hasOwn: a field named "toString" or "__proto__" is a missing field, not an inherited function.
    if (!Object.hasOwn(doc, field))
        throw new Error(`${where} has no field ${JSON.stringify(field)}`);
    const v = doc[field];
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    throw new Error(`${where} field ${JSON.stringify(field)} is not a string`);
}

;// CONCATENATED MODULE: ./src/broker/sources/cache.ts
// What a secret backend fetched, kept for its configured time so a burst of exchanges makes one request to
// Vault or AWS, not one each. Concurrent misses for the same key share one fetch. A failed fetch is never
// kept: the next exchange asks again, so a backend that comes back is used at once.
class TtlCache {
    ttlMs;
    now;
    entries = new Map();
    pending = new Map();
    constructor(ttlMs, now = Date.now) {
        this.ttlMs = ttlMs;
        this.now = now;
    }
    /** The cached value for `key`, or what `fetch` returns (then cached). `hit` tells the caller which. */
    async get(key, fetch, hit) {
        const e = this.entries.get(key);
        if (e && e.until > this.now()) {
            hit?.(true);
            return e.value;
        }
        let p = this.pending.get(key);
        if (!p) {
            p = fetch().then((value) => {
                if (this.ttlMs > 0)
                    this.entries.set(key, { value, until: this.now() + this.ttlMs });
                return value;
            });
            const settled = p.finally(() => this.pending.delete(key));
            settled.catch(() => undefined);
            this.pending.set(key, p);
        }
        hit?.(false);
        return p;
    }
    clear() {
        this.entries.clear();
    }
}

;// CONCATENATED MODULE: ./src/broker/sources/age.ts
// The `age` secret backend: secrets kept encrypted with age (https://age-encryption.org) in files next to the
// configuration, so they can live in the configuration's repository. Decrypted with `age-encryption`, the
// TypeScript implementation by age's author (no crypto of our own); files made with the `age` command line
// (`age -r age1... -a -o db.age`) or any other age implementation work. A file holds one value, or a YAML/JSON
// mapping of values picked by `field`. Files are read again after `cache_seconds`, so a rotated file is
// picked up without a restart; the library is loaded only when a configuration uses this backend.




const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
/** The identities in an age identity file's text (what `age-keygen` writes), or a problem. */
function parseIdentities(text) {
    const keys = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    if (keys.length === 0)
        throw new Error('holds no identity (expected a line AGE-SECRET-KEY-1..., as age-keygen writes)');
    const bad = keys.findIndex((k) => !/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(k));
    if (bad >= 0)
        throw new Error(`line ${bad + 1} of the identities is not an age secret key (AGE-SECRET-KEY-1...)`);
    return keys;
}
class AgeBackend {
    settings;
    kind = 'age';
    name;
    origin;
    cache;
    events = {};
    constructor(settings, now = Date.now) {
        this.settings = settings;
        this.name = settings.name;
        this.origin = `identity from ${settings.identityOrigin}`;
        this.cache = new TtlCache(settings.cacheSeconds * 1000, now);
    }
    observe(events) {
        this.events = events;
    }
    async warm() {
        return this.settings.identities ? undefined : `no identity loaded (${this.settings.identityOrigin})`;
    }
    async resolve(secret, spec) {
        let text;
        try {
            text = await this.cache.get(spec.file, () => this.decryptFile(spec.file), (hit) => hit && this.events.onFetch?.('age', this.name, 'hit'));
        }
        catch (e) {
            this.events.onFetch?.('age', this.name, 'error');
            throw backendUnavailable(secret, `age ${this.name}: ${spec.file}: ${e.message}`);
        }
        try {
            return age_valueOf(text, spec, this.name);
        }
        catch (e) {
            throw backendUnavailable(secret, e.message);
        }
    }
    /** Start-up check of one secret: the file decrypts and holds the field. */
    async check(spec) {
        try {
            age_valueOf(await this.decryptFile(spec.file), spec, this.name);
            return undefined;
        }
        catch (e) {
            const msg = e.message;
            return msg.startsWith('age ') ? msg : `age ${this.name}: ${spec.file}: ${msg}`;
        }
    }
    async close() {
        this.cache.clear();
    }
    async decryptFile(path) {
        if (!this.settings.identities)
            throw new Error(`no identity loaded (${this.settings.identityOrigin})`);
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(path);
        }
        catch (e) {
            throw new Error(`cannot read the file (${e.code ?? 'error'})`);
        }
        const { Decrypter, armor } = await __webpack_require__.e(/* import() */ 389).then(__webpack_require__.bind(__webpack_require__, 43389));
        const d = new Decrypter();
        for (const id of this.settings.identities)
            d.addIdentity(id);
        let body = bytes;
        const head = bytes.subarray(0, 64).toString('latin1').trimStart();
        if (head.startsWith(ARMOR_BEGIN)) {
            try {
                body = armor.decode(bytes.toString('latin1'));
            }
            catch (e) {
                throw new Error(`is not a valid armored age file (${e.message})`);
            }
        }
        try {
            const text = await d.decrypt(body, 'text');
            this.events.onFetch?.('age', this.name, 'fetched');
            return text;
        }
        catch (e) {
            // The library's messages name the failure (no identity matched, a bad header), never key material.
            throw new Error(`cannot be decrypted with the configured identity (${e.message})`);
        }
    }
}
function age_valueOf(text, spec, backend) {
    if (spec.field === undefined)
        return text;
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch {
        throw new Error(`age ${backend}: ${spec.file} is not a YAML or JSON mapping, so it has no field ${JSON.stringify(spec.field)}`);
    }
    return fieldOf(doc, spec.field, `age ${backend}: ${spec.file}`);
}

;// CONCATENATED MODULE: ./src/broker/sources/aws.ts


class AwsSecretsManagerBackend {
    settings;
    kind = 'aws_secrets_manager';
    name;
    origin;
    cache;
    client;
    events = {};
    constructor(settings, now = Date.now) {
        this.settings = settings;
        this.name = settings.name;
        this.origin = `region ${settings.region}${settings.endpoint ? ` via ${settings.endpoint}` : ''}, credentials from ${settings.credentialsOrigin}`;
        this.cache = new TtlCache(settings.cacheSeconds * 1000, now);
    }
    observe(events) {
        this.events = events;
    }
    /** Loads the SDK and builds the client; a request to AWS happens only for a secret. */
    async warm() {
        try {
            await this.sdk();
            return undefined;
        }
        catch (e) {
            return e.message;
        }
    }
    async resolve(secret, spec) {
        const key = `${spec.secret_id}\u0000${spec.version_stage ?? ''}`;
        let text;
        try {
            text = await this.cache.get(key, () => this.fetch(spec), (hit) => hit && this.events.onFetch?.('aws_secrets_manager', this.name, 'hit'));
        }
        catch (e) {
            this.events.onFetch?.('aws_secrets_manager', this.name, 'error');
            throw backendUnavailable(secret, `aws_secrets_manager ${this.name}: ${spec.secret_id}: ${describe(e)}`);
        }
        if (spec.field === undefined)
            return text;
        try {
            let doc;
            try {
                doc = JSON.parse(text);
            }
            catch {
                throw new Error(`aws_secrets_manager ${this.name}: ${spec.secret_id} is not a JSON secret, so it has no field ${JSON.stringify(spec.field)}`);
            }
            return fieldOf(doc, spec.field, `aws_secrets_manager ${this.name}: ${spec.secret_id}`);
        }
        catch (e) {
            throw backendUnavailable(secret, e.message);
        }
    }
    async close() {
        const c = await this.client?.catch(() => undefined);
        c?.client.destroy();
    }
    sdk() {
        if (!this.client) {
            this.client = (async () => {
                const { SecretsManagerClient, GetSecretValueCommand } = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.t.bind(__webpack_require__, 12994, 19));
                const s = this.settings;
                const client = new SecretsManagerClient({
                    region: s.region,
                    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
                    ...(s.credentials ? { credentials: s.credentials } : {}),
                    // One retry inside the SDK: the exchange's client retries a 503 itself, with the same token.
                    maxAttempts: 2,
                    requestHandler: { connectionTimeout: s.timeoutSeconds * 1000, requestTimeout: s.timeoutSeconds * 1000 },
                });
                return { client, get: GetSecretValueCommand };
            })();
            this.client.catch(() => {
                this.client = undefined;
            });
        }
        return this.client;
    }
    async fetch(spec) {
        const { client, get } = await this.sdk();
        const out = await client.send(new get({ SecretId: spec.secret_id, ...(spec.version_stage ? { VersionStage: spec.version_stage } : {}) }));
        this.events.onFetch?.('aws_secrets_manager', this.name, 'fetched');
        if (typeof out.SecretString === 'string')
            return out.SecretString;
        if (out.SecretBinary)
            return Buffer.from(out.SecretBinary).toString('utf8');
        throw new Error('the secret has neither SecretString nor SecretBinary');
    }
}
/** The SDK's error by its stable name and HTTP status (its message may quote the request; the name does not). */
function describe(e) {
    const err = e;
    const status = err.$metadata?.httpStatusCode;
    if (err.name && err.name !== 'Error')
        return `${err.name}${status ? ` (HTTP ${status})` : ''}`;
    return err.code ?? err.message ?? String(e);
}

;// CONCATENATED MODULE: ./src/broker/sources/backends.ts
/** Every configured backend, by kind and name. */
class Backends {
    vault = new Map();
    aws = new Map();
    age = new Map();
    all() {
        return [...this.vault.values(), ...this.aws.values(), ...this.age.values()];
    }
    async close() {
        await Promise.allSettled(this.all().map((b) => b.close()));
    }
}
function isBackendSpec(spec) {
    return Object.hasOwn(spec, 'vault') || Object.hasOwn(spec, 'aws_secrets_manager') || Object.hasOwn(spec, 'age');
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
;// CONCATENATED MODULE: ./src/broker/sources/vault.ts
// The `vault` secret backend: Vault or OpenBao, KV version 2, authenticated with AppRole or a token. Speaks
// Vault's documented HTTP API (undici), nothing else:
//  - AppRole: `POST /v1/auth/<mount>/login {role_id, secret_id}`; a token: `GET /v1/auth/token/lookup-self`
//    learns its TTL;
//  - the token is renewed (`POST /v1/auth/token/renew-self`) at two thirds of its lease, in the background so
//    an idle broker's token does not lapse; when it cannot be renewed any more (max TTL, revoked), AppRole logs
//    in again, and a static token is reported (the operator must replace it);
//  - reads: `GET /v1/<mount>/data/<path>`, fields under `data.data`, cached for `cache_seconds`.
// Every failure is the exchange's 503 secret_unavailable; the detail (status, Vault's error text) goes to the
// broker's log, never a token or a value.



class VaultError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
class VaultBackend {
    settings;
    now;
    kind = 'vault';
    name;
    origin;
    cache;
    dispatcher;
    events = {};
    token;
    pendingToken;
    renewTimer;
    closed = false;
    constructor(settings, now = Date.now) {
        this.settings = settings;
        this.now = now;
        this.name = settings.name;
        this.origin = `${settings.address}${settings.namespace ? ` (namespace ${settings.namespace})` : ''}, ${settings.auth.origin}`;
        this.cache = new TtlCache(settings.cacheSeconds * 1000, now);
        if (settings.ca)
            this.dispatcher = new undici.Agent({ connect: { ca: settings.ca } });
    }
    observe(events) {
        this.events = events;
    }
    async warm() {
        try {
            await this.currentToken();
            return undefined;
        }
        catch (e) {
            return e.message;
        }
    }
    /** One field of a KV v2 secret, for the exchange. */
    async resolve(secret, spec) {
        const mount = spec.mount ?? 'secret';
        const key = `${mount}\u0000${spec.path}\u0000${spec.version ?? ''}`;
        let doc;
        try {
            doc = await this.cache.get(key, () => this.readKv(mount, spec.path, spec.version), (hit) => hit && this.events.onFetch?.('vault', this.name, 'hit'));
        }
        catch (e) {
            this.events.onFetch?.('vault', this.name, 'error');
            throw backendUnavailable(secret, `vault ${this.name}: reading ${mount}/${spec.path}: ${e.message}`);
        }
        try {
            return fieldOf(doc, spec.field, `vault ${this.name}: ${mount}/${spec.path}`);
        }
        catch (e) {
            throw backendUnavailable(secret, e.message);
        }
    }
    async close() {
        this.closed = true;
        clearTimeout(this.renewTimer);
        await this.dispatcher?.close();
    }
    async readKv(mount, path, version) {
        const api = `${encodePath(mount)}/data/${encodePath(path)}${version ? `?version=${version}` : ''}`;
        let answer;
        try {
            answer = await this.call('GET', api, await this.currentToken());
        }
        catch (e) {
            // A token Vault no longer accepts (revoked, expired while the broker slept): AppRole logs in again once.
            if (!(e instanceof VaultError && e.status === 403 && this.settings.auth.kind === 'approle'))
                throw e;
            this.token = undefined;
            answer = await this.call('GET', api, await this.currentToken());
        }
        this.events.onFetch?.('vault', this.name, 'fetched');
        const data = answer.data?.data;
        if (typeof data !== 'object' || data === null || Array.isArray(data))
            throw new Error('the answer has no data.data (is the mount KV version 2?)');
        return data;
    }
    /** A token that is valid now: the cached one, or a fresh login / lookup (single flight). */
    async currentToken() {
        const t = this.token;
        if (t && (t.expiresAt === null || t.expiresAt - this.now() > 2000))
            return t.value;
        if (!this.pendingToken) {
            this.pendingToken = this.authenticate().finally(() => {
                this.pendingToken = undefined;
            });
        }
        return (await this.pendingToken).value;
    }
    async authenticate() {
        const auth = this.settings.auth;
        let token;
        if (auth.kind === 'approle') {
            if (auth.roleId === undefined || auth.secretId === undefined)
                throw new Error(`no AppRole credentials (${auth.origin})`);
            const answer = await this.call('POST', `auth/${encodePath(auth.mount)}/login`, undefined, { role_id: auth.roleId, secret_id: auth.secretId });
            token = this.tokenFrom(answer.auth, 'login');
            this.events.onEvent?.('info', { event: 'vault_login', backend: this.name, lease_seconds: token.leaseSeconds, renewable: token.renewable }, `vault ${this.name}: logged in with AppRole`);
        }
        else {
            if (auth.token === undefined)
                throw new Error(`no token (${auth.origin})`);
            const answer = await this.call('GET', 'auth/token/lookup-self', auth.token);
            const data = answer.data;
            const ttl = typeof data?.ttl === 'number' ? data.ttl : 0;
            token = { value: auth.token, renewable: data?.renewable === true, leaseSeconds: ttl, expiresAt: ttl > 0 ? this.now() + ttl * 1000 : null };
            if (token.expiresAt !== null && !token.renewable) {
                this.events.onEvent?.('warn', { event: 'vault_token_not_renewable', backend: this.name, ttl_seconds: ttl }, `vault ${this.name}: the token is not renewable and lapses in ${ttl} s`);
            }
        }
        this.token = token;
        this.scheduleRenewal();
        return token;
    }
    tokenFrom(auth, doing) {
        const a = auth;
        if (typeof a?.client_token !== 'string' || a.client_token === '')
            throw new Error(`${doing}: the answer has no auth.client_token`);
        const lease = typeof a.lease_duration === 'number' ? a.lease_duration : 0;
        return { value: a.client_token, renewable: a.renewable === true, leaseSeconds: lease, expiresAt: lease > 0 ? this.now() + lease * 1000 : null };
    }
    /** Renew at two thirds of what is left; on failure AppRole logs in again, a static token retries sooner. */
    scheduleRenewal() {
        clearTimeout(this.renewTimer);
        const t = this.token;
        if (this.closed || !t || t.expiresAt === null)
            return;
        const left = t.expiresAt - this.now();
        this.renewTimer = setTimeout(() => void this.renew(), Math.max(500, (left * 2) / 3));
        this.renewTimer.unref();
    }
    async renew() {
        const t = this.token;
        if (this.closed || !t)
            return;
        try {
            if (!t.renewable)
                throw new Error('the token is not renewable');
            const answer = await this.call('POST', 'auth/token/renew-self', t.value, { increment: `${Math.max(1, t.leaseSeconds)}s` });
            const renewed = this.tokenFrom(answer.auth, 'renew-self');
            // Vault caps a renewal at the token's max TTL; once the lease is that short, the next request (or the
            // next renewal) finds the token lapsing and AppRole logs in again.
            const capped = renewed.leaseSeconds * 2 < t.leaseSeconds;
            this.token = { ...renewed, value: t.value, renewable: renewed.renewable && !capped };
            this.events.onEvent?.('info', { event: 'vault_token_renewed', backend: this.name, lease_seconds: renewed.leaseSeconds }, `vault ${this.name}: token renewed`);
            this.scheduleRenewal();
        }
        catch (e) {
            if (this.closed)
                return;
            if (this.settings.auth.kind === 'approle') {
                this.events.onEvent?.('info', { event: 'vault_relogin', backend: this.name, reason: e.message }, `vault ${this.name}: logging in again`);
                this.token = undefined;
                await this.currentToken().catch((err) => this.events.onEvent?.('error', { event: 'vault_login_failed', backend: this.name, detail: err.message }, `vault ${this.name}: login failed`));
                if (!this.token) {
                    // Vault is down: try again shortly, so the broker has a token when it returns.
                    this.renewTimer = setTimeout(() => void this.renewOrLogin(), 2000);
                    this.renewTimer.unref();
                }
                return;
            }
            this.events.onEvent?.('warn', { event: 'vault_renew_failed', backend: this.name, detail: e.message }, `vault ${this.name}: the token could not be renewed`);
            const left = (t.expiresAt ?? this.now()) - this.now();
            if (left > 1000) {
                this.renewTimer = setTimeout(() => void this.renew(), Math.max(500, Math.min(30_000, left / 2)));
                this.renewTimer.unref();
            }
        }
    }
    async renewOrLogin() {
        if (this.closed)
            return;
        if (this.token)
            return this.renew();
        await this.currentToken().catch(() => {
            this.renewTimer = setTimeout(() => void this.renewOrLogin(), 2000);
            this.renewTimer.unref();
        });
    }
    async call(method, api, token, body) {
        const headers = { accept: 'application/json' };
        if (token !== undefined)
            headers['x-vault-token'] = token;
        if (this.settings.namespace)
            headers['x-vault-namespace'] = this.settings.namespace;
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        const timeout = this.settings.timeoutSeconds * 1000;
        let status = 0;
        let text = '';
        for (let attempt = 1;; attempt++) {
            try {
                const res = await (0,undici.request)(`${this.settings.address}/v1/${api}`, {
                    method,
                    headers,
                    body: body === undefined ? undefined : JSON.stringify(body),
                    headersTimeout: timeout,
                    bodyTimeout: timeout,
                    ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
                });
                status = res.statusCode;
                text = await res.body.text();
                break;
            }
            catch (e) {
                const code = e.code ?? '';
                // A kept-alive connection Vault closed (a restart, a load balancer's idle timeout): once more on a
                // fresh one. Reads, logins and renewals are safe to send twice.
                if (attempt === 1 && (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET'))
                    continue;
                throw new Error(`${method} /v1/${api.split('?')[0]}: ${code || e.message}`);
            }
        }
        let parsed;
        try {
            parsed = text ? JSON.parse(text) : {};
        }
        catch {
            parsed = undefined;
        }
        if (status < 200 || status >= 300) {
            const errors = parsed?.errors;
            const said = Array.isArray(errors) && errors.length ? errors.map((x) => String(x).replace(/\s+/g, ' ').trim().slice(0, 200)).join('; ') : `HTTP ${status}`;
            throw new VaultError(status, `${method} /v1/${api.split('?')[0]} answered ${status}: ${said}`);
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            throw new Error(`${method} /v1/${api.split('?')[0]}: the answer is not a JSON object`);
        return parsed;
    }
}
/** A Vault path with each segment escaped (a `..` or `?` in a configured path stays a name, not syntax). */
function encodePath(path) {
    return path
        .split('/')
        .filter((s) => s !== '')
        .map(encodeURIComponent)
        .join('/');
}

;// CONCATENATED MODULE: ./src/broker/config/backends.ts
// The `backends` section of the broker's configuration (Vault servers, AWS Secrets Manager regions, age
// identities) and the secrets that name them. What the schema cannot say is checked here and reported by
// path: exactly one way to authenticate, credentials present in the environment, readable CA and identity
// files, a backend that exists. Nothing here makes a network request: backends connect when the broker warms
// them (start-up, reload), so an outage does not stop the broker from starting.






const SECTION = { vault: 'vault', aws_secrets_manager: 'aws_secrets_manager', age: 'age' };
async function loadBackends(raw, ctx, now) {
    const out = new Backends();
    if (!isObject(raw))
        return out;
    const section = raw;
    for (const [name, v] of entries(section.vault)) {
        const at = `backends.vault.${name}`;
        if (typeof v.address !== 'string' || !isObject(v.auth))
            continue; // the schema reported it
        const address = v.address.replace(/\/+$/, '');
        const urlProblem = checkEndpointUrl(address);
        if (urlProblem)
            ctx.problems.push(`${at}.address: ${urlProblem}`);
        const auth = await vaultAuth(v.auth, `${at}.auth`, ctx);
        const ca = typeof v.ca_file === 'string' ? await readNamedFile(v.ca_file, `${at}.ca_file`, ctx) : undefined;
        out.vault.set(name, new VaultBackend({
            name,
            address,
            namespace: typeof v.namespace === 'string' ? v.namespace : undefined,
            auth,
            ca,
            timeoutSeconds: num(v.timeout_seconds, 5),
            cacheSeconds: num(v.cache_seconds, 60),
        }, now));
    }
    for (const [name, a] of entries(section.aws_secrets_manager)) {
        const at = `backends.aws_secrets_manager.${name}`;
        if (typeof a.region !== 'string')
            continue;
        if (typeof a.endpoint === 'string') {
            const p = checkEndpointUrl(a.endpoint);
            if (p)
                ctx.problems.push(`${at}.endpoint: ${p}`);
        }
        let credentials;
        let credentialsOrigin = "the SDK's default chain (AWS_* variables, web identity, instance role)";
        if (isObject(a.credentials)) {
            const c = a.credentials;
            credentialsOrigin = `env ${[c.access_key_id_env, c.secret_access_key_env, c.session_token_env].filter(Boolean).join(', ')}`;
            const id = fromEnv(c.access_key_id_env, `${at}.credentials.access_key_id_env`, ctx);
            const secret = fromEnv(c.secret_access_key_env, `${at}.credentials.secret_access_key_env`, ctx);
            const session = c.session_token_env === undefined ? undefined : fromEnv(c.session_token_env, `${at}.credentials.session_token_env`, ctx);
            if (id !== undefined && secret !== undefined)
                credentials = { accessKeyId: id, secretAccessKey: secret, ...(session ? { sessionToken: session } : {}) };
        }
        out.aws.set(name, new AwsSecretsManagerBackend({
            name,
            region: a.region,
            endpoint: typeof a.endpoint === 'string' ? a.endpoint : undefined,
            credentials,
            credentialsOrigin,
            timeoutSeconds: num(a.timeout_seconds, 5),
            cacheSeconds: num(a.cache_seconds, 60),
        }, now));
    }
    for (const [name, g] of entries(section.age)) {
        const at = `backends.age.${name}`;
        const hasFile = typeof g.identity_file === 'string';
        const hasEnv = typeof g.identity_env === 'string';
        if (hasFile === hasEnv) {
            ctx.problems.push(`${at}: set exactly one of identity_file or identity_env (the age identity, AGE-SECRET-KEY-1..., that decrypts the files)`);
            continue;
        }
        let text;
        let origin;
        let where;
        if (hasFile) {
            const path = pathFrom(g.identity_file, ctx);
            origin = `file ${path}`;
            where = `${at}.identity_file`;
            text = await readNamedFile(g.identity_file, where, ctx);
        }
        else {
            origin = `env ${g.identity_env}`;
            where = `${at}.identity_env`;
            text = fromEnv(g.identity_env, where, ctx);
        }
        let identities;
        if (text !== undefined) {
            try {
                identities = parseIdentities(text);
            }
            catch (e) {
                ctx.problems.push(`${where}: ${e.message}`);
            }
        }
        out.age.set(name, new AgeBackend({ name, identities, identityOrigin: origin, cacheSeconds: num(g.cache_seconds, 60) }, now));
    }
    return out;
}
/**
 * The backend a secret names (its `backend`, or the only one of its kind), or a problem for the report.
 * Relative age file paths are made absolute against the configuration file.
 */
function bindBackendSecret(secret, spec, backends, ctx) {
    const kind = 'vault' in spec ? 'vault' : 'aws_secrets_manager' in spec ? 'aws_secrets_manager' : 'age';
    const inner = spec[kind];
    const pool = kind === 'vault' ? backends.vault : kind === 'aws_secrets_manager' ? backends.aws : backends.age;
    const at = `secrets.${secret}.${kind}.backend`;
    let name = inner.backend;
    if (name === undefined) {
        if (pool.size !== 1) {
            return {
                problem: pool.size === 0
                    ? `secrets.${secret}.${kind}: no ${kind} backend is configured; add one under backends.${SECTION[kind]}`
                    : `${at}: is required when several ${kind} backends are configured (${[...pool.keys()].join(', ')})`,
            };
        }
        name = [...pool.keys()][0];
    }
    if (!pool.has(name)) {
        return { problem: `${at}: ${JSON.stringify(name)} is not defined under backends.${SECTION[kind]}${pool.size ? ` (known: ${[...pool.keys()].join(', ')})` : ''}` };
    }
    const backend = pool.get(name);
    if ('age' in spec)
        return { backend, spec: { age: { ...spec.age, file: pathFrom(spec.age.file, ctx) } } };
    return { backend, spec };
}
async function vaultAuth(raw, at, ctx) {
    const ways = ['approle', 'token_env', 'token_file'].filter((k) => Object.hasOwn(raw, k));
    if (ways.length !== 1) {
        ctx.problems.push(`${at}: set exactly one of approle, token_env or token_file`);
        return { kind: 'token', origin: 'invalid configuration' };
    }
    if (isObject(raw.approle)) {
        const r = raw.approle;
        const mount = r.mount ?? 'approle';
        if ((r.role_id === undefined) === (r.role_id_env === undefined))
            ctx.problems.push(`${at}.approle: set exactly one of role_id or role_id_env`);
        if ((r.secret_id_env === undefined) === (r.secret_id_file === undefined))
            ctx.problems.push(`${at}.approle: set exactly one of secret_id_env or secret_id_file`);
        const roleId = r.role_id ?? (r.role_id_env !== undefined ? fromEnv(r.role_id_env, `${at}.approle.role_id_env`, ctx) : undefined);
        const secretId = r.secret_id_env !== undefined
            ? fromEnv(r.secret_id_env, `${at}.approle.secret_id_env`, ctx)
            : r.secret_id_file !== undefined
                ? (await readNamedFile(r.secret_id_file, `${at}.approle.secret_id_file`, ctx))?.trim()
                : undefined;
        const origin = `AppRole at auth/${mount}, secret_id from ${r.secret_id_env !== undefined ? `env ${r.secret_id_env}` : `file ${r.secret_id_file}`}`;
        return { kind: 'approle', mount, roleId, secretId, origin };
    }
    if (typeof raw.token_env === 'string') {
        return { kind: 'token', token: fromEnv(raw.token_env, `${at}.token_env`, ctx), origin: `token from env ${raw.token_env}` };
    }
    const token = (await readNamedFile(raw.token_file, `${at}.token_file`, ctx))?.trim();
    return { kind: 'token', token, origin: `token from file ${pathFrom(raw.token_file, ctx)}` };
}
function fromEnv(name, at, ctx) {
    if (name === undefined)
        return undefined;
    const v = ctx.env[name];
    if ((v === undefined || v === '') && ctx.strict)
        ctx.problems.push(`${at}: environment variable ${name} is not set`);
    return v === '' ? undefined : v;
}
function entries(v) {
    return isObject(v) ? Object.entries(v).filter(([, x]) => isObject(x)) : [];
}
function num(v, fallback) {
    return typeof v === 'number' ? v : fallback;
}

// EXTERNAL MODULE: ./src/broker/github/app-jwt.ts
var app_jwt = __webpack_require__(78138);
// EXTERNAL MODULE: ./src/broker/github/app.ts
var app = __webpack_require__(13706);
;// CONCATENATED MODULE: ./src/broker/config/github-apps.ts




async function loadGitHubApps(raw, ctx) {
    const apps = new Map();
    for (const [name, a] of Object.entries(isObject(raw) ? raw : {})) {
        const at = `github_apps.${name}`;
        if (!wellFormed(a)) {
            // The schema has reported what is wrong; the name is still registered so that secrets naming it do
            // not add "not defined" findings of their own.
            apps.set(name, new app/* GitHubApp */.FE({ name, issuer: '', owner: '', apiUrl: app/* DEFAULT_GITHUB_API */.ZB, keyOrigin: 'invalid configuration', timeoutSeconds: 10 }));
            continue;
        }
        const before = ctx.problems.length;
        if ((a.app_id === undefined) === (a.client_id === undefined)) {
            ctx.problems.push(`${at}: set exactly one of app_id or client_id (both are on the app's settings page; either is accepted as the JWT issuer)`);
        }
        if ((a.private_key_file === undefined) === (a.private_key_env === undefined)) {
            ctx.problems.push(`${at}: set exactly one of private_key_file or private_key_env (the PEM key downloaded from the app's settings page)`);
        }
        const apiUrl = (a.api_url ?? app/* DEFAULT_GITHUB_API */.ZB).replace(/\/+$/, '');
        const urlProblem = checkEndpointUrl(apiUrl);
        if (urlProblem)
            ctx.problems.push(`${at}.api_url: ${urlProblem}`);
        // The app is registered even when it has problems (the configuration is refused anyway), so the secrets
        // that name it do not add misleading "not defined" findings.
        let pem;
        let keyOrigin = 'no key configured';
        let keyAt = at;
        // With an exactly-one problem already reported, no key is read: which one was meant is unclear.
        const readKey = ctx.problems.length === before;
        if (readKey && a.private_key_file !== undefined) {
            keyOrigin = `file ${pathFrom(a.private_key_file, ctx)}`;
            keyAt = `${at}.private_key_file`;
            pem = await readNamedFile(a.private_key_file, keyAt, ctx);
        }
        else if (readKey) {
            keyOrigin = `env ${a.private_key_env}`;
            keyAt = `${at}.private_key_env`;
            pem = ctx.env[a.private_key_env];
            if (pem === undefined && ctx.strict)
                ctx.problems.push(`${keyAt}: environment variable ${a.private_key_env} is not set`);
            // Environments often carry a PEM with its newlines escaped.
            if (pem !== undefined && !pem.includes('\n'))
                pem = pem.replace(/\\n/g, '\n');
        }
        let key;
        if (pem !== undefined) {
            try {
                key = (0,app_jwt/* parseAppKey */.Ug)(pem);
            }
            catch (e) {
                ctx.problems.push(`${keyAt}: the key ${e.message}`);
            }
        }
        apps.set(name, new app/* GitHubApp */.FE({
            name,
            issuer: String(a.app_id ?? a.client_id),
            owner: a.owner,
            apiUrl,
            key,
            keyOrigin,
            timeoutSeconds: a.timeout_seconds ?? 10,
        }));
    }
    return apps;
}
/** The shape the code below relies on; anything else was reported by the schema already. */
function wellFormed(a) {
    if (typeof a !== 'object' || a === null || Array.isArray(a))
        return false;
    const o = a;
    return (typeof o.owner === 'string' &&
        (o.app_id === undefined || typeof o.app_id === 'string' || typeof o.app_id === 'number') &&
        optional(o.client_id, 'string') &&
        optional(o.private_key_file, 'string') &&
        optional(o.private_key_env, 'string') &&
        optional(o.api_url, 'string') &&
        optional(o.timeout_seconds, 'number'));
}
function optional(v, type) {
    return v === undefined || typeof v === type;
}

;// CONCATENATED MODULE: ./src/broker/config/issuers.ts


function loadIssuers(raw, ctx) {
    const ids = new Set();
    const issuers = list(raw).flatMap((i, n) => {
        if (!isObject(i) || typeof i.id !== 'string' || typeof i.issuer !== 'string')
            return [];
        const at = `issuers[${n}]`;
        if (ids.has(i.id))
            ctx.problems.push(`${at}.id: duplicate issuer id ${JSON.stringify(i.id)}`);
        ids.add(i.id);
        const urlProblem = checkEndpointUrl(i.issuer);
        if (urlProblem)
            ctx.problems.push(`${at}.issuer: ${urlProblem}`);
        if (typeof i.jwks_uri === 'string') {
            const p = checkEndpointUrl(i.jwks_uri);
            if (p)
                ctx.problems.push(`${at}.jwks_uri: ${p}`);
        }
        return [{
                id: i.id,
                issuer: i.issuer.replace(/\/+$/, ''),
                jwksUri: i.jwks_uri,
                algorithms: i.algorithms ?? ['RS256'],
                clockSkewSeconds: i.clock_skew_seconds ?? 60,
                maxTokenAgeSeconds: i.max_token_age_seconds ?? 3600,
                jwksRefreshSeconds: i.jwks_refresh_seconds ?? 600,
                jwksMaxStaleSeconds: i.jwks_max_stale_seconds ?? 86400,
                jwksCooldownSeconds: i.jwks_cooldown_seconds ?? 30,
                jwksTimeoutSeconds: i.jwks_timeout_seconds ?? 5,
                ...(i.rate_limit ? { rateLimit: rateLimitOf(i.rate_limit) } : {}),
            }];
    });
    const urls = new Set();
    issuers.forEach((i, n) => {
        if (urls.has(i.issuer))
            ctx.problems.push(`issuers[${n}].issuer: ${i.issuer} is listed twice`);
        urls.add(i.issuer);
    });
    return issuers;
}
function rateLimitOf(r) {
    return { requests: r.requests, perSeconds: r.per_seconds };
}

// EXTERNAL MODULE: ./src/broker/lint/index.ts + 5 modules
var broker_lint = __webpack_require__(53710);
;// CONCATENATED MODULE: ./src/broker/config/lint.ts

/** The findings the configuration loads with; the blocking ones (unless `enforceLint` is off) become problems. */
function lintPolicies(raw, ctx) {
    const lint = (0,broker_lint/* lintConfig */.iv)(raw, ctx.options.numberSources);
    ctx.problems.push(...lint.problems);
    const enforce = ctx.options.enforceLint !== false;
    if (enforce)
        ctx.problems.push(...lint.findings.filter(broker_lint/* isBlocking */.Us).map(broker_lint/* describeBlocking */.V5));
    return enforce ? lint.findings.filter((f) => !(0,broker_lint/* isBlocking */.Us)(f)) : lint.findings;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./src/broker/http/tls.ts
var tls = __webpack_require__(85923);
;// CONCATENATED MODULE: ./src/broker/config/tls.ts
// The broker's own TLS (`listen.tls`): certificate and key files, read at start-up and again on every
// reload (a renewed certificate is served without a restart), and an optional client CA for mutual TLS.
// Everything is checked when the configuration loads: the files read, the key matches the certificate, the
// certificate is not expired, so a bad renewal is refused by the reload and the old certificate keeps serving.





async function loadTls(section, ctx) {
    if (!isObject(section))
        return undefined;
    const raw = section;
    if (typeof raw.cert !== 'string' || typeof raw.key !== 'string')
        return undefined;
    const t = {
        certFile: pathFrom(raw.cert, ctx),
        keyFile: pathFrom(raw.key, ctx),
        clientCaFile: typeof raw.client_ca === 'string' ? pathFrom(raw.client_ca, ctx) : undefined,
        clientAuth: raw.client_auth ?? 'exchange',
    };
    if (raw.client_auth !== undefined && t.clientCaFile === undefined)
        ctx.problems.push('listen.tls.client_auth: needs client_ca (the CA that signs client certificates)');
    if (!ctx.strict)
        return t;
    const before = ctx.problems.length;
    const read = async (path, at) => {
        try {
            return await (0,promises_.readFile)(path, 'utf8');
        }
        catch (e) {
            ctx.problems.push(`${at}: cannot read ${path} (${e.code ?? 'error'})`);
            return undefined;
        }
    };
    t.cert = await read(t.certFile, 'listen.tls.cert');
    t.key = await read(t.keyFile, 'listen.tls.key');
    if (t.clientCaFile)
        t.clientCa = await read(t.clientCaFile, 'listen.tls.client_ca');
    if (ctx.problems.length > before)
        return t;
    try {
        const cert = new external_node_crypto_.X509Certificate(t.cert);
        t.notAfter = new Date(cert.validTo);
        if (t.notAfter.getTime() < Date.now())
            ctx.problems.push(`listen.tls.cert: the certificate expired on ${t.notAfter.toISOString()}`);
    }
    catch {
        ctx.problems.push('listen.tls.cert: is not a PEM certificate');
        return t;
    }
    try {
        (0,external_node_tls_.createSecureContext)((0,tls/* secureContextOptions */.nu)(t));
    }
    catch (e) {
        const code = e.code ?? '';
        const msg = /KEY_VALUES_MISMATCH|key values mismatch/i.test(`${code} ${e.message}`)
            ? 'listen.tls.key: does not belong to the certificate in listen.tls.cert'
            : `listen.tls: the certificate, key or client CA cannot be used (${code || 'invalid PEM'})`;
        ctx.problems.push(msg);
    }
    if (t.clientCa !== undefined) {
        try {
            new external_node_crypto_.X509Certificate(t.clientCa);
        }
        catch {
            ctx.problems.push('listen.tls.client_ca: is not a PEM certificate');
        }
    }
    return t;
}

;// CONCATENATED MODULE: ./src/broker/config/listen.ts
// The `listen` section: where the broker listens, its request limits and timeouts (defaults filled in here),
// and its TLS (tls.ts). Plain HTTP is refused off loopback unless the operator says a proxy terminates TLS.



async function loadListen(raw, ctx) {
    const l = isObject(raw) ? raw : {};
    const tls = await loadTls(l.tls, ctx);
    const host = typeof l.host === 'string' ? l.host : '127.0.0.1';
    const plainHttp = l.plain_http === true;
    const listenProblem = plainListenProblem(host, tls !== undefined, plainHttp);
    if (listenProblem)
        ctx.problems.push(`listen: ${listenProblem}`);
    return {
        host,
        port: l.port ?? 8080,
        bodyLimitBytes: l.body_limit_bytes ?? 16384,
        headerLimitBytes: l.header_limit_bytes ?? 32768,
        maxTokenBytes: l.max_token_bytes ?? 16384,
        requestTimeoutSeconds: l.request_timeout_seconds ?? 10,
        shutdownGraceSeconds: l.shutdown_grace_seconds ?? 10,
        tls,
        plainHttp,
    };
}
/**
 * Every client sends a bearer token (or GitLab's revocation token) to the broker: plain HTTP is served on a
 * loopback address, or where the operator says a TLS-terminating proxy is in front (`plain_http: true`).
 */
function plainListenProblem(host, tls, plainHttp) {
    if (tls || plainHttp || (0,loopback/* isLoopbackHost */.c)(host))
        return undefined;
    return `plain HTTP on ${host} would carry tokens unencrypted; configure listen.tls (cert and key), or set listen.plain_http: true when a TLS-terminating proxy is in front of the broker`;
}

// EXTERNAL MODULE: ./src/broker/policy/policy.ts
var policy = __webpack_require__(79360);
;// CONCATENATED MODULE: ./src/broker/config/policies.ts
// The `policies` section: who gets which secrets. Each policy names a configured issuer and configured
// secrets, and every claim condition must compile (a regex that compiles, a number YAML did not round);
// policies that do are compiled once here and matched by pure functions at exchange time (policy/policy.ts).


function loadPolicies(raw, ctx, { issuers, secretsSection }) {
    const issuerIds = new Set(issuers.map((i) => i.id));
    const names = new Set();
    const policies = [];
    list(raw).forEach((p, n) => {
        const at = `policies[${n}]`;
        if (!isObject(p) || typeof p.name !== 'string' || typeof p.issuer !== 'string' || !isObject(p.claims))
            return;
        if (names.has(p.name))
            ctx.problems.push(`${at}.name: duplicate policy name ${JSON.stringify(p.name)}`);
        names.add(p.name);
        if (!issuerIds.has(p.issuer)) {
            ctx.problems.push(`${at}.issuer: ${JSON.stringify(p.issuer)} is not an issuer id (known: ${[...issuerIds].join(', ')})`);
        }
        list(p.secrets).forEach((s, k) => {
            if (typeof s === 'string' && !(isObject(secretsSection) && Object.hasOwn(secretsSection, s)))
                ctx.problems.push(`${at}.secrets[${k}]: ${JSON.stringify(s)} is not defined under secrets`);
        });
        let ok = true;
        for (const [claim, spec] of Object.entries(p.claims)) {
            (Array.isArray(spec) ? spec : [spec]).forEach((m, k) => {
                const entry = `${at}.claims.${claim}${Array.isArray(spec) ? `[${k}]` : ''}`;
                try {
                    // A number is checked as the file wrote it: YAML has already rounded 9007199254740993.
                    const numeric = typeof m === 'number' ? (0,policy/* numberProblem */.vy)(m, ctx.options.numberSources?.get(entry)) : undefined;
                    if (numeric)
                        throw new Error(numeric);
                    (0,policy/* compileMatcher */.qM)(m);
                }
                catch (e) {
                    ok = false;
                    ctx.problems.push(`${entry}: ${e.message}`);
                }
            });
        }
        if (ok && Object.keys(p.claims).length > 0) {
            policies.push({ ...(0,policy/* compilePolicy */.C_)(p), singleUse: p.single_use ?? true });
        }
    });
    return policies;
}

// EXTERNAL MODULE: ./src/broker/revocation.ts
var revocation = __webpack_require__(58509);
;// CONCATENATED MODULE: ./src/broker/config/revocation.ts
// The `revocation` section: GitLab's Token Revocation API, its pre-shared token (one per line while rotating),
// its rate limit and batch limits. Absent: the broker does not offer the API.


/** Default: GitLab sends batches as it finds leaks; 60 a minute is far above that and far below abuse. */
const DEFAULT_RATE_LIMIT = { requests: 60, perSeconds: 60 };
async function loadRevocation(section, ctx) {
    if (!isObject(section))
        return undefined;
    const raw = section;
    // Wrong types are reported by the schema.
    if (!revocation_optional(raw.token_env, 'string') || !revocation_optional(raw.token_file, 'string'))
        return undefined;
    if ((raw.token_env === undefined) === (raw.token_file === undefined)) {
        ctx.problems.push('revocation: set exactly one of token_env or token_file (the pre-shared token GitLab is configured with)');
        return undefined;
    }
    const r = raw.rate_limit;
    const rateLimit = r && Number.isInteger(r.requests) && Number.isInteger(r.per_seconds) && r.requests > 0 && r.per_seconds > 0
        ? { requests: r.requests, perSeconds: r.per_seconds }
        : DEFAULT_RATE_LIMIT;
    let token;
    let tokenOrigin;
    if (raw.token_env !== undefined) {
        tokenOrigin = `env ${raw.token_env}`;
        token = ctx.env[raw.token_env];
        if (token === undefined && ctx.strict)
            ctx.problems.push(`revocation.token_env: environment variable ${raw.token_env} is not set`);
    }
    else {
        tokenOrigin = `file ${pathFrom(raw.token_file, ctx)}`;
        token = await readNamedFile(raw.token_file, 'revocation.token_file', ctx);
    }
    // One token per line: during a rotation the old and the new one are both accepted. Blank lines (and the
    // newline a file usually ends with) are not tokens.
    let tokens = token?.split('\n').map((t) => t.trim()).filter((t) => t !== '');
    const where = `revocation.${raw.token_env !== undefined ? 'token_env' : 'token_file'}`;
    if (tokens !== undefined && tokens.length === 0) {
        ctx.problems.push(`${where}: holds no token`);
        tokens = undefined;
    }
    else if (tokens?.some((t) => t.length < 16)) {
        ctx.problems.push(`${where}: a pre-shared token is shorter than 16 characters; use a long random value (e.g. openssl rand -hex 32)`);
        tokens = undefined;
    }
    return {
        tokens,
        tokenOrigin,
        rateLimit,
        bodyLimitBytes: typeof raw.body_limit_bytes === 'number' ? raw.body_limit_bytes : revocation/* DEFAULT_REVOCATION_BODY_LIMIT */.oh,
        concurrency: typeof raw.concurrency === 'number' ? raw.concurrency : 32,
        answerWithinSeconds: typeof raw.answer_within_seconds === 'number' ? raw.answer_within_seconds : 15,
    };
}
function revocation_optional(v, type) {
    return v === undefined || typeof v === type;
}

// EXTERNAL MODULE: ./src/client/reserved-names.ts
var reserved_names = __webpack_require__(92754);
// EXTERNAL MODULE: ./src/broker/sources/github-app.ts
var github_app = __webpack_require__(73519);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/broker/sources/static.ts
// The static secret sources: an environment variable, a file, or a literal value. Values are read at exchange
// time for files (so a rotated file is picked up without a restart) and once at start-up for environment
// variables (a process's environment does not change).



function createStaticSource(name, spec, env) {
    if ('env' in spec) {
        const variable = spec.env;
        const value = env[variable];
        return {
            name,
            kind: 'env',
            origin: `env ${variable}`,
            async resolve() {
                if (value === undefined) {
                    throw new errors/* BrokerError */.Wz('secret_unavailable', `secret ${name} is not available on the broker; its operator has been told`, {
                        detail: `environment variable ${variable} is not set`,
                    });
                }
                return { value, expiresAt: null };
            },
        };
    }
    if ('file' in spec) {
        const path = spec.file;
        return {
            name,
            kind: 'file',
            origin: `file ${path}`,
            async resolve() {
                try {
                    return { value: await (0,promises_.readFile)(path, 'utf8'), expiresAt: null };
                }
                catch (e) {
                    throw new errors/* BrokerError */.Wz('secret_unavailable', `secret ${name} is not available on the broker; its operator has been told`, {
                        detail: `cannot read ${path}: ${e.code ?? 'error'}`,
                    });
                }
            },
        };
    }
    const value = spec.value;
    return { name, kind: 'value', origin: 'literal value (for local testing only)', resolve: async () => ({ value, expiresAt: null }) };
}
/** Start-up check: the problem with a static source, or undefined when it can deliver. */
async function checkStaticSource(spec, env) {
    if ('env' in spec)
        return env[spec.env] === undefined ? `environment variable ${spec.env} is not set` : undefined;
    if ('file' in spec) {
        try {
            await (0,promises_.access)(spec.file, external_node_fs_.constants.R_OK);
            return undefined;
        }
        catch (e) {
            return `file ${spec.file} is not readable (${e.code ?? 'error'})`;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/broker/sources/index.ts


/** A secret read through a configured backend (config/backends.ts chooses the backend). */
function createBackendSource(name, backend, spec) {
    if ('vault' in spec) {
        const v = spec.vault;
        const b = backend;
        return { name, kind: 'vault', origin: `vault ${b.name}: ${v.mount ?? 'secret'}/${v.path} field ${v.field}`, resolve: async () => ({ value: await b.resolve(name, v), expiresAt: null }) };
    }
    if ('aws_secrets_manager' in spec) {
        const a = spec.aws_secrets_manager;
        const b = backend;
        return { name, kind: 'aws_secrets_manager', origin: `aws_secrets_manager ${b.name}: ${a.secret_id}${a.field ? ` field ${a.field}` : ''}`, resolve: async () => ({ value: await b.resolve(name, a), expiresAt: null }) };
    }
    const g = spec.age;
    const b = backend;
    return { name, kind: 'age', origin: `age ${b.name}: ${g.file}${g.field ? ` field ${g.field}` : ''}`, resolve: async () => ({ value: await b.resolve(name, g), expiresAt: null }) };
}
function createSecretSource(name, spec, env, apps) {
    if ('github_app' in spec) {
        const app = apps?.get(spec.github_app.app);
        if (!app)
            throw new Error(`github_app.app ${JSON.stringify(spec.github_app.app)} is not defined under github_apps`);
        return (0,github_app/* createGitHubAppSource */.qs)(name, spec.github_app, app);
    }
    return createStaticSource(name, spec, env);
}
/** Start-up check: the problem with a source, or undefined when it can deliver. */
async function checkSecretSource(spec, env) {
    if ('github_app' in spec)
        return undefined; // its app's key is checked under github_apps
    // Backends are reached at warm-up (an outage must not stop start-up); age files are checked by their backend.
    if ('vault' in spec || 'aws_secrets_manager' in spec || 'age' in spec)
        return undefined;
    return checkStaticSource(spec, env);
}

;// CONCATENATED MODULE: ./src/broker/config/secrets.ts
// The `secrets` section: one source per secret name (env, file, value, a GitHub App token, or a value kept in
// Vault, AWS Secrets Manager or an age-encrypted file, read through a configured backend). A name the
// clients refuse to export, a backend or app that is not configured, and (for the broker) a source that
// cannot deliver are reported by path.






async function loadSecrets(raw, ctx, { backends, githubApps, appsSection }) {
    const secrets = new Map();
    for (const [name, given] of Object.entries(isObject(raw) ? raw : {})) {
        // The clients refuse to export these names (the list they share): a secret under one could never arrive.
        const reserved = ctx.options.acceptReservedNames ? undefined : (0,reserved_names/* reservedBy */.a2)(name);
        if (reserved)
            ctx.problems.push(`secrets.${name}: the name is reserved (${reserved.why}); the GitHub Action and the GitLab component refuse to export it, so choose another name`);
        if (!isObject(given) || Object.keys(given).length !== 1)
            continue;
        if (isBackendSpec(given)) {
            const bound = bindBackendSecret(name, given, backends, ctx);
            if ('problem' in bound) {
                ctx.problems.push(bound.problem);
                continue;
            }
            secrets.set(name, createBackendSource(name, bound.backend, bound.spec));
            if (ctx.options.checkSources && 'age' in bound.spec) {
                const p = await bound.backend.check(bound.spec.age);
                if (p)
                    ctx.problems.push(`secrets.${name}.age: ${p}`);
            }
            continue;
        }
        // A relative file path is relative to the configuration file, not to wherever the broker was started.
        const spec = 'file' in given ? { file: pathFrom(given.file, ctx) } : given;
        if ('github_app' in spec) {
            // A grant of the wrong shape, or a github_apps section that is not a mapping, is reported by the schema.
            if (!(0,github_app/* isGrantSpec */.o2)(spec.github_app))
                continue;
            if (!githubApps.has(spec.github_app.app)) {
                const known = [...githubApps.keys()];
                if (appsSection === undefined || isObject(appsSection)) {
                    ctx.problems.push(`secrets.${name}.github_app.app: ${JSON.stringify(spec.github_app.app)} is not defined under github_apps${known.length ? ` (known: ${known.join(', ')})` : ''}`);
                }
                continue;
            }
        }
        secrets.set(name, createSecretSource(name, spec, ctx.env, githubApps));
        if (ctx.options.checkSources) {
            const p = await checkSecretSource(spec, ctx.env);
            if (p)
                ctx.problems.push(`secrets.${name}: ${p}`);
        }
    }
    return secrets;
}

// EXTERNAL MODULE: ./src/broker/store/index.ts + 1 modules
var store = __webpack_require__(70845);
// EXTERNAL MODULE: ./src/broker/store/redis.ts
var redis = __webpack_require__(75400);
;// CONCATENATED MODULE: ./src/broker/config/store.ts
// The `store:` setting: `memory`, a Redis URL, or a mapping for what a URL cannot carry safely (a password
// from the environment, the CA of a `rediss://` server). Problems are reported by path like everything else.



/** How long a broker waits for Redis at start-up before it listens anyway (and stays unready). */
const DEFAULT_STARTUP_WAIT_SECONDS = 10;
async function loadStore(section, ctx) {
    const raw = section;
    const fallback = { spec: { kind: 'memory' }, startupWaitSeconds: DEFAULT_STARTUP_WAIT_SECONDS };
    if (raw === undefined || raw === 'memory')
        return fallback;
    if (typeof raw === 'string') {
        if (!/^rediss?:\/\//.test(raw)) {
            ctx.problems.push(`store: ${JSON.stringify((0,store/* redactUrl */.BO)(raw))} is not supported; use "memory", redis://host:port, or a mapping { redis: { url, password_env, ca_file } }`);
            return fallback;
        }
        try {
            return { spec: { kind: 'redis', redis: (0,redis/* parseRedisSpec */.Y)(raw) }, startupWaitSeconds: DEFAULT_STARTUP_WAIT_SECONDS };
        }
        catch (e) {
            ctx.problems.push(`store: ${e.message}`);
            return fallback;
        }
    }
    const r = typeof raw === 'object' && raw !== null ? raw.redis : undefined;
    if (typeof r !== 'object' || r === null || typeof r.url !== 'string')
        return fallback; // the schema reported it
    let settings;
    try {
        settings = (0,redis/* parseRedisSpec */.Y)(r.url);
    }
    catch (e) {
        ctx.problems.push(`store.redis.url: ${e.message}`);
        return fallback;
    }
    if (new URL(r.url).search !== '') {
        ctx.problems.push('store.redis.url: give key_prefix, command_timeout_ms and connect_timeout_ms as keys of store.redis, not as URL parameters');
    }
    if (new URL(r.url).password !== '' && r.password_env !== undefined) {
        ctx.problems.push('store.redis: the URL carries a password and password_env is set; keep the password out of the URL');
    }
    if (r.key_prefix !== undefined)
        settings.keyPrefix = r.key_prefix;
    if (r.command_timeout_ms !== undefined)
        settings.commandTimeoutMs = r.command_timeout_ms;
    if (r.connect_timeout_ms !== undefined)
        settings.connectTimeoutMs = r.connect_timeout_ms;
    if (r.username !== undefined)
        settings.username = r.username;
    if (r.password_env !== undefined) {
        const pw = ctx.env[r.password_env];
        if (pw === undefined || pw === '') {
            if (ctx.strict)
                ctx.problems.push(`store.redis.password_env: environment variable ${r.password_env} is not set`);
        }
        else
            settings.password = pw;
    }
    if (r.ca_file !== undefined) {
        if (!r.url.startsWith('rediss:'))
            ctx.problems.push('store.redis.ca_file: only a rediss:// (TLS) URL uses a CA');
        const ca = await readNamedFile(r.ca_file, 'store.redis.ca_file', ctx);
        if (ca !== undefined)
            settings.ca = ca;
    }
    return { spec: { kind: 'redis', redis: settings }, startupWaitSeconds: r.startup_wait_seconds ?? DEFAULT_STARTUP_WAIT_SECONDS };
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
;// CONCATENATED MODULE: ./src/broker/config/schema.ts
// JSON Schema for the broker's YAML configuration. Unknown keys are errors everywhere: a typo in a policy
// must stop start-up, not silently widen or narrow what a job receives.
const scalar = { type: ['string', 'number', 'boolean'] };
const pattern = {
    type: 'object',
    required: ['pattern'],
    additionalProperties: false,
    properties: { pattern: { type: 'string', minLength: 1 } },
};
const matcher = { anyOf: [scalar, pattern] };
const envName = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' };
const backendName = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' };
const cacheSeconds = { type: 'integer', minimum: 0, maximum: 86400 };
const backendTimeout = { type: 'number', exclusiveMinimum: 0, maximum: 120 };
const secretSource = {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
    properties: {
        env: envName,
        file: { type: 'string', minLength: 1 },
        value: { type: 'string' },
        // A field of a Vault / OpenBao KV version 2 secret.
        vault: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'field'],
            properties: {
                backend: backendName,
                mount: { type: 'string', pattern: '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$' },
                path: { type: 'string', pattern: '^[A-Za-z0-9_.@-]+(/[A-Za-z0-9_.@-]+)*$' },
                field: { type: 'string', minLength: 1 },
                version: { type: 'integer', minimum: 1 },
            },
        },
        // An AWS Secrets Manager secret (or one key of a JSON secret).
        aws_secrets_manager: {
            type: 'object',
            additionalProperties: false,
            required: ['secret_id'],
            properties: {
                backend: backendName,
                secret_id: { type: 'string', minLength: 1, maxLength: 2048 },
                field: { type: 'string', minLength: 1 },
                version_stage: { type: 'string', minLength: 1, maxLength: 256 },
            },
        },
        // A file encrypted with age (the whole plaintext, or one key of a YAML/JSON mapping inside).
        age: {
            type: 'object',
            additionalProperties: false,
            required: ['file'],
            properties: {
                backend: backendName,
                file: { type: 'string', minLength: 1 },
                field: { type: 'string', minLength: 1 },
            },
        },
        github_app: {
            type: 'object',
            additionalProperties: false,
            required: ['app', 'permissions'],
            properties: {
                app: { type: 'string', minLength: 1 },
                repositories: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' } },
                permissions: {
                    type: 'object',
                    minProperties: 1,
                    propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
                    additionalProperties: { enum: ['read', 'write', 'admin'] },
                },
            },
        },
    },
};
// GitHub Apps the broker mints installation tokens with (secret source `github_app`). Exactly one of
// app_id/client_id and one of private_key_file/private_key_env: checked in config.ts, with a clearer message
// than a schema `oneOf` gives.
const githubApp = {
    type: 'object',
    additionalProperties: false,
    required: ['owner'],
    properties: {
        app_id: { type: ['string', 'integer'], pattern: '^[0-9]+$', minimum: 1 },
        client_id: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' },
        private_key_file: { type: 'string', minLength: 1 },
        private_key_env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        owner: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$' },
        api_url: { type: 'string', minLength: 1 },
        timeout_seconds: { type: 'number', exclusiveMinimum: 0, maximum: 120 },
    },
};
// GitLab's Token Revocation API: the pre-shared token GitLab sends, and how many revocation requests a
// window accepts before answering 429.
/** `{ requests, per_seconds }`: a fixed-window limit, for exchanges per subject and for the revocation API. */
const rateLimit = {
    type: 'object',
    additionalProperties: false,
    required: ['requests', 'per_seconds'],
    properties: {
        requests: { type: 'integer', minimum: 1, maximum: 1000000 },
        per_seconds: { type: 'integer', minimum: 1, maximum: 86400 },
    },
};
const schema_revocation = {
    type: 'object',
    additionalProperties: false,
    properties: {
        token_env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        token_file: { type: 'string', minLength: 1 },
        rate_limit: rateLimit,
        // GitLab sends every finding of a pipeline in one request, each with its whole vulnerability record.
        body_limit_bytes: { type: 'integer', minimum: 65536, maximum: 268435456 },
        // Revocations at GitHub in flight at once for one batch.
        concurrency: { type: 'integer', minimum: 1, maximum: 100 },
        // Answer by then (GitLab gives up after 20 s): 204 if the batch is done, else 503 and GitLab's retry
        // finds the tokens revoked meanwhile.
        answer_within_seconds: { type: 'number', minimum: 1, maximum: 600 },
    },
};
// Where secrets kept outside the broker are read from, by kind and name.
const backends = {
    type: 'object',
    additionalProperties: false,
    properties: {
        vault: {
            type: 'object',
            propertyNames: backendName,
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                required: ['address', 'auth'],
                properties: {
                    address: { type: 'string', minLength: 1 },
                    namespace: { type: 'string', minLength: 1 },
                    auth: {
                        type: 'object',
                        additionalProperties: false,
                        minProperties: 1,
                        properties: {
                            approle: {
                                type: 'object',
                                additionalProperties: false,
                                properties: {
                                    mount: { type: 'string', pattern: '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$' },
                                    role_id: { type: 'string', minLength: 1 },
                                    role_id_env: envName,
                                    secret_id_env: envName,
                                    secret_id_file: { type: 'string', minLength: 1 },
                                },
                            },
                            token_env: envName,
                            token_file: { type: 'string', minLength: 1 },
                        },
                    },
                    ca_file: { type: 'string', minLength: 1 },
                    timeout_seconds: backendTimeout,
                    cache_seconds: cacheSeconds,
                },
            },
        },
        aws_secrets_manager: {
            type: 'object',
            propertyNames: backendName,
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                required: ['region'],
                properties: {
                    region: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$' },
                    endpoint: { type: 'string', minLength: 1 },
                    credentials: {
                        type: 'object',
                        additionalProperties: false,
                        required: ['access_key_id_env', 'secret_access_key_env'],
                        properties: { access_key_id_env: envName, secret_access_key_env: envName, session_token_env: envName },
                    },
                    timeout_seconds: backendTimeout,
                    cache_seconds: cacheSeconds,
                },
            },
        },
        age: {
            type: 'object',
            propertyNames: backendName,
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                properties: {
                    identity_file: { type: 'string', minLength: 1 },
                    identity_env: envName,
                    cache_seconds: cacheSeconds,
                },
            },
        },
    },
};
// The Redis store in its mapping form (the string form is a URL).
const redisStore = {
    type: 'object',
    additionalProperties: false,
    required: ['redis'],
    properties: {
        redis: {
            type: 'object',
            additionalProperties: false,
            required: ['url'],
            properties: {
                url: { type: 'string', minLength: 1 },
                username: { type: 'string', minLength: 1 },
                password_env: envName,
                ca_file: { type: 'string', minLength: 1 },
                key_prefix: { type: 'string', pattern: '^[A-Za-z0-9:_.-]{0,64}$' },
                command_timeout_ms: { type: 'integer', minimum: 10, maximum: 60000 },
                connect_timeout_ms: { type: 'integer', minimum: 10, maximum: 60000 },
                // How long the broker waits for Redis at start-up before it listens anyway (not ready until Redis is).
                startup_wait_seconds: { type: 'number', minimum: 0, maximum: 600 },
            },
        },
    },
};
const configSchema = {
    $id: 'https://oidc-exchange.dev/schema/broker-config.json',
    type: 'object',
    additionalProperties: false,
    required: ['audience', 'issuers', 'secrets', 'policies'],
    properties: {
        listen: {
            type: 'object',
            additionalProperties: false,
            properties: {
                host: { type: 'string', minLength: 1 },
                port: { type: 'integer', minimum: 0, maximum: 65535 },
                body_limit_bytes: { type: 'integer', minimum: 256, maximum: 10485760 },
                header_limit_bytes: { type: 'integer', minimum: 1024, maximum: 1048576 },
                max_token_bytes: { type: 'integer', minimum: 512, maximum: 1048576 },
                request_timeout_seconds: { type: 'number', exclusiveMinimum: 0, maximum: 600 },
                shutdown_grace_seconds: { type: 'number', minimum: 0, maximum: 600 },
                // Serve HTTPS (files re-read on reload); client_ca asks clients for a certificate (mTLS).
                tls: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['cert', 'key'],
                    properties: {
                        cert: { type: 'string', minLength: 1 },
                        key: { type: 'string', minLength: 1 },
                        client_ca: { type: 'string', minLength: 1 },
                        client_auth: { enum: ['exchange', 'all'] },
                    },
                },
                // Plain HTTP on an address other than loopback: only behind a TLS-terminating proxy, and said so here.
                plain_http: { type: 'boolean' },
            },
        },
        audience: { type: 'string', minLength: 1 },
        issuers: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'issuer'],
                properties: {
                    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
                    issuer: { type: 'string', minLength: 1 },
                    jwks_uri: { type: 'string', minLength: 1 },
                    algorithms: {
                        type: 'array',
                        minItems: 1,
                        uniqueItems: true,
                        items: { enum: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] },
                    },
                    clock_skew_seconds: { type: 'integer', minimum: 0, maximum: 300 },
                    max_token_age_seconds: { type: 'integer', minimum: 1, maximum: 86400 },
                    jwks_refresh_seconds: { type: 'integer', minimum: 1, maximum: 86400 },
                    jwks_max_stale_seconds: { type: 'integer', minimum: 0, maximum: 604800 },
                    jwks_cooldown_seconds: { type: 'integer', minimum: 0, maximum: 3600 },
                    jwks_timeout_seconds: { type: 'number', exclusiveMinimum: 0, maximum: 60 },
                    // Exchanges per subject (the token's `sub`) of this issuer, counted in the store across instances.
                    rate_limit: rateLimit,
                },
            },
        },
        secrets: {
            type: 'object',
            propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
            additionalProperties: secretSource,
        },
        policies: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'issuer', 'claims', 'secrets'],
                properties: {
                    name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
                    issuer: { type: 'string', minLength: 1 },
                    claims: {
                        type: 'object',
                        minProperties: 1,
                        additionalProperties: {
                            anyOf: [matcher, { type: 'array', minItems: 1, items: matcher }],
                        },
                    },
                    secrets: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
                    // Each token (issuer + jti) may be exchanged once; default true (docs/deploy.md says why).
                    single_use: { type: 'boolean' },
                    // Accept an `error` lint finding for this policy: the rule's id and why (logged at start-up).
                    allow_risky: {
                        type: 'array',
                        minItems: 1,
                        items: {
                            type: 'object',
                            additionalProperties: false,
                            required: ['rule', 'reason'],
                            properties: { rule: { type: 'string', minLength: 1 }, reason: { type: 'string', minLength: 1 } },
                        },
                    },
                },
            },
        },
        store: { anyOf: [{ type: 'string', minLength: 1 }, redisStore] },
        backends,
        // The operator's own endpoints (POST /-/reload), behind a pre-shared token.
        admin: {
            type: 'object',
            additionalProperties: false,
            properties: {
                token_env: envName,
                token_file: { type: 'string', minLength: 1 },
            },
        },
        github_apps: {
            type: 'object',
            propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
            additionalProperties: githubApp,
        },
        revocation: schema_revocation,
    },
};

;// CONCATENATED MODULE: ./src/broker/config/validate.ts
// The configuration checked against its JSON Schema (schema.ts), with ajv's findings made readable: one line
// per problem, by its path in the file, the noise of failed alternatives dropped.


const validate_ajv = new ajv.Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = validate_ajv.compile(configSchema);
/** What the schema finds wrong with `raw` (empty when it is valid). */
function schemaProblems(raw) {
    return validate(raw) ? [] : readable(validate.errors ?? []);
}
/**
 * ajv's findings as one line per problem. With `anyOf`, ajv also reports why each alternative failed; those
 * are noise next to the one-line summary, so errors inside a failed `anyOf` (or `propertyNames`) are dropped.
 */
function readable(errors) {
    const umbrellas = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'propertyNames').map((e) => e.schemaPath);
    const kept = errors.filter((e) => !umbrellas.some((u) => e.schemaPath !== u && e.schemaPath.startsWith(`${u}/`)));
    // An anyOf nested in another failed anyOf is itself noise.
    const outer = kept.filter((e) => !(e.keyword === 'anyOf' && kept.some((o) => o !== e && o.keyword === 'anyOf' && e.instancePath.startsWith(`${o.instancePath}/`))));
    return [...new Set(outer.map(describeAjvError))];
}
/** `/policies/2/claims` -> `policies[2].claims`, with ajv's complaint made readable. */
function describeAjvError(e) {
    let path = e.instancePath
        .split('/')
        .slice(1)
        .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
    let msg = e.message ?? 'is invalid';
    switch (e.keyword) {
        case 'additionalProperties': {
            const extra = e.params.additionalProperty;
            path = path ? `${path}.${extra}` : extra;
            msg = 'unknown key (check the spelling; see docs/policies.md)';
            break;
        }
        case 'required':
            path = path ? `${path}.${e.params.missingProperty}` : e.params.missingProperty;
            msg = 'is required';
            break;
        case 'minProperties':
            if (/^policies\[\d+\]\.claims$/.test(path))
                msg = 'needs at least one claim condition (a policy that matches every token is not allowed)';
            else if (/^secrets\.[^.]+$/.test(path))
                msg = 'needs one source: env, file, value, github_app, vault, aws_secrets_manager or age';
            break;
        case 'maxProperties':
            if (/^secrets\.[^.]+$/.test(path))
                msg = 'takes exactly one source: env, file, value, github_app, vault, aws_secrets_manager or age';
            break;
        case 'enum':
            msg = `must be one of ${e.params.allowedValues.join(', ')}`;
            break;
        case 'anyOf':
            if (/claims\./.test(path))
                msg = 'must be a string, number, boolean, { pattern: "<regex>" } or a list of those';
            else if (path === 'store')
                msg = 'must be "memory", a redis:// or rediss:// URL, or { redis: { url, password_env, ca_file, ... } }';
            break;
        case 'propertyNames': {
            const name = e.params.propertyName;
            msg = path === 'secrets'
                ? 'secret names must match ^[A-Za-z_][A-Za-z0-9_]*$ (they become environment variable names)'
                : 'names may hold letters, digits and _ . - (a letter or digit first)';
            path = path ? `${path}.${name}` : name;
            break;
        }
    }
    return `${path || '(top level)'}: ${msg}`;
}

;// CONCATENATED MODULE: ./src/broker/config/load.ts
// Reads the broker's YAML, validates it against the JSON Schema, then builds the configuration section by
// section, each loader checking what a schema cannot say (references between sections, regexes that compile,
// issuer URLs, readable files). Every problem is reported by its path in the file, all at once, so an
// operator fixes the file in one pass.
















async function loadConfigFile(file, opts = {}) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        throw new errors/* ConfigError */.xL(file, [`cannot read the file: ${e.code ?? e.message}`]);
    }
    return parseConfig(text, file, opts);
}
async function parseConfig(text, file, opts = {}) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw new errors/* ConfigError */.xL(file, doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
    }
    const raw = doc.toJS();
    return buildConfig(raw, file, { numberSources: claimNumberSources(doc), ...opts });
}
/**
 * How the file wrote each number in a claim condition (`policies[0].claims.repository_id` -> `9007199254740993`):
 * by the time the YAML is JavaScript, `9007199254740993` is 9007199254740992 and `0x10` is 16, so only the
 * source text can tell the operator which ID they wrote.
 */
function claimNumberSources(doc) {
    const out = new Map();
    const policies = doc.get('policies', true);
    if (!(0,dist/* isSeq */.oP)(policies))
        return out;
    policies.items.forEach((p, n) => {
        const claims = (0,dist/* isMap */.jh)(p) ? p.get('claims', true) : undefined;
        if (!(0,dist/* isMap */.jh)(claims))
            return;
        for (const pair of claims.items) {
            const claim = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : undefined;
            if (claim === undefined)
                continue;
            const at = `policies[${n}].claims.${claim}`;
            const record = (node, path) => {
                if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'number' && typeof node.source === 'string')
                    out.set(path, node.source);
            };
            if ((0,dist/* isSeq */.oP)(pair.value))
                pair.value.items.forEach((item, k) => record(item, `${at}[${k}]`));
            else
                record(pair.value, at);
        }
    });
    return out;
}
async function buildConfig(raw, file, opts = {}) {
    // Schema problems and cross-reference problems are reported together, so one pass fixes the file. The
    // section loaders therefore look only at entries that have the right shape (the schema reports the rest).
    const problems = schemaProblems(raw);
    if (!isObject(raw))
        throw new errors/* ConfigError */.xL(file, problems.length ? problems : ['(top level): must be a mapping']);
    const ctx = sectionContext(file, problems, opts);
    // In the order their problems are reported; a loader may use what an earlier one built.
    const issuers = loadIssuers(raw.issuers, ctx);
    const githubApps = await loadGitHubApps(raw.github_apps, ctx);
    const revocation = await loadRevocation(raw.revocation, ctx);
    const backends = await loadBackends(raw.backends, ctx);
    const admin = await loadAdmin(raw.admin, ctx);
    const secrets = await loadSecrets(raw.secrets, ctx, { backends, githubApps, appsSection: raw.github_apps });
    const policies = loadPolicies(raw.policies, ctx, { issuers, secretsSection: raw.secrets });
    const store = await loadStore(raw.store, ctx);
    const lintFindings = lintPolicies(raw, ctx);
    const listen = await loadListen(raw.listen, ctx);
    if (problems.length > 0) {
        await backends.close();
        throw new errors/* ConfigError */.xL(file, problems);
    }
    return {
        listen,
        audience: raw.audience,
        issuers,
        secrets,
        policies,
        store: store.spec,
        storeStartupWaitSeconds: store.startupWaitSeconds,
        backends,
        admin,
        githubApps,
        revocation,
        lintFindings,
    };
}


/***/ }),

/***/ 27662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wz: () => (/* binding */ BrokerError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export statusOf */
// Every failure the broker reports has a stable code (what clients and tests match on), an HTTP status
// (set here, in one place) and a message that tells the caller what to fix. Messages never carry a secret,
// a token, or another policy's patterns.
const STATUS = {
    token_missing: 401,
    token_malformed: 401,
    token_too_large: 401,
    token_expired: 401,
    token_not_yet_valid: 401,
    token_too_old: 401,
    claim_missing: 401,
    issuer_not_trusted: 401,
    audience_mismatch: 401,
    algorithm_not_allowed: 401,
    unknown_key: 401,
    signature_invalid: 401,
    token_replayed: 401,
    unauthorized: 401,
    body_malformed: 400,
    unknown_secret: 400,
    no_policy_matched: 403,
    secret_not_granted: 403,
    not_found: 404,
    method_not_allowed: 405,
    not_acceptable: 406,
    request_timeout: 408,
    body_too_large: 413,
    unsupported_media_type: 415,
    headers_too_large: 431,
    rate_limited: 429,
    internal_error: 500,
    upstream_unavailable: 503,
    secret_unavailable: 503,
    // GitHub App tokens: a request may narrow its policy's grant, never widen it (403); GitHub refusing the
    // broker's app is the broker operator's to fix, not the caller's (502).
    github_scope_not_granted: 403,
    github_app_unauthorized: 502,
    github_app_not_installed: 502,
    github_permission_refused: 502,
    // Token Revocation API: an unsupported type is a 400 that GitLab does not retry.
    unsupported_token_type: 400,
    // Mutual TLS: the exchange needs a client certificate signed by listen.tls.client_ca.
    client_certificate_required: 401,
    // The admin API's reload: the file on disk does not load (the running configuration keeps serving).
    config_invalid: 400,
};
class BrokerError extends Error {
    code;
    status;
    /** Seconds the client should wait (429 and some 503s). */
    retryAfter;
    /** Detail for the broker's own log only: never sent to the client. */
    detail;
    constructor(code, message, opts = {}) {
        super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.name = 'BrokerError';
        this.code = code;
        this.status = STATUS[code];
        this.retryAfter = opts.retryAfter;
        this.detail = opts.detail;
    }
    toJSON() {
        return { error: this.code, message: this.message };
    }
}
function statusOf(code) {
    return STATUS[code];
}
/** A configuration problem, with every finding listed by its path in the file. */
class ConfigError extends Error {
    problems;
    constructor(file, problems) {
        super(`${file}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.name = 'ConfigError';
        this.problems = problems;
    }
}


/***/ }),

/***/ 78138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ AppJwt),
/* harmony export */   Ug: () => (/* binding */ parseAppKey),
/* harmony export */   yy: () => (/* binding */ keyFingerprint)
/* harmony export */ });
/* unused harmony exports IAT_BACKDATE_SECONDS, EXP_AHEAD_SECONDS, REFRESH_BEFORE_SECONDS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72896);
// A GitHub App authenticates as itself with a short RS256 JWT signed by its private key (seed 004):
// `iat` 60 s in the past (GitHub's clocks may lag ours), `exp` at most 10 minutes after `iat`'s real time,
// `iss` the app ID or its client ID. The key GitHub hands out is PKCS#1 PEM (`BEGIN RSA PRIVATE KEY`), which
// jose cannot import from text; node:crypto reads both PKCS#1 and PKCS#8 into a KeyObject, which jose signs with.


/** How far back `iat` is set: GitHub's own recommendation against clock drift. */
const IAT_BACKDATE_SECONDS = 60;
/**
 * How far ahead `exp` is set. GitHub refuses more than 10 minutes; a full 10 fails whenever our clock runs a
 * second ahead of GitHub's, so stay a minute short of it.
 */
const EXP_AHEAD_SECONDS = 9 * 60;
/** A cached JWT is replaced this long before it expires, so a request never carries one about to lapse. */
const REFRESH_BEFORE_SECONDS = 60;
/**
 * Reads an app's private key from PEM text. Throws with a message that says what is wrong with it (never the
 * key itself).
 */
function parseAppKey(pem) {
    if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) {
        if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem)) {
            throw new Error('is an encrypted private key; download the key from the GitHub App settings page and use it as is (unencrypted)');
        }
        if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem))
            throw new Error('is a public key; the broker needs the app\'s private key');
        throw new Error('is not a PEM private key (expected "-----BEGIN RSA PRIVATE KEY-----" as GitHub downloads it, or PKCS#8 "-----BEGIN PRIVATE KEY-----")');
    }
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: pem, format: 'pem' });
    }
    catch (e) {
        throw new Error(`cannot be read as a private key (${e.code ?? 'invalid PEM'})`);
    }
    if (key.asymmetricKeyType !== 'rsa') {
        throw new Error(`is an ${key.asymmetricKeyType?.toUpperCase() ?? 'unknown'} key; GitHub App keys are RSA (RS256)`);
    }
    return key;
}
/**
 * The key's fingerprint as GitHub's app settings page shows it: SHA-256 of the DER SubjectPublicKeyInfo, in
 * base64, the same as `openssl rsa -in KEY -pubout -outform DER | openssl sha256 -binary | openssl base64`.
 */
function keyFingerprint(key) {
    const der = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key).export({ type: 'spki', format: 'der' });
    return `SHA256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('base64')}`;
}
/** Signs the app's JWTs and reuses one until shortly before it expires. */
class AppJwt {
    issuer;
    key;
    now;
    cached;
    constructor(
    /** The app ID or the client ID: GitHub accepts either as `iss`. */
    issuer, key, now = Date.now) {
        this.issuer = issuer;
        this.key = key;
        this.now = now;
    }
    async token() {
        const t = Math.floor(this.now() / 1000);
        if (this.cached && t < this.cached.exp - REFRESH_BEFORE_SECONDS)
            return this.cached.jwt;
        const iat = t - IAT_BACKDATE_SECONDS;
        const exp = t + EXP_AHEAD_SECONDS;
        const jwt = await new jose__WEBPACK_IMPORTED_MODULE_1__/* .SignJWT */ .P({})
            .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
            .setIssuer(this.issuer)
            .setIssuedAt(iat)
            .setExpirationTime(exp)
            .sign(this.key);
        this.cached = { jwt, exp };
        return jwt;
    }
    /** Forget the cached JWT (after GitHub refused it, a fresh one is worth one more try). */
    reset() {
        this.cached = undefined;
    }
}


/***/ }),

/***/ 13706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EZ: () => (/* binding */ revokeInstallationToken),
/* harmony export */   FE: () => (/* binding */ GitHubApp),
/* harmony export */   ZB: () => (/* binding */ DEFAULT_GITHUB_API)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);
/* harmony import */ var _app_jwt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78138);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27662);



const DEFAULT_GITHUB_API = 'https://api.github.com';
const MAX_RESPONSE_BYTES = 1024 * 1024;
const API_HEADERS = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'oidc-exchange-broker',
};
class GitHubApp {
    settings;
    fingerprint;
    jwt;
    installationId;
    constructor(settings, now = Date.now) {
        this.settings = settings;
        if (settings.key) {
            this.fingerprint = (0,_app_jwt_js__WEBPACK_IMPORTED_MODULE_1__/* .keyFingerprint */ .yy)(settings.key);
            this.jwt = new _app_jwt_js__WEBPACK_IMPORTED_MODULE_1__/* .AppJwt */ .$9(settings.issuer, settings.key, now);
        }
    }
    /** The URL a holder revokes one of this app's installation tokens with (the revoke contract). */
    get revokeUrl() {
        return `${this.settings.apiUrl}/installation/token`;
    }
    async createToken(scope) {
        let id = await this.findInstallation();
        const body = { permissions: scope.permissions };
        if (scope.repositories)
            body.repositories = scope.repositories;
        let res = await this.asApp('POST', `/app/installations/${id}/access_tokens`, body);
        if (res.status === 404) {
            // The app may have been uninstalled and installed again since the id was cached: look it up once more.
            this.installationId = undefined;
            id = await this.findInstallation();
            res = await this.asApp('POST', `/app/installations/${id}/access_tokens`, body);
        }
        if (res.status !== 201)
            throw this.refusal(res, `creating a token for installation ${id}`);
        const token = res.body.token;
        const expiresAt = new Date(String(res.body.expires_at));
        if (typeof token !== 'string' || token === '' || Number.isNaN(expiresAt.getTime())) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz('upstream_unavailable', 'GitHub answered the token request with something that is not a token; try again later', {
                detail: `github app ${this.settings.name}: 201 without token/expires_at`,
            });
        }
        const repos = Array.isArray(res.body.repositories)
            ? res.body.repositories.map((r) => String(r.name))
            : 'all';
        return { token, expiresAt, permissions: (res.body.permissions ?? {}), repositories: repos };
    }
    /** Looks up (once) the installation of this app on the configured owner. */
    findInstallation() {
        if (!this.installationId) {
            this.installationId = this.lookUpInstallation();
            // A failed lookup is not cached: the operator may install the app a minute later.
            this.installationId.catch(() => {
                this.installationId = undefined;
            });
        }
        return this.installationId;
    }
    async lookUpInstallation() {
        const owner = this.settings.owner;
        const candidates = owner.includes('/')
            ? [`/repos/${owner.split('/').map(encodeURIComponent).join('/')}/installation`]
            : [`/orgs/${encodeURIComponent(owner)}/installation`, `/users/${encodeURIComponent(owner)}/installation`];
        let last;
        for (const path of candidates) {
            last = await this.asApp('GET', path);
            if (last.status === 200 && typeof last.body.id === 'number')
                return last.body.id;
            if (last.status !== 404)
                break;
        }
        throw this.refusal(last, `finding the installation on ${owner}`);
    }
    async asApp(method, path, body) {
        if (!this.jwt) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz('secret_unavailable', 'the broker cannot mint GitHub tokens right now; its operator has been told', {
                detail: `github app ${this.settings.name}: no private key loaded (${this.settings.keyOrigin})`,
            });
        }
        let res = await this.call(method, path, `Bearer ${await this.jwt.token()}`, body);
        if (res.status === 401) {
            // A cached JWT can be refused after a clock jump on either side: one fresh JWT, then give up.
            this.jwt.reset();
            res = await this.call(method, path, `Bearer ${await this.jwt.token()}`, body);
        }
        return res;
    }
    call(method, path, authorization, body) {
        return callGitHub(this.settings.apiUrl, method, path, authorization, body, this.settings.timeoutSeconds, this.settings.name);
    }
    /** GitHub's refusal as a broker error that names what the operator has to fix. */
    refusal(res, doing) {
        const app = this.settings.name;
        const said = typeof res.body.message === 'string' ? res.body.message : `HTTP ${res.status}`;
        const detail = `github app ${app}: ${doing}: GitHub answered ${res.status}: ${said}`;
        switch (res.status) {
            case 401:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz('github_app_unauthorized', `GitHub refused the broker's GitHub App "${app}" (${said}); the broker's operator must check that github_apps.${app} has the right app_id/client_id and a current private key (compare the key fingerprint in the broker's start-up log with the app's settings page), and that the broker's clock is right`, { detail });
            case 403:
            case 404:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz('github_app_not_installed', `the broker's GitHub App "${app}" is not installed on ${this.settings.owner}; the broker's operator must install it there (or fix github_apps.${app}.owner)`, { detail });
            case 422:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz('github_permission_refused', `GitHub refused the token the policy grants (${said}); the broker's operator must give the GitHub App "${app}" those permissions and repositories (then accept them on the installation), or narrow the policy's grant`, { detail });
            default:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz('upstream_unavailable', 'GitHub could not mint a token right now; try again later', {
                    detail,
                    retryAfter: res.status === 429 || res.status >= 500 ? 30 : undefined,
                });
        }
    }
}
/**
 * Revokes an installation token with the token itself (`DELETE /installation/token`). GitHub answers 204; a
 * 401 means the token is already dead (expired or revoked), which is what the caller wanted.
 */
async function revokeInstallationToken(apiUrl, token, timeoutSeconds = 10) {
    const res = await callGitHub(apiUrl, 'DELETE', '/installation/token', `Bearer ${token}`, undefined, timeoutSeconds, 'revocation');
    if (res.status === 204)
        return 'revoked';
    if (res.status === 401)
        return 'already_dead';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz('upstream_unavailable', 'GitHub could not revoke the token right now; try again later', {
        detail: `DELETE ${apiUrl}/installation/token answered ${res.status}`,
        retryAfter: 30,
    });
}
async function callGitHub(apiUrl, method, path, authorization, body, timeoutSeconds, who) {
    const headers = { ...API_HEADERS, authorization };
    if (body !== undefined)
        headers['content-type'] = 'application/json';
    try {
        const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(`${apiUrl}${path}`, {
            method: method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            headersTimeout: timeoutSeconds * 1000,
            bodyTimeout: timeoutSeconds * 1000,
        });
        const text = await readLimited(res.body);
        let parsed = {};
        try {
            const v = text ? JSON.parse(text) : {};
            if (v && typeof v === 'object' && !Array.isArray(v))
                parsed = v;
        }
        catch {
            /* GitHub answers JSON; a proxy's HTML error page is reported by status alone */
        }
        return { status: res.statusCode, body: parsed };
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz('upstream_unavailable', 'GitHub cannot be reached from the broker right now; try again later', {
            detail: `${who}: ${method} ${apiUrl}${path}: ${e.code ?? e.message}`,
            retryAfter: 30,
        });
    }
}
async function readLimited(body) {
    const chunks = [];
    let size = 0;
    for await (const c of body) {
        size += c.length;
        if (size > MAX_RESPONSE_BYTES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz('upstream_unavailable', 'GitHub sent an oversized answer; try again later');
        chunks.push(Buffer.from(c));
    }
    return Buffer.concat(chunks).toString('utf8');
}


/***/ }),

/***/ 85923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ httpsOptions),
/* harmony export */   nu: () => (/* binding */ secureContextOptions),
/* harmony export */   xX: () => (/* binding */ checkClientCertificate)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27662);

/** What `setSecureContext` takes on a reload: the files' contents. */
function secureContextOptions(t) {
    return { cert: t.cert, key: t.key, ...(t.clientCa ? { ca: t.clientCa } : {}) };
}
/** The HTTPS server's options at start-up. */
function httpsOptions(t) {
    return {
        ...secureContextOptions(t),
        minVersion: 'TLSv1.2',
        ...(t.clientCa ? { requestCert: true, rejectUnauthorized: t.clientAuth === 'all' } : {}),
    };
}
/** Mutual TLS for the exchange: a client certificate signed by listen.tls.client_ca (`client_auth: exchange`). */
function checkClientCertificate(tls, socket, audit) {
    if (!tls?.clientCa)
        return;
    if (!socket.authorized) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('client_certificate_required', 'this broker requires a client certificate signed by its client CA for exchanges (mutual TLS); configure the client with one');
    }
    const cn = socket.getPeerCertificate()?.subject?.CN;
    if (cn)
        audit.client_cert = Array.isArray(cn) ? cn.join(',') : cn;
}


/***/ }),

/***/ 49798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hy: () => (/* binding */ settleSecrets),
/* harmony export */   Iq: () => (/* binding */ tokenHash),
/* harmony export */   ew: () => (/* binding */ recordIssuances),
/* harmony export */   qT: () => (/* binding */ revokeIssued)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27662);
/* harmony import */ var _github_app_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(13706);
/* harmony import */ var _sources_github_app_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73519);
// Tokens the broker mints: settled together (one failure revokes the others again, so a refused exchange
// leaves no live token behind), recorded in the store by hash (so the revocation API knows them if they leak),
// and revoked by kind. The token itself is never stored or logged: only its SHA-256.




function tokenHash(token) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(token, 'utf8').digest('hex');
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz('upstream_unavailable', "the broker cannot record the tokens it mints right now, so it hands none out; try again later", {
            detail: `recording issuances: ${e.message}`,
            retryAfter: 5,
        });
    }
    return minted.filter((s) => s.revoke).map((s) => ({ name: s.name, method: s.revoke.method, url: s.revoke.url }));
}
/** Revokes one issued token at its provider, by kind. */
async function revokeIssued(kind, meta, token) {
    if (kind === _sources_github_app_js__WEBPACK_IMPORTED_MODULE_3__/* .GITHUB_INSTALLATION_TOKEN */ .vF && meta?.api_url)
        return (0,_github_app_js__WEBPACK_IMPORTED_MODULE_2__/* .revokeInstallationToken */ .EZ)(meta.api_url, token);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz('internal_error', 'the broker does not know how to revoke this token', { detail: `no revoker for kind ${kind}` });
}
async function discard(secrets) {
    await Promise.allSettled(secrets.filter((s) => s.issuance).map((s) => revokeIssued(s.issuance.kind, s.issuance.meta, s.value)));
}


/***/ }),

/***/ 53710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y0: () => (/* binding */ RULES),
  V5: () => (/* binding */ describeBlocking),
  Us: () => (/* binding */ isBlocking),
  iv: () => (/* binding */ lintConfig)
});

// UNUSED EXPORTS: ruleById

;// CONCATENATED MODULE: ./src/broker/lint/matchers.ts
/** Characters a `\` makes literal in a `u`-mode regular expression. */
const SYNTAX_ESCAPES = new Set([...'^$\\.*+?()[]{}|/-']);
const CONTROL_ESCAPES = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
/** A `{pattern}` source as literal characters and metacharacters; classes and escapes like `\d` are meta. */
function patternTokens(source) {
    const out = [];
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\') {
            const n = source[i + 1] ?? '';
            if (SYNTAX_ESCAPES.has(n))
                out.push({ literal: n });
            else if (n in CONTROL_ESCAPES && !(n === '0' && /[0-9]/.test(source[i + 2] ?? '')))
                out.push({ literal: CONTROL_ESCAPES[n] });
            else if (n === 'x' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 2, i + 4))) {
                out.push({ literal: String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16)) });
                i += 2;
            }
            else if (n === 'u' && /^[0-9A-Fa-f]{4}$/.test(source.slice(i + 2, i + 6))) {
                out.push({ literal: String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)) });
                i += 4;
            }
            else
                out.push({ meta: `\\${n}` });
            i++;
        }
        else if (c === '[') {
            // A class, up to its unescaped closing bracket.
            let j = i + 1;
            if (source[j] === ']')
                j++;
            while (j < source.length && source[j] !== ']')
                j += source[j] === '\\' ? 2 : 1;
            out.push({ meta: source.slice(i, j + 1) });
            i = j;
        }
        else if ('^$.*+?(){}|'.includes(c))
            out.push({ meta: c });
        else
            out.push({ literal: c });
    }
    return out;
}
function isLiteral(t) {
    return 'literal' in t;
}
/** Whether a pattern has an alternation outside every group: `a/b|c` accepts `c`, whatever `a/b` says. */
function hasTopLevelAlternation(source) {
    let depth = 0;
    for (const t of patternTokens(source)) {
        if (isLiteral(t))
            continue;
        if (t.meta === '(')
            depth++;
        else if (t.meta === ')')
            depth--;
        else if (t.meta === '|' && depth === 0)
            return true;
    }
    return false;
}
/** The one value a matcher accepts, when it accepts exactly one: an exact string, or a pattern of literals. */
function literalOf(m) {
    if (m.kind === 'exact')
        return m.source;
    if (m.kind === 'glob')
        return undefined;
    // `^` and `$` at the ends repeat the anchors the broker adds: `^main$` is as literal as `main`.
    const tokens = patternTokens(m.source);
    if (tokens[0] && !isLiteral(tokens[0]) && tokens[0].meta === '^')
        tokens.shift();
    const last = tokens.at(-1);
    if (last && !isLiteral(last) && last.meta === '$')
        tokens.pop();
    if (!tokens.every(isLiteral))
        return undefined;
    const text = tokens.map((t) => t.literal).join('');
    return m.test(text) ? text : undefined;
}
/**
 * Fixed text every accepted value starts with, as far as the source shows: the whole value for a literal,
 * the text before the first wildcard of a glob, the leading literals of a pattern (a literal followed by a
 * quantifier is not fixed; a top-level alternation fixes nothing).
 */
function literalPrefix(m) {
    const lit = literalOf(m);
    if (lit !== undefined)
        return lit;
    if (m.kind === 'glob')
        return m.source.slice(0, m.source.search(/[*?]/));
    if (hasTopLevelAlternation(m.source))
        return '';
    const tokens = patternTokens(m.source);
    let prefix = '';
    for (let i = tokens[0] && !isLiteral(tokens[0]) && tokens[0].meta === '^' ? 1 : 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (!isLiteral(t))
            break;
        const next = tokens[i + 1];
        if (next && !isLiteral(next) && ['*', '?', '{', '+'].includes(next.meta))
            break;
        prefix += t.literal;
    }
    return prefix;
}
/**
 * A value the matcher accepts, built from its source (wildcards filled with `fill`), or undefined when none
 * can be built. Used to show an operator a concrete value a wildcard lets in; always confirmed by `test`.
 */
function sampleOf(m, fill = 'x') {
    const lit = literalOf(m);
    if (lit !== undefined)
        return lit;
    if (m.kind === 'glob') {
        // A wildcard after a name continues it (`octo-org*` -> `octo-org-evil`); anywhere else it stands alone.
        const s = m.source.replace(/\*\*|\*|\?/g, (w, at) => {
            if (w === '?')
                return 'x';
            return /[A-Za-z0-9]/.test(m.source[at - 1] ?? '') ? fill : fill.replace(/^[^A-Za-z0-9]+/, '');
        });
        return m.test(s) ? s : undefined;
    }
    return undefined;
}
/** The owner an entry admits: one literal owner, a wildcard owner, or no owner at all (a value of another shape). */
function ownerOf(m, format) {
    const lit = literalOf(m);
    const text = lit ?? literalPrefix(m);
    const complete = lit !== undefined;
    const upTo = (s, stops) => {
        const end = s.search(stops);
        if (end > 0)
            return { literal: s.slice(0, end) };
        if (end === 0)
            return { none: true };
        return complete && s.length > 0 ? { literal: s } : { wildcard: true };
    };
    switch (format) {
        case 'whole':
            return complete ? { literal: text } : { wildcard: true };
        case 'path':
            return upTo(text, /\//);
        case 'github-sub': {
            // A subject whose fixed text does not reach the `repo:` key leaves the owner to a wildcard; a literal
            // subject without one (a customized subject without `repo`) names no owner.
            const at = repoKeyAt(text);
            if (at < 0)
                return complete ? { none: true } : { wildcard: true };
            return upTo(text.slice(at + 'repo:'.length), /[/@:]/);
        }
        case 'gitlab-sub': {
            if (!text.startsWith('project_path:'))
                return complete ? { none: true } : { wildcard: true };
            return upTo(text.slice('project_path:'.length), /[/:]/);
        }
    }
}
/** Where the `repo:` key of a GitHub subject starts in fixed text (at the start or after a `:`), or -1. */
function repoKeyAt(text) {
    if (text.startsWith('repo:'))
        return 0;
    const i = text.indexOf(':repo:');
    return i < 0 ? -1 : i + 1;
}
/** The `OWNER/REPO` (or immutable `OWNER@ID/REPO@ID`) a GitHub subject entry fixes, when its fixed text does. */
function subRepoOf(m) {
    const lit = literalOf(m);
    return subRepoIn(lit ?? literalPrefix(m), lit !== undefined);
}
/** The repository part of a subject's fixed text; `complete` when the text is the whole value. */
function subRepoIn(text, complete) {
    const at = repoKeyAt(text);
    if (at < 0)
        return undefined;
    const rest = text.slice(at + 'repo:'.length);
    const end = rest.indexOf(':');
    if (end < 0)
        return complete && rest.includes('/') ? rest : undefined;
    const repo = rest.slice(0, end);
    return repo.includes('/') ? repo : undefined;
}
/** The `GROUP/.../PROJECT` a GitLab subject entry fixes, when its fixed text does. */
function subProjectOf(m) {
    const text = literalOf(m) ?? literalPrefix(m);
    const mm = /^project_path:([^:]+\/[^:]+):/.exec(text);
    return mm?.[1];
}
/** Accepts the value "true" and refuses "false" (and the empty string): GitLab's protected flags. */
function acceptsOnlyTrue(entries) {
    const ok = (v) => entries.some((m) => m.test(v));
    return ok('true') && !ok('false') && !ok('');
}

// EXTERNAL MODULE: ./src/platform/claims.ts
var claims = __webpack_require__(52926);
// EXTERNAL MODULE: ./src/broker/policy/policy.ts
var policy = __webpack_require__(79360);
;// CONCATENATED MODULE: ./src/broker/lint/model.ts
// The configuration as the lint rules read it: every policy with its conditions compiled by the broker's own
// compileMatcher, each entry with its path in the file, and each issuer with its kind. Built from the raw
// configuration (the parsed YAML), so it can be linted even when other sections have problems.


function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function asList(v) {
    return Array.isArray(v) ? v : [];
}
/** `numberSources`: how the YAML file wrote each number under `policies[*].claims`, by path. */
function lintModel(raw, numberSources = new Map()) {
    const cfg = isObject(raw) ? raw : {};
    const rawPolicies = asList(cfg.policies);
    const claimsByIssuer = new Map();
    for (const p of rawPolicies) {
        if (!isObject(p) || typeof p.issuer !== 'string' || !isObject(p.claims))
            continue;
        claimsByIssuer.set(p.issuer, [...(claimsByIssuer.get(p.issuer) ?? []), ...Object.keys(p.claims)]);
    }
    const issuers = asList(cfg.issuers).flatMap((i) => {
        if (!isObject(i) || typeof i.id !== 'string' || typeof i.issuer !== 'string')
            return [];
        const url = i.issuer.replace(/\/+$/, '');
        return [{ id: i.id, url, kind: (0,claims/* issuerKind */.W8)(url, claimsByIssuer.get(i.id) ?? []), multiTenant: (0,claims/* isMultiTenant */.sA)(url) }];
    });
    const policies = rawPolicies.flatMap((p, index) => {
        if (!isObject(p) || !isObject(p.claims))
            return [];
        const path = `policies[${index}]`;
        const conditions = [];
        const patterns = [];
        const numbers = [];
        for (const [claim, spec] of Object.entries(p.claims)) {
            const condPath = `${path}.claims.${claim}`;
            const list = Array.isArray(spec) ? spec : [spec];
            const entries = [];
            list.forEach((m, k) => {
                const entryPath = Array.isArray(spec) ? `${condPath}[${k}]` : condPath;
                if (isObject(m) && typeof m.pattern === 'string')
                    patterns.push({ path: entryPath, claim, pattern: m.pattern });
                if (typeof m === 'number')
                    numbers.push({ path: entryPath, claim, value: m, source: numberSources.get(entryPath) });
                const valid = typeof m === 'string' || typeof m === 'number' || typeof m === 'boolean' || (isObject(m) && typeof m.pattern === 'string');
                if (!valid)
                    return;
                try {
                    entries.push({ path: entryPath, matcher: (0,policy/* compileMatcher */.qM)(m) });
                }
                catch {
                    /* the loader reports it */
                }
            });
            if (entries.length === list.length && entries.length > 0)
                conditions.push({ claim, path: condPath, entries });
        }
        const complete = conditions.length > 0 && conditions.length === Object.keys(p.claims).length;
        const overrides = asList(p.allow_risky).filter((o) => isObject(o) && typeof o.rule === 'string' && typeof o.reason === 'string');
        return [{
                index,
                name: typeof p.name === 'string' ? p.name : `#${index}`,
                path,
                issuer: issuers.find((i) => i.id === p.issuer),
                conditions: complete ? conditions : [],
                complete,
                secrets: asList(p.secrets).filter((s) => typeof s === 'string'),
                singleUse: p.single_use !== false,
                overrides,
                patterns,
                numbers,
            }];
    });
    return { audience: typeof cfg.audience === 'string' ? cfg.audience : undefined, issuers, policies };
}
/** The policy's condition on a claim, if it has one. */
function conditionOn(p, claim) {
    return p.conditions.find((c) => c.claim === claim);
}
/** Whether any entry of the condition accepts the value (false when there is no such condition). */
function accepts(c, value) {
    return c !== undefined && c.entries.some((e) => e.matcher.test(value));
}
/**
 * A rule that looks at one policy at a time: only complete policies, unless the rule is about how entries
 * are written (`anyPolicy`), which holds for the entries the loader refuses too.
 */
function eachPolicy(fn, opts = {}) {
    return (cfg) => cfg.policies.filter((p) => p.complete || opts.anyPolicy).flatMap((p) => fn(p, cfg).map((h) => ({ ...h, policy: p })));
}

;// CONCATENATED MODULE: ./src/broker/lint/rules-context.ts
// Which runs of a trusted repository may get the secrets: events that run untrusted code with the
// repository's identity, unprotected branches, environments, self-hosted runners, reusable workflows at any
// ref. Every "does it accept X" question here is a call to the broker's compiled matcher with a probe value.


/** Probe values: names nobody would configure on purpose, so accepting them means accepting anything. */
const ANY_BRANCH = ['refs/heads/lint-probe-any-branch', 'refs/heads/lint/probe-any-branch'];
const ANY_SHA = '0123456789abcdef0123456789abcdef01234567';
const ANY_NAME = 'lint-probe-any-name';
function kindOf(p) {
    const k = p.issuer?.kind;
    return k === 'github' || k === 'gitlab' ? k : undefined;
}
function isLiteralCondition(c) {
    return c !== undefined && c.entries.every((e) => literalOf(e.matcher) !== undefined);
}
/** A literal `sub` whose every entry names an environment context (`...:environment:NAME`). */
function subPinsEnvironment(p) {
    const sub = conditionOn(p, 'sub');
    return isLiteralCondition(sub) && sub.entries.every((e) => /(^|:)environment:[^:]+/.test(literalOf(e.matcher)));
}
function hasEnvironment(p) {
    return conditionOn(p, 'environment') !== undefined || subPinsEnvironment(p);
}
const untrustedTriggerEvent = {
    id: 'untrusted-trigger-event',
    severity: 'error',
    risk: "pull_request_target and workflow_run run with the base repository's identity while handling code or artifacts from forks: the token is the repository's, the code is the attacker's",
    fix: 'event_name: [push, workflow_dispatch] (or an environment with required reviewers)',
    overridable: true,
    check: eachPolicy((p) => {
        const c = conditionOn(p, 'event_name');
        const bad = ['pull_request_target', 'workflow_run'].filter((e) => accepts(c, e));
        return bad.length ? [{ path: c.path, message: `event_name accepts ${bad.join(' and ')}` }] : [];
    }),
};
const gitlabUnprotectedRef = {
    id: 'gitlab-unprotected-ref',
    severity: 'warning',
    risk: 'any developer can push a branch and run a pipeline on it: without a protected ref or environment, every branch of the project gets the secrets',
    fix: 'ref_protected: "true" (and environment_protected: "true")',
    overridable: true,
    check: eachPolicy((p) => {
        if (kindOf(p) !== 'gitlab')
            return [];
        const ref = conditionOn(p, 'ref_protected');
        const env = conditionOn(p, 'environment_protected');
        if ((ref && acceptsOnlyTrue(ref.entries.map((e) => e.matcher))) || (env && acceptsOnlyTrue(env.entries.map((e) => e.matcher))))
            return [];
        return [{ path: ref?.path ?? env?.path ?? `${p.path}.claims`, message: `policy ${p.name} does not require a protected ref or environment` }];
    }),
};
const githubAnyRef = {
    id: 'github-any-ref',
    severity: 'warning',
    risk: 'anyone who can push a branch (or a bot acting for them) can run a workflow there and get the secrets: branch protection and reviews do not apply',
    fix: 'ref: refs/heads/main, or an environment (with protection rules)',
    overridable: true,
    check: eachPolicy((p) => {
        if (kindOf(p) !== 'github' || hasEnvironment(p) || isLiteralCondition(conditionOn(p, 'sub')))
            return [];
        const ref = conditionOn(p, 'ref');
        if (ref && !ANY_BRANCH.some((b) => accepts(ref, b)))
            return [];
        return [{ path: ref?.path ?? `${p.path}.claims`, message: ref ? `ref accepts any branch (e.g. ${ANY_BRANCH[0]})` : `policy ${p.name} has no ref or environment condition: every branch qualifies` }];
    }),
};
/** `repo:O/R:` (GitHub) or `project_path:G/P:` (GitLab) when the entry's fixed text ends exactly there. */
function subContextPrefix(text) {
    const at = repoKeyAt(text);
    if (at >= 0) {
        const m = /^repo:[^:/]+\/[^:/]+:$/.exec(text.slice(at));
        if (m)
            return text;
    }
    if (/^project_path:[^:]+\/[^:]+:$/.test(text))
        return text;
    return undefined;
}
const subContextWildcard = {
    id: 'sub-context-wildcard',
    severity: 'warning',
    risk: "a wildcard after `repo:O/R:` crosses `:` (a glob `*` stops only at `/`): it accepts pull_request runs and any environment, not just the branches the author had in mind",
    fix: 'an exact sub, or individual claims (ref, environment, event_name)',
    overridable: true,
    check: eachPolicy((p) => {
        const c = conditionOn(p, 'sub');
        if (!c)
            return [];
        return c.entries.flatMap((e) => {
            if (literalOf(e.matcher) !== undefined)
                return [];
            const prefix = subContextPrefix(literalPrefix(e.matcher));
            if (!prefix)
                return [];
            const probes = prefix.startsWith('project_path:') ? [`${prefix}ref_type:branch:ref:${ANY_NAME}`] : [`${prefix}pull_request`, `${prefix}environment:${ANY_NAME}`];
            const accepted = probes.filter((v) => e.matcher.test(v));
            return accepted.length ? [{ path: e.path, message: `sub ${JSON.stringify(e.matcher.source)} accepts ${accepted.map((v) => JSON.stringify(v)).join(' and ')}` }] : [];
        });
    }),
};
const pullRequestGrant = {
    id: 'pull-request-grant',
    severity: 'warning',
    risk: 'pull request runs execute code that has not been reviewed or merged yet: whoever can open one in the repository can read the secrets',
    fix: 'grant after merge: push on a protected ref (event_name: push, ref: refs/heads/main)',
    overridable: true,
    check: eachPolicy((p) => {
        const hits = [];
        const event = conditionOn(p, 'event_name');
        if (accepts(event, 'pull_request'))
            hits.push({ path: event.path, message: 'event_name accepts pull_request' });
        const sub = conditionOn(p, 'sub');
        for (const e of sub?.entries ?? []) {
            const sample = sampleOf(e.matcher);
            const repo = subRepoOf(e.matcher) ?? (sample === undefined ? undefined : subRepoIn(sample, true));
            if (repo && e.matcher.test(`repo:${repo}:pull_request`))
                hits.push({ path: e.path, message: `sub accepts "repo:${repo}:pull_request"` });
        }
        const ref = conditionOn(p, 'ref');
        if (accepts(ref, 'refs/pull/1/merge'))
            hits.push({ path: ref.path, message: 'ref accepts pull request refs (refs/pull/1/merge)' });
        const source = conditionOn(p, 'pipeline_source');
        const mr = ['merge_request_event', 'external_pull_request_event'].filter((v) => accepts(source, v));
        if (mr.length)
            hits.push({ path: source.path, message: `pipeline_source accepts ${mr.join(' and ')}` });
        return hits;
    }),
};
const baseRefWithoutEvent = {
    id: 'base-ref-without-event',
    severity: 'warning',
    risk: "pull_request_target and workflow_run runs carry the base branch's ref: a ref condition alone admits them, running code from forks",
    fix: 'add event_name: [push, workflow_dispatch]',
    overridable: true,
    check: eachPolicy((p) => {
        const ref = conditionOn(p, 'ref');
        if (kindOf(p) !== 'github' || !ref || conditionOn(p, 'event_name') || hasEnvironment(p))
            return [];
        return [{ path: ref.path, message: `policy ${p.name} trusts a ref without saying which events: pull_request_target and workflow_run runs carry that ref too` }];
    }),
};
const environmentWildcard = {
    id: 'environment-wildcard',
    severity: 'warning',
    risk: 'anyone who can write a workflow can name a new environment that matches the wildcard, and an environment created that way has no protection rules',
    fix: 'one literal, protected environment',
    overridable: true,
    check: eachPolicy((p) => {
        const kind = kindOf(p);
        const c = conditionOn(p, 'environment');
        if (!kind || !c)
            return [];
        const protectedEnv = conditionOn(p, 'environment_protected');
        if (kind === 'gitlab' && protectedEnv && acceptsOnlyTrue(protectedEnv.entries.map((e) => e.matcher)))
            return [];
        return c.entries
            .filter((e) => literalOf(e.matcher) === undefined)
            .map((e) => ({ path: e.path, message: `environment ${JSON.stringify(e.matcher.source)} is a wildcard${e.matcher.test(ANY_NAME) ? ` (it accepts ${JSON.stringify(ANY_NAME)})` : ''}` }));
    }),
};
const productionWithoutEnvironment = {
    id: 'production-without-environment',
    severity: 'warning',
    risk: "production secrets without an environment skip the platform's deployment protection (required reviewers, branch rules, wait timers)",
    fix: 'add environment: production, with required reviewers on the platform',
    overridable: true,
    check: eachPolicy((p) => {
        if (!kindOf(p) || hasEnvironment(p))
            return [];
        const why = /prod/i.test(p.name) ? `its name ${JSON.stringify(p.name)}` : p.secrets.find((s) => /prod/i.test(s)) ? `secret ${p.secrets.find((s) => /prod/i.test(s))}` : undefined;
        return why ? [{ path: p.path, message: `policy ${p.name} looks like production (${why}) but has no environment condition` }] : [];
    }),
};
const selfHostedRunner = {
    id: 'self-hosted-runner',
    severity: 'warning',
    risk: 'self-hosted runners keep state between jobs, and on a public repository anyone may be able to run code on them: a secret handed to one can outlive the job',
    fix: 'runner_environment: github-hosted',
    overridable: true,
    check: eachPolicy((p) => {
        const runner = conditionOn(p, 'runner_environment');
        if (accepts(runner, 'self-hosted'))
            return [{ path: runner.path, message: 'runner_environment accepts self-hosted' }];
        if (runner)
            return [];
        return ['repository_visibility', 'project_visibility']
            .map((claim) => conditionOn(p, claim))
            .filter((c) => accepts(c, 'public'))
            .map((c) => ({ path: c.path, message: `${c.claim} accepts public repositories and no runner_environment condition excludes self-hosted runners` }));
    }),
};
const jobWorkflowRefUnpinned = {
    id: 'job-workflow-ref-unpinned',
    severity: 'warning',
    risk: 'a reusable workflow at any branch or commit is whatever anyone with push access (or a fork commit, for `@*`) makes it: the pin on the workflow then pins nothing',
    fix: 'pin @refs/heads/main (a protected branch) or a tag or commit SHA',
    overridable: true,
    check: eachPolicy((p) => {
        const c = conditionOn(p, 'job_workflow_ref');
        return (c?.entries ?? []).flatMap((e) => {
            if (literalOf(e.matcher) !== undefined)
                return [];
            const fixed = literalPrefix(e.matcher);
            const base = fixed.includes('@') ? fixed.slice(0, fixed.indexOf('@')) : sampleOf(e.matcher)?.split('@')[0];
            if (!base)
                return [];
            const probes = [...ANY_BRANCH.map((b) => `${base}@${b}`), `${base}@refs/pull/1/merge`, `${base}@${ANY_SHA}`];
            const hit = probes.find((v) => e.matcher.test(v));
            return hit ? [{ path: e.path, message: `job_workflow_ref accepts ${JSON.stringify(hit)}` }] : [];
        });
    }),
};
const mutableUserClaim = {
    id: 'mutable-user-claim',
    severity: 'warning',
    risk: 'user names and emails can be changed and then registered by someone else; actor is also whoever re-runs a job',
    fix: 'actor_id / user_id, and never as the only gate',
    overridable: true,
    check: eachPolicy((p) => p.conditions
        .filter((c) => ['actor', 'triggering_actor', 'user_login', 'user_email'].includes(c.claim))
        .map((c) => ({ path: c.path, message: `${c.claim} is a name its owner can change and someone else can then take` }))),
};
const contextRules = {
    untrustedTriggerEvent,
    gitlabUnprotectedRef,
    githubAnyRef,
    subContextWildcard,
    pullRequestGrant,
    baseRefWithoutEvent,
    environmentWildcard,
    productionWithoutEnvironment,
    selfHostedRunner,
    jobWorkflowRefUnpinned,
    mutableUserClaim,
};

;// CONCATENATED MODULE: ./src/broker/lint/rules-config.ts
// Rules about the configuration as a whole and about how matchers are written: the audience, patterns that
// escape their anchors or leave a dot unescaped, policies that can never decide, replayable tokens.



const patternEscapesAnchor = {
    id: 'pattern-escapes-anchor',
    severity: 'error',
    risk: 'a pattern with an unbalanced `)...(` closes the anchor group it is wrapped in: `octo-org/app)|(` becomes `^(?:octo-org/app)|()$`, which matches every value',
    fix: 'balance the parentheses (the broker refuses such a pattern at start-up whatever the lint says)',
    overridable: false,
    check: eachPolicy((p) => p.patterns.flatMap((x) => {
        const problem = (0,policy/* patternProblem */.AL)(x.pattern);
        return problem?.includes('pattern-escapes-anchor') ? [{ path: x.path, message: `pattern ${JSON.stringify(x.pattern)} is not a regular expression on its own, but wrapped in ^(?:...)$ it compiles and escapes the anchors` }] : [];
    }), { anyPolicy: true }),
};
/** Audiences that belong to other relying parties, or that GitHub uses by default. */
function foreignAudience(aud) {
    if (/^sts\.amazonaws\.com(\.cn)?$/.test(aud))
        return 'AWS STS';
    if (aud === 'api://AzureADTokenExchange')
        return 'Azure (Entra ID) workload identity federation';
    if (/^https:\/\/github\.com\/[^/]+\/?$/.test(aud))
        return "GitHub's default audience (the repository owner's URL), which every job gets without asking";
    if (aud.startsWith('//iam.googleapis.com/') || aud.startsWith('https://iam.googleapis.com/'))
        return 'Google Cloud workload identity federation';
    if (aud === 'pypi' || aud === 'testpypi')
        return 'PyPI trusted publishing';
    if (aud === 'npm:registry.npmjs.org')
        return 'npm trusted publishing';
    if (aud === 'crates.io')
        return 'crates.io trusted publishing';
    if (aud === 'sigstore')
        return 'Sigstore (Fulcio) signing';
    return undefined;
}
const audienceNotUnique = {
    id: 'audience-not-unique',
    severity: 'error',
    risk: "a token minted for another service (AWS, Azure, PyPI, ...) or with GitHub's default audience is accepted here, and a token sent here can be replayed there",
    fix: "the broker's own URL, e.g. https://broker.example.com",
    overridable: false,
    check(cfg) {
        const aud = cfg.audience;
        if (aud === undefined)
            return [];
        const other = foreignAudience(aud);
        if (other)
            return [{ path: 'audience', message: `audience ${JSON.stringify(aud)} is the one ${other} uses` }];
        const issuer = cfg.issuers.find((i) => i.url === aud.replace(/\/+$/, ''));
        if (issuer)
            return [{ path: 'audience', message: `audience ${JSON.stringify(aud)} is the URL of issuer ${issuer.id}` }];
        return [];
    },
};
/** Every entry of B's condition is accepted by A's: exact values tested, wildcards only when identical. */
function covers(a, b) {
    return b.entries.every((be) => {
        const lit = literalOf(be.matcher);
        if (lit !== undefined)
            return a.entries.some((ae) => ae.matcher.test(lit));
        return a.entries.some((ae) => ae.matcher.kind === be.matcher.kind && ae.matcher.source === be.matcher.source);
    });
}
const shadowedPolicy = {
    id: 'shadowed-policy',
    severity: 'warning',
    risk: 'the first policy that matches decides: a later policy that only matches tokens an earlier one already matches never grants anything, and its narrower secrets or conditions are an illusion',
    fix: 'put narrow policies first',
    overridable: true,
    check(cfg) {
        const hits = [];
        cfg.policies.forEach((b, j) => {
            if (!b.issuer || !b.complete)
                return;
            const a = cfg.policies.slice(0, j).find((a) => a.issuer?.id === b.issuer.id && a.conditions.length > 0 && a.conditions.every((ac) => {
                const bc = b.conditions.find((c) => c.claim === ac.claim);
                return bc !== undefined && covers(ac, bc);
            }));
            if (a)
                hits.push({ policy: b, path: b.path, message: `policy ${a.name} (${a.path}) comes first and matches every token policy ${b.name} matches: ${b.name} never decides` });
        });
        return hits;
    },
};
/** A `.` outside a class that is not followed by a quantifier: almost always meant literally. */
function unescapedDot(pattern) {
    const tokens = patternTokens(pattern);
    return tokens.some((t, i) => 'meta' in t && t.meta === '.' && !(tokens[i + 1] && 'meta' in tokens[i + 1] && ['*', '+', '?', '{'].includes(tokens[i + 1].meta)));
}
const unescapedRegexDot = {
    id: 'unescaped-regex-dot',
    severity: 'warning',
    risk: 'in a pattern `.` is any character: `release.yml` also matches `releaseXyml`, and `octo.org` matches `octo-org`',
    fix: 'escape it: `\\.`',
    overridable: true,
    check: eachPolicy((p) => p.patterns.filter((x) => (0,policy/* patternProblem */.AL)(x.pattern) === undefined && unescapedDot(x.pattern)).map((x) => ({ path: x.path, message: `pattern ${JSON.stringify(x.pattern)} has an unescaped "."` })), { anyPolicy: true }),
};
const replayAllowed = {
    id: 'replay-allowed',
    severity: 'warning',
    risk: 'with single_use: false a token can be exchanged again until it expires: one leaked from a log or a compromised step gets the secrets too',
    fix: 'drop single_use (the default is true)',
    overridable: true,
    check: eachPolicy((p) => (p.singleUse ? [] : [{ path: `${p.path}.single_use`, message: `policy ${p.name} lets a token be exchanged more than once` }])),
};
const configRules = { patternEscapesAnchor, audienceNotUnique, shadowedPolicy, unescapedRegexDot, replayAllowed };

// EXTERNAL MODULE: ./src/platform/subject.ts
var subject = __webpack_require__(623);
;// CONCATENATED MODULE: ./src/broker/lint/rules-identity.ts
// Who may get a policy's secrets: is the owner (organization, user, top-level group) pinned, by an immutable
// ID or only by a name, and is it one repository or a whole organization. The shared tests here implement
// the "confines the owner" and "literal" terms of the rules (docs/policies.md, "Safe policies").





const GITHUB_IDS = ['repository_owner_id', 'repository_id', 'enterprise_id'];
const GITHUB_NAMES = { repository_owner: 'whole', repository: 'path', sub: 'github-sub', workflow_ref: 'path' };
const GITLAB_IDS = ['project_id', 'namespace_id', 'job_project_id', 'job_namespace_id'];
const GITLAB_NAMES = { project_path: 'path', namespace_path: 'path', job_project_path: 'path', job_namespace_path: 'path', sub: 'gitlab-sub' };
/** IDs that pin an owner whatever the names say (rule owner-wildcard is about names only when none is set). */
const OWNER_PINNING_IDS = ['repository_owner_id', 'repository_id', 'project_id', 'namespace_id'];
function rules_identity_kindOf(p) {
    const k = p.issuer?.kind;
    return k === 'github' || k === 'gitlab' ? k : undefined;
}
/** Every entry is one exact value. */
function isExact(c) {
    return c !== undefined && c.entries.every((e) => literalOf(e.matcher) !== undefined);
}
function exactOn(p, claims) {
    return claims.map((c) => conditionOn(p, c)).find(isExact);
}
/** The owner-name conditions of the policy's kind whose every entry names one literal owner. */
function confiningNames(p, kind) {
    const names = kind === 'github' ? GITHUB_NAMES : GITLAB_NAMES;
    return p.conditions.filter((c) => c.claim in names && c.entries.every((e) => 'literal' in ownerOf(e.matcher, names[c.claim])));
}
/** Rules 1/2's test: an exact ID condition, or a name condition that yields a literal owner in every entry. */
function ownerConfined(p, kind) {
    return exactOn(p, kind === 'github' ? GITHUB_IDS : GITLAB_IDS) !== undefined || confiningNames(p, kind).length > 0;
}
/** A `sub` condition whose every entry is a literal immutable subject (`repo:owner@1/repo@2:...`). */
function immutableSub(p) {
    const sub = conditionOn(p, 'sub');
    return isExact(sub) && sub.entries.every((e) => {
        const repo = subRepoOf(e.matcher);
        const parsed = repo === undefined ? undefined : (0,subject/* parseGitHubRepoPart */.sy)(repo);
        return parsed?.ownerId !== undefined && parsed.repoId !== undefined;
    });
}
const githubAnyRepository = {
    id: 'github-any-repository',
    severity: 'error',
    risk: 'on GitHub.com every repository of every account shares the issuer: a policy that does not pin the owner grants its secrets to any of them',
    fix: 'pin repository_owner_id and repository_id (the numbers in your own tokens; `oidc-exchange check --token` shows them)',
    overridable: true,
    check: eachPolicy((p) => {
        if (!p.issuer?.multiTenant || p.issuer.kind !== 'github' || ownerConfined(p, 'github'))
            return [];
        return [{ path: `${p.path}.claims`, message: `policy ${p.name} trusts ${p.issuer.url} without pinning the owner: any GitHub.com repository whose job matches its other conditions (${p.conditions.map((c) => c.claim).join(', ')}) gets its secrets` }];
    }),
};
const gitlabAnyProject = {
    id: 'gitlab-any-project',
    severity: 'error',
    risk: 'every project on the GitLab instance shares its issuer: a policy that does not pin the top-level group grants its secrets to any project, including one anybody can create',
    fix: 'pin project_id (and namespace_id)',
    overridable: true,
    check: eachPolicy((p) => {
        if (rules_identity_kindOf(p) !== 'gitlab' || ownerConfined(p, 'gitlab'))
            return [];
        return [{ path: `${p.path}.claims`, message: `policy ${p.name} does not pin the project or its top-level group: any project on ${p.issuer.url} whose job matches (${p.conditions.map((c) => c.claim).join(', ')}) gets its secrets` }];
    }),
};
const OWNER_WILDCARD_CLAIMS = {
    repository: 'path', repository_owner: 'whole', workflow_ref: 'path', job_workflow_ref: 'path', project_path: 'path', namespace_path: 'path',
};
const ownerWildcard = {
    id: 'owner-wildcard',
    severity: 'error',
    risk: 'a wildcard in the owner part of a name admits other accounts: `octo-org*` matches `octo-org-evil`, which anybody can register',
    fix: 'write the owner literally and pin repository_owner_id (GitLab: project_id or namespace_id)',
    overridable: true,
    check: eachPolicy((p) => {
        const kind = rules_identity_kindOf(p);
        if (!kind || exactOn(p, OWNER_PINNING_IDS))
            return [];
        const hits = [];
        for (const c of p.conditions) {
            const format = c.claim === 'sub' ? (kind === 'github' ? 'github-sub' : 'gitlab-sub') : OWNER_WILDCARD_CLAIMS[c.claim];
            if (!format)
                continue;
            for (const e of c.entries) {
                if (!('wildcard' in ownerOf(e.matcher, format)))
                    continue;
                const sample = sampleOf(e.matcher, '-evil');
                const shown = sample && sample !== e.matcher.source ? ` (it accepts ${JSON.stringify(sample)})` : '';
                hits.push({ path: e.path, message: `${c.claim} ${JSON.stringify(e.matcher.source)} leaves the owner to a wildcard${shown}, and no exact owner or project ID pins it` });
            }
        }
        return hits;
    }),
};
const reusableWorkflowAnyCaller = {
    id: 'reusable-workflow-any-caller',
    severity: 'error',
    risk: 'job_workflow_ref names the reusable workflow, not who calls it: any repository may call a public or shared workflow and get the secrets',
    fix: 'also pin the caller: repository_owner_id (and repository_id)',
    overridable: true,
    check: eachPolicy((p) => {
        const c = conditionOn(p, 'job_workflow_ref');
        if (!c || rules_identity_kindOf(p) !== 'github' || ownerConfined(p, 'github'))
            return [];
        return [{ path: c.path, message: `policy ${p.name} pins the called workflow but not the calling repository: any repository that calls it gets the secrets` }];
    }),
};
const nameOnlyIdentity = {
    id: 'name-only-identity',
    severity: 'warning',
    risk: 'names are reused: a deleted or renamed account or repository can be registered again by someone else, and the policy follows the name',
    fix: 'add the numeric IDs: repository_owner_id + repository_id (GitLab: project_id + namespace_id)',
    overridable: true,
    check: eachPolicy((p) => {
        const kind = rules_identity_kindOf(p);
        if (!kind || !ownerConfined(p, kind))
            return [];
        if (kind === 'github' && (exactOn(p, ['repository_id', 'repository_owner_id']) || immutableSub(p)))
            return [];
        if (kind === 'gitlab' && exactOn(p, GITLAB_IDS))
            return [];
        const names = confiningNames(p, kind);
        if (names.length === 0)
            return [];
        return [{ path: names[0].path, message: `policy ${p.name} identifies the ${kind === 'github' ? 'repository' : 'project'} by name only (${names.map((c) => c.claim).join(', ')})` }];
    }),
};
const orgWideGrant = {
    id: 'org-wide-grant',
    severity: 'warning',
    risk: 'every repository of the organization (or project of the group), including ones created later and by anyone with that right, gets the secrets',
    fix: 'pin the repository: repository_id (GitLab: project_id)',
    overridable: true,
    check: eachPolicy((p) => {
        const kind = rules_identity_kindOf(p);
        if (!kind || !ownerConfined(p, kind))
            return [];
        const sub = conditionOn(p, 'sub');
        if (kind === 'github') {
            const repo = conditionOn(p, 'repository');
            if (isExact(conditionOn(p, 'repository_id')) || isExact(repo) || (sub && sub.entries.every((e) => subRepoOf(e.matcher) !== undefined)))
                return [];
        }
        else {
            const project = conditionOn(p, 'project_path');
            if (isExact(conditionOn(p, 'project_id')) || isExact(project) || (sub && sub.entries.every((e) => subProjectOf(e.matcher) !== undefined)))
                return [];
        }
        return [{ path: `${p.path}.claims`, message: `policy ${p.name} pins the owner but not one ${kind === 'github' ? 'repository' : 'project'}` }];
    }),
};
const gitlabJobProjectClaim = {
    id: 'gitlab-job-project-claim',
    severity: 'warning',
    risk: 'job_project_* name where the job definition comes from, not the project whose pipeline runs it: a policy on them alone trusts every project that includes that definition',
    fix: 'pin project_id (the source project) as well',
    overridable: true,
    check: eachPolicy((p) => {
        if (rules_identity_kindOf(p) !== 'gitlab')
            return [];
        if (isExact(conditionOn(p, 'project_id')) || isExact(conditionOn(p, 'project_path')))
            return [];
        return p.conditions
            .filter((c) => ['job_project_id', 'job_project_path', 'job_namespace_id', 'job_namespace_path'].includes(c.claim))
            .map((c) => ({ path: c.path, message: `${c.claim} is pinned but the project running the job (project_id/project_path) is not` }));
    }),
};
const subOnlyIdentity = {
    id: 'sub-only-identity',
    severity: 'warning',
    risk: "the subject is a string built from several claims whose format can be customized per repository or organization: a policy that identifies the job by `sub` alone depends on that format",
    fix: 'match the individual claims with IDs (repository_owner_id, repository_id; GitLab project_id); keep `sub` at most in addition',
    overridable: true,
    check: eachPolicy((p) => {
        const kind = rules_identity_kindOf(p);
        if (!kind)
            return [];
        const identity = kind === 'github' ? [...GITHUB_IDS, ...Object.keys(GITHUB_NAMES)] : [...GITLAB_IDS, ...Object.keys(GITLAB_NAMES)];
        const present = p.conditions.filter((c) => identity.includes(c.claim));
        if (present.length !== 1 || present[0].claim !== 'sub')
            return [];
        return [{ path: present[0].path, message: `policy ${p.name} identifies the job by sub alone` }];
    }),
};
/** `OWNER/REPO` of `OWNER/REPO/.github/workflows/x.yml@ref`. */
function workflowRepo(value) {
    const m = /^([^/]+\/[^/]+)\//.exec(value);
    return m?.[1];
}
const workflowRefCrossRepo = {
    id: 'workflow-ref-cross-repo',
    severity: 'warning',
    risk: "workflow_ref is the caller's own workflow, always in the token's repository: a workflow_ref in another repository never matches (the author meant job_workflow_ref)",
    fix: 'use job_workflow_ref for the called (reusable) workflow',
    overridable: true,
    check: eachPolicy((p) => {
        const wf = conditionOn(p, 'workflow_ref');
        if (!wf || rules_identity_kindOf(p) !== 'github')
            return [];
        const repo = conditionOn(p, 'repository');
        const sub = conditionOn(p, 'sub');
        let repos;
        if (isExact(repo))
            repos = repo.entries.map((e) => literalOf(e.matcher));
        else if (isExact(sub)) {
            const parts = sub.entries.map((e) => subRepoOf(e.matcher)).map((r) => (r === undefined ? undefined : (0,subject/* parseGitHubRepoPart */.sy)(r)));
            if (parts.every((r) => r !== undefined))
                repos = parts.map((r) => `${r.owner}/${r.name}`);
        }
        if (!repos)
            return [];
        return wf.entries.flatMap((e) => {
            const lit = literalOf(e.matcher);
            const own = lit === undefined ? undefined : workflowRepo(lit);
            if (own === undefined || repos.includes(own))
                return [];
            return [{ path: e.path, message: `workflow_ref is in ${own}, but the policy's repository is ${repos.join(' or ')}: this condition never matches` }];
        });
    }),
};
const unsafeNumericId = {
    id: 'unsafe-numeric-id',
    severity: 'warning',
    risk: 'an unquoted ID that is too large or not plain decimal is read as another number (`9007199254740993` becomes ...992, `0x10` becomes 16): the policy pins a different ID than the one written',
    fix: 'quote IDs: repository_id: "9007199254740993"',
    overridable: true,
    check: eachPolicy((p) => p.numbers.flatMap((n) => {
        if (!n.claim.endsWith('_id'))
            return [];
        const problem = (0,policy/* numberProblem */.vy)(n.value, n.source);
        return problem ? [{ path: n.path, message: problem }] : [];
    }), { anyPolicy: true }),
};
const caseVariantName = {
    id: 'case-variant-name',
    severity: 'warning',
    risk: 'names are compared exactly while the platforms treat them case-insensitively: two spellings of one name means one of the policies never matches (or they name different things)',
    fix: 'use one spelling, as the platform emits it in tokens, and pin the IDs',
    overridable: true,
    check(cfg) {
        const hits = [];
        // One table per issuer and kind of name.
        const seen = new Map();
        for (const p of cfg.policies) {
            if (!p.issuer || !p.complete)
                continue;
            for (const c of p.conditions) {
                for (const e of c.entries) {
                    const names = [];
                    const lit = literalOf(e.matcher);
                    if (lit !== undefined && ['repository', 'project_path'].includes(c.claim))
                        names.push(['repo', lit], ['owner', lit.split('/')[0]]);
                    if (lit !== undefined && ['repository_owner', 'namespace_path', 'environment'].includes(c.claim))
                        names.push([c.claim === 'repository_owner' ? 'owner' : c.claim, lit]);
                    if (c.claim === 'sub') {
                        const r = subRepoOf(e.matcher);
                        const parsed = r === undefined ? undefined : (0,subject/* parseGitHubRepoPart */.sy)(r);
                        if (parsed)
                            names.push(['repo', `${parsed.owner}/${parsed.name}`], ['owner', parsed.owner]);
                    }
                    for (const [kind, value] of names) {
                        const key = `${p.issuer.id}\u0000${kind}\u0000${value.toLowerCase()}`;
                        const first = seen.get(key);
                        if (!first)
                            seen.set(key, { value, path: e.path, policy: p });
                        else if (first.value !== value && !hits.some((h) => h.path === e.path)) {
                            hits.push({ policy: p, path: e.path, message: `${JSON.stringify(value)} differs only in case from ${JSON.stringify(first.value)} at ${first.path}` });
                        }
                    }
                }
            }
        }
        return hits;
    },
};
const unknownClaim = {
    id: 'unknown-claim',
    severity: 'warning',
    risk: "a condition on a claim the issuer never emits (a typo like `enviroment`, or `repo` for `repository`) never matches: the policy is dead, and whoever fixes the name may not notice what it then admits",
    fix: 'use the claim name the platform emits (docs/policies.md lists them)',
    overridable: true,
    check: eachPolicy((p) => {
        const kind = rules_identity_kindOf(p);
        if (!kind)
            return [];
        return p.conditions
            .filter((c) => !(0,claims/* emitsClaim */.zj)(kind, c.claim))
            .map((c) => {
            const near = (0,claims/* closestClaims */.Bi)(kind, c.claim);
            return { path: c.path, message: `${kind === 'github' ? 'GitHub' : 'GitLab'} tokens have no ${JSON.stringify(c.claim)} claim, so policy ${p.name} never matches${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}` };
        });
    }),
};
const identityRules = {
    githubAnyRepository,
    gitlabAnyProject,
    ownerWildcard,
    reusableWorkflowAnyCaller,
    nameOnlyIdentity,
    orgWideGrant,
    gitlabJobProjectClaim,
    subOnlyIdentity,
    workflowRefCrossRepo,
    unsafeNumericId,
    caseVariantName,
    unknownClaim,
};

;// CONCATENATED MODULE: ./src/broker/lint/index.ts
// The trust-policy linter: the ranked rules (docs/policies.md, "Safe policies"), applied to a configuration,
// with each policy's `allow_risky` overrides. The config loader runs it on every load (start-up and reload):
// an `error` finding that its policy does not override stops the load. `check --lint` reports everything.




/** Every rule, in rank order: the order findings are reported in and the docs list them in. */
const RULES = [
    identityRules.githubAnyRepository,
    identityRules.gitlabAnyProject,
    identityRules.ownerWildcard,
    configRules.patternEscapesAnchor,
    identityRules.reusableWorkflowAnyCaller,
    contextRules.untrustedTriggerEvent,
    configRules.audienceNotUnique,
    identityRules.nameOnlyIdentity,
    contextRules.gitlabUnprotectedRef,
    contextRules.githubAnyRef,
    contextRules.subContextWildcard,
    contextRules.pullRequestGrant,
    contextRules.baseRefWithoutEvent,
    contextRules.environmentWildcard,
    contextRules.productionWithoutEnvironment,
    identityRules.orgWideGrant,
    contextRules.selfHostedRunner,
    identityRules.gitlabJobProjectClaim,
    contextRules.jobWorkflowRefUnpinned,
    configRules.shadowedPolicy,
    contextRules.mutableUserClaim,
    configRules.unescapedRegexDot,
    identityRules.subOnlyIdentity,
    identityRules.workflowRefCrossRepo,
    configRules.replayAllowed,
    identityRules.unsafeNumericId,
    identityRules.caseVariantName,
    // Not in the ranked table of 27: a claim the issuer never emits (a typo) makes a policy dead, not wider.
    identityRules.unknownClaim,
];
function ruleById(id) {
    return RULES.find((r) => r.id === id);
}
/**
 * Lints a raw configuration (the parsed YAML). `numberSources` says how the file wrote each number under
 * `policies[*].claims` (see config.ts), so IDs that YAML rounded can be named as written.
 */
function lintConfig(raw, numberSources) {
    const cfg = lintModel(raw, numberSources);
    const problems = [];
    for (const p of cfg.policies) {
        p.overrides.forEach((o, k) => {
            const at = `${p.path}.allow_risky[${k}]`;
            const rule = ruleById(o.rule);
            if (!rule)
                problems.push(`${at}.rule: ${JSON.stringify(o.rule)} is not a lint rule (the rules: docs/policies.md, "Safe policies")`);
            else if (!rule.overridable)
                problems.push(`${at}.rule: ${o.rule} cannot be overridden: ${rule.fix}`);
            if (o.reason.trim().length === 0)
                problems.push(`${at}.reason: say why the risk is acceptable; the reason is logged at start-up`);
        });
    }
    const findings = [];
    for (const rule of RULES) {
        for (const hit of rule.check(cfg)) {
            const override = rule.overridable ? hit.policy?.overrides.find((o) => o.rule === rule.id && o.reason.trim()) : undefined;
            findings.push({
                rule: rule.id,
                severity: rule.severity,
                ...(hit.policy ? { policy: hit.policy.name } : {}),
                path: hit.path,
                message: `${hit.message}. ${rule.risk[0].toUpperCase()}${rule.risk.slice(1)}`,
                fix: rule.fix,
                ...(override ? { overridden: override.reason } : {}),
            });
        }
    }
    return { findings, problems };
}
/** An error that stops the load: not overridden by its policy. */
function isBlocking(f) {
    return f.severity === 'error' && f.overridden === undefined;
}
/** A blocking finding as a configuration problem line: path, rule, policy, why, the fix, and the way out. */
function describeBlocking(f) {
    const overridable = ruleById(f.rule)?.overridable && f.policy !== undefined;
    return `${f.path}: ${f.rule}${f.policy ? ` in policy ${f.policy}` : ''}: ${f.message}. Fix: ${f.fix}${overridable ? `. To accept the risk, add to the policy: allow_risky: [{ rule: ${f.rule}, reason: "..." }]` : ''}`;
}


/***/ }),

/***/ 79360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AL: () => (/* binding */ patternProblem),
/* harmony export */   AO: () => (/* binding */ explainPolicies),
/* harmony export */   C_: () => (/* binding */ compilePolicy),
/* harmony export */   Ox: () => (/* binding */ closestPolicy),
/* harmony export */   Q1: () => (/* binding */ claimText),
/* harmony export */   i6: () => (/* binding */ findPolicy),
/* harmony export */   qM: () => (/* binding */ compileMatcher),
/* harmony export */   vy: () => (/* binding */ numberProblem)
/* harmony export */ });
/* unused harmony exports globToRegExp, evaluatePolicy */
// Trust policies: compiled once at start-up, matched by pure functions (no I/O), so the same code answers
// the broker's exchanges and the `check` command.
const GLOB_CHARS = /[*?]/;
/**
 * Glob: `*` matches any run of characters except `/`, `**` matches anything, `?` one character except `/`.
 * Everything else is literal. Compiled to an anchored regular expression.
 */
function globToRegExp(glob) {
    let out = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                out += '.*';
                i++;
            }
            else {
                out += '[^/]*';
            }
        }
        else if (c === '?') {
            out += '[^/]';
        }
        else {
            out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        }
    }
    return new RegExp(`^(?:${out})$`, 's');
}
/** Why a `{pattern}` cannot be used, or undefined when it can. */
function patternProblem(pattern) {
    // The pattern must be a regular expression on its own before it is wrapped: `a)|(b` does not compile alone,
    // but `^(?:a)|(b)$` does, and its `(b)$` half matches every value ending in b (`()$`: every value at all).
    try {
        new RegExp(pattern, 'su');
    }
    catch (e) {
        const escapes = (() => {
            try {
                new RegExp(`^(?:${pattern})$`, 'su');
                return true;
            }
            catch {
                return false;
            }
        })();
        const why = e.message.replace(/^Invalid regular expression: \/.*\/su: /, '');
        return escapes
            ? `invalid regular expression ${JSON.stringify(pattern)}: ${why}; wrapped in ^(?:...)$ it would close the anchor group and match values it should not (pattern-escapes-anchor): balance its parentheses`
            : `invalid regular expression ${JSON.stringify(pattern)}: ${why}`;
    }
    return undefined;
}
/**
 * Why a number in a claim condition cannot be used, or undefined when it can. `source` is how the number
 * was written in the file, when known: YAML reads `0x10` as 16 and `9007199254740993` as 9007199254740992,
 * so neither would be compared with the text the operator wrote.
 */
function numberProblem(value, source) {
    const written = source ?? String(value);
    if (!Number.isSafeInteger(value)) {
        const read = Number.isFinite(value) ? `reads it as ${String(value)}` : 'cannot read it as a whole number';
        return `${written} is not a whole number that YAML can hold exactly (YAML ${read}): quote it, e.g. "${written}"`;
    }
    if (source !== undefined && !/^-?(0|[1-9][0-9]*)$/.test(source)) {
        return `${source} is not written in plain decimal (YAML reads it as ${String(value)}, and claims are compared as text): quote it, e.g. "${source}"`;
    }
    return undefined;
}
/** Compiles one matcher; throws with a message naming the problem (the caller adds the path). */
function compileMatcher(spec) {
    if (typeof spec === 'object') {
        const problem = patternProblem(spec.pattern);
        if (problem)
            throw new Error(problem);
        // Anchored as a group so an alternation in the pattern cannot escape the anchors.
        const re = new RegExp(`^(?:${spec.pattern})$`, 'su');
        return { kind: 'pattern', source: spec.pattern, test: (v) => re.test(v) };
    }
    if (typeof spec === 'number') {
        const problem = numberProblem(spec);
        if (problem)
            throw new Error(problem);
    }
    const text = String(spec);
    if (typeof spec === 'string' && GLOB_CHARS.test(spec)) {
        const re = globToRegExp(spec);
        return { kind: 'glob', source: text, test: (v) => re.test(v) };
    }
    return { kind: 'exact', source: text, test: (v) => v === text };
}
function compilePolicy(spec) {
    const conditions = Object.entries(spec.claims).map(([claim, value]) => ({
        claim,
        matchers: (Array.isArray(value) ? value : [value]).map(compileMatcher),
    }));
    if (conditions.length === 0)
        throw new Error('a policy needs at least one claim condition');
    return { name: spec.name, issuer: spec.issuer, conditions, secrets: [...spec.secrets] };
}
/** A claim's value as policies see it: strings as they are, numbers and booleans in their JSON form. */
function claimText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
function evaluatePolicy(policy, issuerId, claims) {
    const failures = [];
    for (const cond of policy.conditions) {
        const expected = cond.matchers.map(describeMatcher);
        const raw = claims[cond.claim];
        if (raw === undefined || raw === null) {
            failures.push({ claim: cond.claim, reason: 'missing', expected });
            continue;
        }
        const text = claimText(raw);
        if (text === undefined) {
            failures.push({ claim: cond.claim, reason: 'not_a_string', actual: JSON.stringify(raw), expected });
            continue;
        }
        if (!cond.matchers.some((m) => m.test(text))) {
            failures.push({ claim: cond.claim, reason: 'mismatch', actual: text, expected });
        }
    }
    const issuerMatches = policy.issuer === issuerId;
    return { policy, issuerMatches, failures, matched: issuerMatches && failures.length === 0 };
}
/** First policy, in configuration order, whose issuer and claims all match. */
function findPolicy(policies, issuerId, claims) {
    for (const p of policies) {
        if (p.issuer !== issuerId)
            continue;
        if (evaluatePolicy(p, issuerId, claims).matched)
            return p;
    }
    return undefined;
}
/** Every policy's verdict, in order: what `check` prints. */
function explainPolicies(policies, issuerId, claims) {
    return policies.map((p) => evaluatePolicy(p, issuerId, claims));
}
/** The same-issuer policy that failed on the fewest conditions: the one a denied caller most likely meant. */
function closestPolicy(policies, issuerId, claims) {
    let best;
    for (const p of policies) {
        if (p.issuer !== issuerId)
            continue;
        const ev = evaluatePolicy(p, issuerId, claims);
        if (!best || ev.failures.length < best.failures.length)
            best = ev;
    }
    return best;
}
function describeMatcher(m) {
    if (m.kind === 'pattern')
        return `/${m.source}/`;
    return JSON.stringify(m.source) + (m.kind === 'glob' ? ' (glob)' : '');
}


/***/ }),

/***/ 58509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P4: () => (/* binding */ Revoker),
/* harmony export */   UZ: () => (/* binding */ authorizedRevoker),
/* harmony export */   Z2: () => (/* binding */ revocableTypes),
/* harmony export */   oh: () => (/* binding */ DEFAULT_REVOCATION_BODY_LIMIT)
/* harmony export */ });
/* unused harmony export REVOCATION_TYPES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27662);
/* harmony import */ var _sources_github_app_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73519);
/* harmony import */ var _issuance_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49798);
/* harmony import */ var _shared_secret_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77029);




/** 16 MiB: about 12,000 GitLab findings with their vulnerability records. */
const DEFAULT_REVOCATION_BODY_LIMIT = 16 * 1024 * 1024;
/**
 * Revocation types per issued kind, named as GitLab names a finding's type: `gitleaks_rule_id_` and the
 * secret detection rule's ID, lowercased with spaces as underscores. GitLab's rules for GitHub App tokens are
 * "Github App Token" (ghu_/ghs_) and "GithubAppInstallationToken" (ghs_); a leaked ghs_ token is reported
 * under either, depending on the analyzer's ruleset.
 */
const REVOCATION_TYPES = {
    [_sources_github_app_js__WEBPACK_IMPORTED_MODULE_1__/* .GITHUB_INSTALLATION_TOKEN */ .vF]: ['gitleaks_rule_id_github_app_token', 'gitleaks_rule_id_githubappinstallationtoken'],
};
/** What a leaked token of each kind looks like inside surrounding text (a line of code, a log excerpt). */
const TOKEN_SHAPES = {
    // Only the prefix is GitHub's promise; the length and alphabet after it are not assumed.
    [_sources_github_app_js__WEBPACK_IMPORTED_MODULE_1__/* .GITHUB_INSTALLATION_TOKEN */ .vF]: /ghs_[A-Za-z0-9_]+/g,
};
/** The types this broker takes: those of the token kinds it can issue with its configuration. */
function revocableTypes(config) {
    const kinds = new Set();
    if (config.githubApps.size > 0)
        kinds.add(_sources_github_app_js__WEBPACK_IMPORTED_MODULE_1__/* .GITHUB_INSTALLATION_TOKEN */ .vF);
    return [...kinds].flatMap((k) => REVOCATION_TYPES[k] ?? []);
}
/** Constant-time check of GitLab's pre-shared token (raw value, or "Bearer <value>") against each accepted one. */
function authorizedRevoker(accepted, authorization) {
    return (0,_shared_secret_js__WEBPACK_IMPORTED_MODULE_3__/* .presentsSharedToken */ .h)(accepted, authorization);
}
/**
 * Revokes the tokens of batches, each token once: concurrently up to the configured bound, and a token whose
 * revocation is already running (an earlier batch still at GitHub when GitLab retried) is waited for, not
 * revoked again.
 */
class Revoker {
    deps;
    running = new Map();
    constructor(deps) {
        this.deps = deps;
    }
    /** Checks and revokes one batch. Throws BrokerError for 400/503; resolves when the batch is accepted (204). */
    async revokeBatch(body) {
        const config = this.deps.config();
        const settings = config.revocation;
        const findings = parseFindings(body, revocableTypes(config));
        // One task per distinct token, with the first finding that named it (for the audit line).
        const tasks = new Map();
        for (const f of findings) {
            for (const token of candidates(f.token)) {
                const hash = (0,_issuance_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenHash */ .Iq)(token);
                if (!tasks.has(hash))
                    tasks.set(hash, { token, finding: f });
            }
        }
        const outcome = { revoked: 0, already: 0, unknown: [], failed: 0, pending: 0 };
        const queue = [...tasks.entries()];
        let next = 0;
        const worker = async () => {
            while (next < queue.length) {
                const [hash, t] = queue[next++];
                const result = await this.revokeOnce(hash, t.token, t.finding);
                this.deps.metrics?.revocations.inc({ result });
                if (result === 'unknown')
                    outcome.unknown.push(hash);
                else
                    outcome[result]++;
            }
        };
        const all = Promise.all(Array.from({ length: Math.min(settings.concurrency, queue.length) }, worker));
        let timer;
        const due = new Promise((resolve) => {
            timer = setTimeout(() => resolve('due'), settings.answerWithinSeconds * 1000);
        });
        const finished = await Promise.race([all.then(() => 'done'), due]);
        clearTimeout(timer);
        if (finished === 'due') {
            // The workers go on after the answer; GitLab's retry of the batch finds their tokens revoked.
            outcome.pending = queue.length - (outcome.revoked + outcome.already + outcome.unknown.length + outcome.failed);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('upstream_unavailable', `${outcome.pending} of ${queue.length} token(s) are still being revoked; send the batch again (the revocations go on meanwhile)`, { retryAfter: 30, detail: `batch of ${findings.length} findings not finished within ${settings.answerWithinSeconds} s` });
        }
        if (outcome.failed > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('upstream_unavailable', `${outcome.failed} token(s) could not be revoked at their provider right now; send the batch again later`, {
                retryAfter: 30,
            });
        }
        return outcome;
    }
    revokeOnce(hash, token, finding) {
        const inFlight = this.running.get(hash);
        // Revoked by the earlier request: for this one it is "already revoked".
        if (inFlight)
            return inFlight.then((r) => (r === 'revoked' ? 'already' : r));
        const p = this.revoke(hash, token, finding).finally(() => this.running.delete(hash));
        this.running.set(hash, p);
        return p;
    }
    async revoke(hash, token, f) {
        const { store, log } = this.deps;
        let record;
        try {
            record = await store.getIssuance(hash);
            if (!record) {
                log.warn({ event: 'revocation_unknown_token', token_sha256: hash, type: f.type, location: f.location }, 'revocation request for a token this broker never issued (ignored)');
                return 'unknown';
            }
            if (record.revokedAt || !(await store.markRevoked(hash, new Date())))
                return 'already';
        }
        catch (e) {
            log.error({ event: 'revocation_failure', token_sha256: hash, detail: e.detail ?? e.message }, 'revocation failed: the store is unavailable');
            return 'failed';
        }
        try {
            const result = await (0,_issuance_js__WEBPACK_IMPORTED_MODULE_2__/* .revokeIssued */ .qT)(record.kind, record.meta, token);
            log.info({ event: 'token_revoked', token_sha256: hash, kind: record.kind, policy: record.policy, sub: record.sub, repository: record.repository, project_path: record.project_path, result, location: f.location }, 'leaked token revoked');
            return result === 'revoked' ? 'revoked' : 'already';
        }
        catch (e) {
            // Undo the mark so GitLab's retry of this batch tries again.
            await store.putIssuance(record).catch(() => undefined);
            log.error({ event: 'revocation_failure', token_sha256: hash, kind: record.kind, detail: e.detail ?? e.message }, 'revocation failed');
            return 'failed';
        }
    }
}
/** The body must be a JSON array of findings, every one of a type this broker takes (else 400, not retried). */
function parseFindings(body, supported) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', 'the body must be a JSON array of {"type": "...", "token": "..."} objects');
    }
    if (!Array.isArray(parsed))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', 'the body must be a JSON array of {"type": "...", "token": "..."} objects');
    const wanted = new Map(supported.map((t) => [normalType(t), t]));
    const findings = [];
    const unsupported = new Set();
    parsed.forEach((item, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', `item ${i} is not an object; each item is {"type": "...", "token": "..."}`);
        }
        // Unknown extra fields (location, and whatever GitLab adds later) are ignored.
        const { type, token, location } = item;
        if (typeof type !== 'string' || type === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', `item ${i} has no "type" string`);
        if (typeof token !== 'string' || token.trim() === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', `item ${i} has no "token" string`);
        if (!wanted.has(normalType(type)))
            unsupported.add(type);
        findings.push({ type, token, location: typeof location === 'string' ? location.slice(0, 2048) : undefined });
    });
    if (unsupported.size > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('unsupported_token_type', `unsupported token type(s) ${[...unsupported].map((t) => JSON.stringify(t.slice(0, 200))).join(', ')}; this broker revokes ${supported.length ? supported.join(', ') : 'no token types (it mints none)'} (see GET /v1/revocable_token_types)`);
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


/***/ }),

/***/ 77029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ presentsSharedToken)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Pre-shared tokens the broker accepts from its own operators' tools (GitLab's revocation client, the admin
// API): one per line of an environment variable or a file (two while rotating; config/admin.ts reads them),
// compared in constant time so neither a token's content nor its length leaks through timing.

/**
 * Whether an Authorization header carries one of the accepted tokens, raw or as "Bearer <token>". Every
 * comparison always runs, so the timing depends neither on the form sent nor on which token matched.
 */
function presentsSharedToken(accepted, authorization) {
    if (authorization === undefined)
        return false;
    const sent = digest(authorization.trim());
    const bearer = /^Bearer[ \t]+(.+)$/i.exec(authorization.trim());
    const sentBearer = digest(bearer ? bearer[1].trim() : '');
    let ok = false;
    for (const expected of accepted) {
        const want = digest(expected);
        const raw = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(sent, want);
        const viaBearer = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(sentBearer, want);
        ok = raw || viaBearer || ok;
    }
    return ok;
}
function digest(s) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(s, 'utf8').digest();
}


/***/ }),

/***/ 73519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ checkNarrowingTargets),
/* harmony export */   ch: () => (/* binding */ parseGitHubNarrowing),
/* harmony export */   o2: () => (/* binding */ isGrantSpec),
/* harmony export */   qs: () => (/* binding */ createGitHubAppSource),
/* harmony export */   vF: () => (/* binding */ GITHUB_INSTALLATION_TOKEN)
/* harmony export */ });
/* unused harmony export narrowGrant */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27662);
// The `github_app` secret source: a fresh installation token per exchange, scoped to what the policy's secret
// grants, or to less when the request narrows it. A request can never widen the grant: asking for a
// repository or a permission level the grant does not include is refused before GitHub is asked.

/** The issuance kind (store, revocation) of a GitHub App installation token. */
const GITHUB_INSTALLATION_TOKEN = 'github_installation_token';
const LEVELS = { read: 1, write: 2, admin: 3 };
function createGitHubAppSource(name, grant, app) {
    const repos = grant.repositories ? `${grant.repositories.length} repositor${grant.repositories.length === 1 ? 'y' : 'ies'}` : 'all repositories';
    return {
        name,
        kind: 'github_app',
        origin: `GitHub App ${grant.app} on ${app.settings.owner} (${repos}; ${Object.entries(grant.permissions).map(([p, l]) => `${p}: ${l}`).join(', ')})`,
        async resolve(ctx) {
            const scope = narrowGrant(name, grant, ctx?.narrowing);
            const minted = await app.createToken(scope);
            return {
                value: minted.token,
                expiresAt: minted.expiresAt,
                revoke: { method: 'DELETE', url: app.revokeUrl },
                issuance: { kind: GITHUB_INSTALLATION_TOKEN, meta: { app: grant.app, api_url: app.settings.apiUrl } },
            };
        },
    };
}
/** The scope to ask GitHub for: the grant, or the narrower scope the request asks for. Throws on widening. */
function narrowGrant(name, grant, ask) {
    if (!ask)
        return { repositories: grant.repositories ? [...grant.repositories] : undefined, permissions: { ...grant.permissions } };
    let repositories = grant.repositories ? [...grant.repositories] : undefined;
    if (ask.repositories) {
        if (grant.repositories) {
            const allowed = new Set(grant.repositories.map((r) => r.toLowerCase()));
            const extra = ask.repositories.filter((r) => !allowed.has(r.toLowerCase()));
            if (extra.length) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('github_scope_not_granted', `${name}: the policy grants repositories ${grant.repositories.join(', ')}; it does not grant ${extra.join(', ')}. A request can narrow the grant, never widen it`);
            }
        }
        repositories = [...new Set(ask.repositories)];
    }
    let permissions = { ...grant.permissions };
    if (ask.permissions) {
        const refused = [];
        for (const [perm, level] of Object.entries(ask.permissions)) {
            // Object.hasOwn: a permission named "toString" is not granted by Object.prototype.
            const granted = Object.hasOwn(grant.permissions, perm) ? grant.permissions[perm] : undefined;
            if (!granted)
                refused.push(`${perm}: ${level} (not granted at all)`);
            else if (LEVELS[level] > LEVELS[granted])
                refused.push(`${perm}: ${level} (granted: ${granted})`);
        }
        if (refused.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('github_scope_not_granted', `${name}: the policy grants ${Object.entries(grant.permissions).map(([p, l]) => `${p}: ${l}`).join(', ')}; it does not grant ${refused.join(', ')}. A request can narrow the grant, never widen it`);
        }
        permissions = { ...ask.permissions };
    }
    return { repositories, permissions };
}
/**
 * The optional `"github"` field of an exchange body (already parsed from JSON):
 * `{"NAME": {"repositories": [...], "permissions": {...}}}`. Undefined when absent; a 400 that says what is
 * wrong when malformed.
 */
function parseGitHubNarrowing(field) {
    if (field === undefined)
        return undefined;
    const shape = '"github" must be an object like {"GH_TOKEN": {"repositories": ["repo"], "permissions": {"contents": "read"}}}';
    if (!isPlainObject(field))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', shape);
    // No prototype: a request naming "__proto__" or "toString" gets its own entry, never an inherited one.
    const out = Object.create(null);
    for (const [name, ask] of Object.entries(field)) {
        if (!isPlainObject(ask))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', `"github.${name}": ${shape}`);
        const extra = Object.keys(ask).filter((k) => k !== 'repositories' && k !== 'permissions');
        if (extra.length)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', `"github.${name}": unknown field(s) ${extra.map((k) => JSON.stringify(k)).join(', ')}; only "repositories" and "permissions" narrow a token`);
        const n = {};
        if (ask.repositories !== undefined) {
            const r = ask.repositories;
            if (!Array.isArray(r) || r.length === 0 || r.some((x) => typeof x !== 'string' || !/^[A-Za-z0-9._-]+$/.test(x))) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', `"github.${name}.repositories" must be a non-empty list of repository names (without the owner)`);
            }
            n.repositories = r;
        }
        if (ask.permissions !== undefined) {
            const p = ask.permissions;
            if (!isPlainObject(p) || Object.keys(p).length === 0 || Object.values(p).some((l) => typeof l !== 'string' || !Object.hasOwn(LEVELS, l))) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', `"github.${name}.permissions" must map permission names to "read", "write" or "admin"`);
            }
            n.permissions = p;
        }
        out[name] = n;
    }
    return out;
}
/** Narrowing may only name github_app secrets that this exchange delivers. */
function checkNarrowingTargets(narrowing, delivering, kindOf) {
    for (const name of Object.keys(narrowing)) {
        if (!delivering.includes(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', `"github.${name}" narrows a secret this request does not receive; list it under "secrets" or drop it`);
        }
        if (kindOf(name) !== 'github_app') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz('body_malformed', `"github.${name}": ${name} is not a GitHub App token, so it cannot be narrowed`);
        }
    }
}
/** Whether a configured grant has the shape the source relies on (the schema reports what is wrong otherwise). */
function isGrantSpec(v) {
    if (!isPlainObject(v) || typeof v.app !== 'string' || !isPlainObject(v.permissions))
        return false;
    if (!Object.values(v.permissions).every((l) => typeof l === 'string' && Object.hasOwn(LEVELS, l)))
        return false;
    return v.repositories === undefined || (Array.isArray(v.repositories) && v.repositories.every((r) => typeof r === 'string'));
}
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}


/***/ }),

/***/ 70845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y$: () => (/* binding */ createStore),
  Fk: () => (/* binding */ describeStore),
  BO: () => (/* binding */ redactUrl),
  Yx: () => (/* binding */ sameStore)
});

// UNUSED EXPORTS: MemoryStore, checkStoreSpec

;// CONCATENATED MODULE: ./src/broker/store/memory.ts
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
    async claimOnce(key, ttlSeconds, owner) {
        const t = this.now();
        const held = this.seen.get(key);
        if (held !== undefined && held.until > t)
            return false;
        this.seen.set(key, { until: t + ttlSeconds * 1000, owner });
        return true;
    }
    async release(key, owner) {
        if (this.seen.get(key)?.owner === owner)
            this.seen.delete(key);
    }
    async waitReady() {
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
        for (const [k, held] of this.seen)
            if (held.until <= t)
                this.seen.delete(k);
        for (const [k, c] of this.counters)
            if (c.expiresAt <= t)
                this.counters.delete(k);
        for (const [k, r] of this.issued)
            if (r.expiresAt <= t)
                this.issued.delete(k);
    }
}

// EXTERNAL MODULE: ./src/broker/store/redis.ts
var redis = __webpack_require__(75400);
;// CONCATENATED MODULE: ./src/broker/store/index.ts
// Which store a broker uses, made from the `store:` setting: the in-memory store, or Redis with its connection
// settings. The interface is in store.ts, the implementations beside it.



function createStore(spec, now, events) {
    if (typeof spec === 'string') {
        if (spec === 'memory')
            return new MemoryStore(now);
        if (/^rediss?:\/\//.test(spec))
            return new redis/* RedisStore */.t((0,redis/* parseRedisSpec */.Y)(spec), now, events);
        throw new Error(`store ${JSON.stringify(redactUrl(spec))} is not supported`);
    }
    return spec.kind === 'memory' ? new MemoryStore(now) : new redis/* RedisStore */.t(spec.redis, now, events);
}
/** Whether two store settings name the same store (a reload cannot switch stores under live requests). */
function sameStore(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
/** The store for logs: its kind and, for Redis, the URL without a password. */
function describeStore(spec) {
    return spec.kind === 'memory' ? 'memory' : redactUrl(spec.redis.url);
}
/** Why a `store:` value cannot be used, or undefined when it can (for the configuration check). */
function checkStoreSpec(spec) {
    if (spec === 'memory')
        return undefined;
    if (!/^rediss?:\/\//.test(spec))
        return `${JSON.stringify(redactUrl(spec))} is not supported; use "memory" or redis://host:port`;
    try {
        parseRedisSpec(spec);
        return undefined;
    }
    catch (e) {
        return e.message;
    }
}
/** The store URL without its password, for logs and error messages. */
function redactUrl(spec) {
    try {
        const u = new URL(spec);
        if (u.password)
            u.password = '***';
        return u.toString();
    }
    catch {
        return spec.replace(/\/\/[^@/]*@/, '//***@');
    }
}


/***/ }),

/***/ 75400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ parseRedisSpec),
/* harmony export */   t: () => (/* binding */ RedisStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27662);
// The shared store for several broker instances: one Redis holds the used token IDs, issuance records and
// rate-limit counters, so a token exchanged on one instance is refused on every other.
//
// Failure behaviour is chosen for a security component, not for throughput:
//  - no offline queue: while Redis is unreachable a command fails at once (the caller answers 503) instead
//    of piling up in memory and running minutes later, when nobody waits for it any more;
//  - a command that was in flight when the connection dropped is not re-sent after reconnecting (a late
//    SET NX would burn a jti the client was told had failed);
//  - short command timeouts, so a hung Redis costs a request about a second, not the client's patience;
//  - reconnects forever with a capped back-off: when Redis returns, the broker recovers without a restart.
// ioredis is imported lazily: a broker on the memory store never loads it.


/** Our own query parameters on the store URL; everything else is ioredis's. */
function parseRedisSpec(spec) {
    const u = new URL(spec);
    if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
        throw new Error('the store URL must start with redis:// or rediss://');
    const known = {};
    for (const [k, v] of u.searchParams) {
        if (!['key_prefix', 'command_timeout_ms', 'connect_timeout_ms'].includes(k)) {
            throw new Error(`unknown store URL parameter ${JSON.stringify(k)} (known: key_prefix, command_timeout_ms, connect_timeout_ms)`);
        }
        known[k] = v;
    }
    const ms = (name, fallback) => {
        const raw = known[name];
        if (raw === undefined)
            return fallback;
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 10 || n > 60_000)
            throw new Error(`store URL parameter ${name} must be a whole number of milliseconds from 10 to 60000`);
        return n;
    };
    const keyPrefix = known.key_prefix ?? 'oidcx:';
    if (!/^[A-Za-z0-9:_.-]{0,64}$/.test(keyPrefix))
        throw new Error('store URL parameter key_prefix may hold only letters, digits and :_.- (at most 64)');
    const commandTimeoutMs = ms('command_timeout_ms', 1000);
    const connectTimeoutMs = ms('connect_timeout_ms', 2000);
    u.search = '';
    return { url: u.toString(), keyPrefix, commandTimeoutMs, connectTimeoutMs };
}
/** Window counter: INCR, and start the window's expiry on the first hit (or if a crash left it without). */
const HIT = `
local c = redis.call('INCR', KEYS[1])
local t = redis.call('PTTL', KEYS[1])
if c == 1 or t < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  t = tonumber(ARGV[1])
end
return {c, t}`;
/** Release a claim only if this caller still holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
/** Revoke once: only the call that sets revokedAt on an existing record wins. */
const REVOKE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
return redis.call('HSETNX', KEYS[1], 'revokedAt', ARGV[1])`;
class RedisStore {
    settings;
    now;
    events;
    kind = 'redis';
    client;
    closed = false;
    up = false;
    constructor(settings, now = Date.now, events = {}) {
        this.settings = settings;
        this.now = now;
        this.events = events;
        this.client = this.connect();
        // Every operation awaits the client; a failure to create it (e.g. ioredis missing) is reported once here.
        this.client.catch((e) => this.events.onError?.(`cannot create the Redis client: ${e.message}`));
    }
    async connect() {
        const mod = (await __webpack_require__.e(/* import() */ 796).then(__webpack_require__.t.bind(__webpack_require__, 67796, 23)));
        const Redis = mod.Redis ?? mod.default?.Redis ?? mod.default;
        if (typeof Redis !== 'function')
            throw new Error('the ioredis module has no Redis class');
        const options = {
            keyPrefix: this.settings.keyPrefix,
            enableOfflineQueue: false,
            autoResendUnfulfilledCommands: false,
            maxRetriesPerRequest: 0,
            commandTimeout: this.settings.commandTimeoutMs,
            connectTimeout: this.settings.connectTimeoutMs,
            // Reconnect for ever: 100 ms, 200 ms, ... capped at one second.
            retryStrategy: (times) => (this.closed ? null : Math.min(times * 100, 1000)),
            // A failover or READONLY replica: reconnect rather than keep writing into a read-only node.
            reconnectOnError: (err) => /READONLY/.test(err.message),
            enableReadyCheck: true,
        };
        if (this.settings.password !== undefined)
            options.password = this.settings.password;
        if (this.settings.username !== undefined)
            options.username = this.settings.username;
        if (this.settings.url.startsWith('rediss:')) {
            // The server's certificate is checked against the configured CA (or the system's), and its name
            // against the URL's host.
            options.tls = { servername: new URL(this.settings.url).hostname, ...(this.settings.ca ? { ca: this.settings.ca } : {}) };
        }
        const client = new Redis(this.settings.url, options);
        client.defineCommand('brokerHit', { numberOfKeys: 1, lua: HIT });
        client.defineCommand('brokerRevoke', { numberOfKeys: 1, lua: REVOKE });
        client.defineCommand('brokerRelease', { numberOfKeys: 1, lua: RELEASE });
        // Without an 'error' listener ioredis prints every failed reconnect; report state changes instead.
        client.on('error', (e) => this.events.onError?.(e.message));
        client.on('ready', () => this.setUp(true));
        client.on('close', () => this.setUp(false));
        return client;
    }
    setUp(up) {
        if (this.up === up || this.closed)
            return;
        this.up = up;
        this.events.onStateChange?.(up);
    }
    /** Runs one operation, turning any Redis failure into the broker's 503 (detail for the log only). */
    async run(operation, fn) {
        let client;
        try {
            client = await this.client;
            return await fn(client);
        }
        catch (e) {
            this.events.onOperationError?.(operation);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz('upstream_unavailable', "the broker's shared store is unavailable; retry in a few seconds", {
                retryAfter: 2,
                detail: `store ${operation}: ${e.message}`,
                cause: e,
            });
        }
    }
    async claimOnce(key, ttlSeconds, owner = '1') {
        const ttl = Math.max(1, Math.ceil(ttlSeconds));
        const r = await this.run('claim', (c) => c.set(`once:${digest(key)}`, owner, 'EX', ttl, 'NX'));
        return r === 'OK';
    }
    async release(key, owner) {
        await this.run('release', (c) => c.brokerRelease(`once:${digest(key)}`, owner));
    }
    async waitReady(timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        const client = await this.client.catch(() => undefined);
        if (!client)
            return false;
        while (client.status !== 'ready') {
            const left = deadline - Date.now();
            if (left <= 0 || this.closed)
                return false;
            await new Promise((resolve) => {
                const done = () => {
                    clearTimeout(timer);
                    client.off('ready', done);
                    resolve();
                };
                const timer = setTimeout(done, Math.min(left, 250));
                client.once('ready', done);
            });
        }
        return true;
    }
    async hit(key, windowSeconds) {
        const [count, pttl] = await this.run('hit', (c) => c.brokerHit(`hit:${digest(key)}`, Math.max(1, Math.round(windowSeconds * 1000))));
        return { count: Number(count), resetSeconds: Math.max(1, Math.ceil(Number(pttl) / 1000)) };
    }
    async putIssuance(record) {
        // Kept a day past expiry, like the memory store, so a leak reported late is still recognised as ours.
        const until = Date.parse(record.expiresAt) + 86_400_000;
        const { revokedAt, ...rest } = record;
        const key = `issued:${record.tokenHash}`;
        await this.run('put_issuance', async (c) => {
            const m = c.multi().del(key).hset(key, 'record', JSON.stringify(rest));
            if (revokedAt)
                m.hset(key, 'revokedAt', revokedAt);
            await m.pexpireat(key, Math.max(until, this.now() + 1000)).exec();
        });
    }
    async getIssuance(tokenHash) {
        const h = await this.run('get_issuance', (c) => c.hgetall(`issued:${tokenHash}`));
        if (!h.record)
            return undefined;
        const record = JSON.parse(h.record);
        return h.revokedAt ? { ...record, revokedAt: h.revokedAt } : record;
    }
    async markRevoked(tokenHash, at) {
        return (await this.run('mark_revoked', (c) => c.brokerRevoke(`issued:${tokenHash}`, at.toISOString()))) === 1;
    }
    async ping() {
        try {
            const c = await this.client;
            if (c.status !== 'ready')
                return false;
            return (await c.ping()) === 'PONG';
        }
        catch {
            return false;
        }
    }
    async close() {
        this.closed = true;
        const c = await this.client.catch(() => undefined);
        if (!c)
            return;
        await c.quit().catch(() => c.disconnect());
    }
}
/** Keys hold a digest, never a caller-chosen string: bounded length, nothing to inject, nothing to read back. */
function digest(key) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('base64url');
}


/***/ }),

/***/ 45414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ TokenVerifier)
});

// UNUSED EXPORTS: mapJoseError

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(77961);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_protected_header.js
var decode_protected_header = __webpack_require__(61196);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/verify.js
var verify = __webpack_require__(54605);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
// EXTERNAL MODULE: ./src/broker/errors.ts
var broker_errors = __webpack_require__(27662);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwks/local.js
var jwks_local = __webpack_require__(36687);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
;// CONCATENATED MODULE: ./src/broker/verify/issuer-keys.ts
// One key set per trusted issuer, owned by the broker instance. Keys come from the issuer's JWKS (found
// through OIDC discovery unless `jwks_uri` is configured) and are served from memory:
//  - after `jwks_refresh_seconds` they are refreshed in the background while the old ones keep serving;
//  - an unknown `kid` triggers a refetch at most once per `jwks_cooldown_seconds` (a flood of forged kids
//    cannot turn the broker into a load generator against the issuer);
//  - when the issuer is unreachable, keys fetched within `jwks_max_stale_seconds` keep working; after that
//    the broker answers 503 upstream_unavailable rather than accept or reject tokens it cannot check.



const MAX_DOCUMENT_BYTES = 1024 * 1024;
class IssuerKeys {
    settings;
    metrics;
    now;
    jwks;
    local;
    fetchedAt = 0;
    lastAttemptAt = Number.NEGATIVE_INFINITY;
    inflight;
    jwksUri;
    lastError;
    constructor(settings, metrics, now = Date.now) {
        this.settings = settings;
        this.metrics = metrics;
        this.now = now;
        this.jwksUri = settings.jwksUri;
    }
    /** The key for a token's protected header: the resolver jose's jwtVerify calls. */
    getKey = async (header, token) => {
        await this.ensureUsable();
        try {
            return await this.local(header, token);
        }
        catch (e) {
            if (!(e instanceof errors/* JWKSNoMatchingKey */.BT))
                throw e;
            // An unknown kid may be a key the issuer just rotated in: refetch, but at most once per cooldown.
            // While the issuer cannot be reached the broker cannot tell a new key from a forged kid: 503, not 401.
            if (!this.mayAttempt())
                throw this.lastError ? unavailable(this.settings.id) : e;
            const fetched = await this.refresh().then(() => true, () => false);
            if (!fetched || !this.isUsable())
                throw unavailable(this.settings.id);
            return this.local(header, token);
        }
    };
    status() {
        return {
            id: this.settings.id,
            usable: this.isUsable(),
            keys: this.jwks?.keys.length ?? 0,
            fetchedAgeSeconds: this.jwks ? Math.round((this.now() - this.fetchedAt) / 1000) : null,
            ...(this.lastError ? { lastError: this.lastError } : {}),
        };
    }
    /** Fetch keys now (start-up warm-up); failures are recorded, not thrown. */
    async warm() {
        await this.refresh().catch(() => undefined);
    }
    isUsable() {
        return this.jwks !== undefined && this.now() - this.fetchedAt <= this.settings.jwksMaxStaleSeconds * 1000;
    }
    mayAttempt() {
        return this.now() - this.lastAttemptAt >= this.settings.jwksCooldownSeconds * 1000;
    }
    async ensureUsable() {
        const age = this.now() - this.fetchedAt;
        if (this.isUsable()) {
            // Stale-while-revalidate: serve what we have, refresh behind the request.
            if (age > this.settings.jwksRefreshSeconds * 1000 && this.mayAttempt())
                void this.refresh().catch(() => undefined);
            return;
        }
        if (this.inflight || this.mayAttempt()) {
            await this.refresh().catch(() => undefined);
        }
        if (!this.isUsable())
            throw unavailable(this.settings.id);
    }
    /** Single flight: concurrent callers share one fetch. */
    refresh() {
        if (!this.inflight) {
            this.lastAttemptAt = this.now();
            this.inflight = this.fetchKeys().finally(() => {
                this.inflight = undefined;
            });
        }
        return this.inflight;
    }
    async fetchKeys() {
        const id = this.settings.id;
        try {
            if (!this.jwksUri) {
                const discovery = await this.getJson(`${this.settings.issuer}/.well-known/openid-configuration`);
                if (discovery.issuer !== this.settings.issuer) {
                    throw new Error(`discovery document names issuer ${JSON.stringify(discovery.issuer)}, expected ${this.settings.issuer}`);
                }
                if (typeof discovery.jwks_uri !== 'string')
                    throw new Error('discovery document has no jwks_uri');
                this.jwksUri = discovery.jwks_uri;
            }
            const jwks = await this.getJson(this.jwksUri);
            if (!Array.isArray(jwks.keys) || jwks.keys.length === 0)
                throw new Error('JWKS has no keys');
            const local = (0,jwks_local/* createLocalJWKSet */.w)(jwks);
            this.jwks = jwks;
            this.local = local;
            this.fetchedAt = this.now();
            this.lastError = undefined;
            this.metrics.keyFetches.inc({ issuer: id, outcome: 'ok' });
        }
        catch (e) {
            this.lastError = e.message;
            // Re-discover next time: the issuer may have moved its JWKS.
            if (!this.settings.jwksUri)
                this.jwksUri = undefined;
            this.metrics.keyFetches.inc({ issuer: id, outcome: 'error' });
            throw e;
        }
    }
    async getJson(url) {
        const timeout = this.settings.jwksTimeoutSeconds * 1000;
        const res = await (0,undici.request)(url, {
            method: 'GET',
            headers: { accept: 'application/json' },
            headersTimeout: timeout,
            bodyTimeout: timeout,
            maxRedirections: 0,
        });
        if (res.statusCode !== 200) {
            await res.body.dump();
            throw new Error(`GET ${url} answered ${res.statusCode}`);
        }
        const len = Number(res.headers['content-length'] ?? 0);
        if (len > MAX_DOCUMENT_BYTES) {
            await res.body.dump();
            throw new Error(`GET ${url}: document larger than ${MAX_DOCUMENT_BYTES} bytes`);
        }
        let size = 0;
        const chunks = [];
        for await (const chunk of res.body) {
            size += chunk.length;
            if (size > MAX_DOCUMENT_BYTES)
                throw new Error(`GET ${url}: document larger than ${MAX_DOCUMENT_BYTES} bytes`);
            chunks.push(chunk);
        }
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new Error(`GET ${url}: not a JSON object`);
        return parsed;
    }
}
function unavailable(id) {
    return new broker_errors/* BrokerError */.Wz('upstream_unavailable', `the keys of issuer ${id} cannot be fetched right now; retry later`, {
        retryAfter: 5,
    });
}

;// CONCATENATED MODULE: ./src/broker/verify/token.ts
// The one place that speaks to jose for incoming OIDC tokens. Every option is stated: algorithms pinned per
// issuer, issuer and audience checked, exp/iat/iss/aud/sub required, clock-skew leeway and maximum token
// age per issuer. The issuer is looked up in the allow list from the unverified payload *before* any key is
// fetched, so a token naming an unknown issuer never causes a network request.



const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
class TokenVerifier {
    opts;
    keys;
    byIssuerUrl;
    now;
    constructor(opts) {
        this.opts = opts;
        this.now = opts.now ?? Date.now;
        this.keys = new Map(opts.issuers.map((i) => {
            const old = opts.previous?.keys.get(i.id);
            const same = old && JSON.stringify(old.settings) === JSON.stringify(i);
            return [i.id, same ? old : new IssuerKeys(i, opts.metrics, this.now)];
        }));
        this.byIssuerUrl = new Map(opts.issuers.map((i) => [i.issuer, i]));
    }
    /** Claims of a token without verifying it: for diagnostics only, never for a decision. */
    static peek(token) {
        try {
            return (0,decode_jwt/* decodeJwt */.i)(token);
        }
        catch {
            return undefined;
        }
    }
    async verify(token) {
        // 1. Shape and size, before any parsing work.
        if (token.length > this.opts.maxTokenBytes) {
            throw new broker_errors/* BrokerError */.Wz('token_too_large', `the token is ${token.length} bytes; the broker accepts at most ${this.opts.maxTokenBytes}`);
        }
        if (!JWS_COMPACT.test(token)) {
            throw new broker_errors/* BrokerError */.Wz('token_malformed', 'the bearer token is not a compact JWT (three base64url parts separated by dots)');
        }
        let header;
        let unverified;
        try {
            header = (0,decode_protected_header/* decodeProtectedHeader */._)(token);
            unverified = (0,decode_jwt/* decodeJwt */.i)(token);
        }
        catch {
            throw new broker_errors/* BrokerError */.Wz('token_malformed', 'the token header or payload is not base64url-encoded JSON');
        }
        // 2. The issuer must be on the allow list: decided from the payload alone, no network.
        if (typeof unverified.iss !== 'string') {
            throw new broker_errors/* BrokerError */.Wz('claim_missing', 'the token has no "iss" claim; the broker needs it to pick the verification keys');
        }
        const issuer = this.byIssuerUrl.get(unverified.iss.replace(/\/+$/, ''));
        if (!issuer) {
            throw new broker_errors/* BrokerError */.Wz('issuer_not_trusted', `issuer ${JSON.stringify(unverified.iss)} is not trusted by this broker`);
        }
        // 3. Algorithm pinned per issuer (rejects "none", and HS256 signed with a public key).
        if (typeof header.alg !== 'string' || !issuer.algorithms.includes(header.alg)) {
            throw new broker_errors/* BrokerError */.Wz('algorithm_not_allowed', `algorithm ${JSON.stringify(header.alg)} is not accepted for issuer ${issuer.id} (accepted: ${issuer.algorithms.join(', ')})`);
        }
        // 4. Signature and claims.
        const keys = this.keys.get(issuer.id);
        try {
            const { payload } = await (0,verify/* jwtVerify */.V)(token, keys.getKey, {
                algorithms: issuer.algorithms,
                issuer: [issuer.issuer, `${issuer.issuer}/`],
                audience: this.opts.audience,
                requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub'],
                clockTolerance: issuer.clockSkewSeconds,
                maxTokenAge: issuer.maxTokenAgeSeconds,
                currentDate: new Date(this.now()),
            });
            return { issuer, header, claims: payload };
        }
        catch (e) {
            throw mapJoseError(e, issuer, this.opts.audience);
        }
    }
}
/** jose's failures as broker errors. A failed key fetch is the issuer being down (503), not a bad token. */
function mapJoseError(e, issuer, audience) {
    if (e instanceof broker_errors/* BrokerError */.Wz)
        return e;
    if (e instanceof errors/* JWTExpired */.n) {
        if (e.claim === 'iat') {
            return new broker_errors/* BrokerError */.Wz('token_too_old', `the token was issued more than ${issuer.maxTokenAgeSeconds} s ago; request a fresh one`);
        }
        return new broker_errors/* BrokerError */.Wz('token_expired', 'the token has expired; request a fresh one');
    }
    if (e instanceof errors/* JWTClaimValidationFailed */.ie) {
        if (e.reason === 'missing')
            return new broker_errors/* BrokerError */.Wz('claim_missing', `the token has no "${e.claim}" claim`);
        // A claim of the wrong type (e.g. "iat": "now") is a malformed token, not a clock problem.
        if (e.reason === 'invalid')
            return new broker_errors/* BrokerError */.Wz('token_malformed', `the token's "${e.claim}" claim has the wrong type`);
        switch (e.claim) {
            case 'aud':
                return new broker_errors/* BrokerError */.Wz('audience_mismatch', `the token's audience is not ${JSON.stringify(audience)}; request the token with that audience`);
            case 'iss':
                return new broker_errors/* BrokerError */.Wz('issuer_not_trusted', 'the token issuer is not trusted by this broker');
            case 'nbf':
                return new broker_errors/* BrokerError */.Wz('token_not_yet_valid', 'the token is not valid yet ("nbf" is in the future beyond the allowed clock skew)');
            case 'iat':
                return new broker_errors/* BrokerError */.Wz('token_not_yet_valid', 'the token was issued in the future ("iat" beyond the allowed clock skew); check the clocks');
            default:
                return new broker_errors/* BrokerError */.Wz('token_malformed', `the token's "${e.claim}" claim is invalid`);
        }
    }
    if (e instanceof errors/* JOSEAlgNotAllowed */.Rb) {
        return new broker_errors/* BrokerError */.Wz('algorithm_not_allowed', `the token's algorithm is not accepted for issuer ${issuer.id}`);
    }
    if (e instanceof errors/* JWKSNoMatchingKey */.BT || e instanceof errors/* JWKSMultipleMatchingKeys */.$4) {
        return new broker_errors/* BrokerError */.Wz('unknown_key', `no key of issuer ${issuer.id} matches the token's "kid"; the token was not signed by that issuer`);
    }
    if (e instanceof errors/* JWSSignatureVerificationFailed */.h2) {
        return new broker_errors/* BrokerError */.Wz('signature_invalid', 'the token signature does not verify');
    }
    if (e instanceof errors/* JWTInvalid */.Dp || e instanceof errors/* JWSInvalid */.Ye || e instanceof errors/* JOSENotSupported */.T0) {
        return new broker_errors/* BrokerError */.Wz('token_malformed', 'the token is not a valid signed JWT');
    }
    if (e instanceof errors/* JOSEError */.i4) {
        return new broker_errors/* BrokerError */.Wz('token_malformed', 'the token could not be verified', { detail: e.code });
    }
    return new broker_errors/* BrokerError */.Wz('internal_error', 'the broker failed to verify the token; its operator has been told', {
        detail: e?.message,
    });
}


/***/ }),

/***/ 52926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ closestClaims),
/* harmony export */   Q$: () => (/* binding */ GITHUB_DOT_COM),
/* harmony export */   W8: () => (/* binding */ issuerKind),
/* harmony export */   sA: () => (/* binding */ isMultiTenant),
/* harmony export */   zj: () => (/* binding */ emitsClaim)
/* harmony export */ });
/* unused harmony export GITLAB_DOT_COM */
/* harmony import */ var _cli_suggest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77472);
// What each kind of issuer puts in its tokens, and so which kind an issuer is. The linter needs the kind to
// know which rules apply (an unpinned owner means something else on GitHub.com than on a private issuer) and
// to recognise a condition on a claim the issuer never emits: such a policy can never match. The claims-file
// reader of the CLI uses the same catalogue to spot a misspelt claim.

/** Claims every OIDC token has, whoever issued it. */
const STANDARD = ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti'];
/** Claims both GitHub and GitLab emit, with the same name. */
const SHARED = ['ref', 'ref_type', 'ref_protected', 'environment', 'runner_environment', 'sha'];
/** GitHub Actions (token.actions.githubusercontent.com and GitHub Enterprise Server). */
const GITHUB_ONLY = [
    'actor', 'actor_id', 'base_ref', 'check_run_id', 'enterprise', 'enterprise_id', 'environment_node_id', 'event_name',
    'head_ref', 'job_workflow_ref', 'job_workflow_sha', 'repository', 'repository_id', 'repository_owner',
    'repository_owner_id', 'repository_visibility', 'run_attempt', 'run_id', 'run_number', 'triggering_actor',
    'workflow', 'workflow_ref', 'workflow_sha',
];
/** GitLab CI `id_tokens`. */
const GITLAB_ONLY = [
    'namespace_id', 'namespace_path', 'project_id', 'project_path', 'project_visibility', 'user_id', 'user_login',
    'user_email', 'user_identities', 'user_access_level', 'groups_direct', 'pipeline_id', 'pipeline_source', 'job_id',
    'ref_path', 'environment_protected', 'environment_action', 'deployment_tier', 'runner_id', 'ci_config_ref_uri',
    'ci_config_sha', 'job_project_id', 'job_project_path', 'job_namespace_id', 'job_namespace_path',
];
const GITHUB_CLAIMS = new Set([...STANDARD, ...SHARED, ...GITHUB_ONLY]);
const GITLAB_CLAIMS = new Set([...STANDARD, ...SHARED, ...GITLAB_ONLY]);
const GITHUB_MARKERS = new Set(GITHUB_ONLY);
const GITLAB_MARKERS = new Set(GITLAB_ONLY);
const GITHUB_DOT_COM = 'https://token.actions.githubusercontent.com';
const GITLAB_DOT_COM = 'https://gitlab.com';
/** GitHub.com and gitlab.com: every repository or project on the platform shares the issuer. */
function isMultiTenant(url) {
    const u = url.replace(/\/+$/, '');
    return u === GITHUB_DOT_COM || u === GITLAB_DOT_COM;
}
/** The kind the issuer URL alone tells: GitHub.com (and its enterprise-only issuers), GHES, gitlab.com. */
function kindOfUrl(url) {
    const u = url.replace(/\/+$/, '');
    if (u === GITHUB_DOT_COM || u.startsWith(`${GITHUB_DOT_COM}/`) || /^https:\/\/[^/]+\/_services\/token$/.test(u))
        return 'github';
    if (u === GITLAB_DOT_COM)
        return 'gitlab';
    // A self-managed GitLab is usually on a host named for it (gitlab.example.com).
    if (/^https?:\/\/[^/]*gitlab[^/]*(\/|$)/i.test(u))
        return 'gitlab';
    return 'unknown';
}
/**
 * An issuer's kind: from its URL when that is one of the platforms' own (or a host named gitlab), otherwise
 * from the claims its policies use (a policy on `project_path` is about GitLab tokens). Mixed or unknown
 * claims: unknown, and only the rules that do not depend on the kind apply.
 */
function issuerKind(url, claimNames) {
    const byUrl = kindOfUrl(url);
    if (byUrl !== 'unknown')
        return byUrl;
    let github = 0;
    let gitlab = 0;
    for (const c of claimNames) {
        if (GITHUB_MARKERS.has(c))
            github++;
        if (GITLAB_MARKERS.has(c))
            gitlab++;
    }
    if (github > gitlab)
        return 'github';
    if (gitlab > github)
        return 'gitlab';
    return 'unknown';
}
/** Whether an issuer of this kind ever puts the claim in a token (unknown kinds: assume it might). */
function emitsClaim(kind, claim) {
    if (kind === 'github')
        return GITHUB_CLAIMS.has(claim);
    if (kind === 'gitlab')
        return GITLAB_CLAIMS.has(claim);
    return true;
}
/** Names people write for a claim that has another name. */
const ALIASES = {
    github: { repo: ['repository'], owner: ['repository_owner'], org: ['repository_owner'], organization: ['repository_owner'], branch: ['ref'], tag: ['ref'], env: ['environment'], event: ['event_name'] },
    gitlab: { project: ['project_path'], group: ['namespace_path'], namespace: ['namespace_path'], branch: ['ref'], tag: ['ref'], env: ['environment'], user: ['user_login'] },
};
/** The claims of this kind a misspelt or guessed name most likely meant, for the message. */
function closestClaims(kind, claim) {
    const alias = ALIASES[kind][claim];
    if (alias)
        return alias;
    const known = [...(kind === 'github' ? GITHUB_CLAIMS : GITLAB_CLAIMS)];
    const scored = known.map((k) => [k, (0,_cli_suggest_js__WEBPACK_IMPORTED_MODULE_0__/* .editDistance */ .Y)(claim, k)]).sort((a, b) => a[1] - b[1]);
    const best = scored[0]?.[1] ?? Infinity;
    return best <= Math.max(2, Math.floor(claim.length / 3)) ? scored.filter(([, d]) => d === best).map(([k]) => k) : [];
}


/***/ }),

/***/ 623:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dW: () => (/* binding */ parseGitHubSubject),
/* harmony export */   sy: () => (/* binding */ parseGitHubRepoPart)
/* harmony export */ });
/* unused harmony export parseGitLabSubject */
// The `sub` claims GitHub and GitLab build, taken apart: which repository or project a subject names, and
// with which immutable IDs. `check` shows them; the policy linter reads owners and contexts from them.
//
// GitHub's default subject is `repo:OWNER/REPO:CONTEXT`, where CONTEXT is `environment:NAME`, `pull_request`,
// `ref:REF`; customized subjects (`include_claim_keys`) chain `key:value` pairs and escape a `:` inside a value
// as `%3A`. Since mid-2026 GitHub writes the repository part with immutable IDs, `repo:OWNER@ID/REPO@ID:...`
// (the default for repositories created or renamed from 15 July 2026 on). GitLab's is always
// `project_path:GROUP/PROJECT:ref_type:branch|tag:ref:REF`.
const GITHUB_REPO = /^([^/@:]+)(?:@([0-9]+))?\/([^/@:]+)(?:@([0-9]+))?$/;
/** `octo-org@9919/octo-repo@690210123` or `octo-org/octo-repo`. */
function parseGitHubRepoPart(value) {
    const m = GITHUB_REPO.exec(value);
    if (!m)
        return undefined;
    return { owner: m[1], ...(m[2] ? { ownerId: m[2] } : {}), name: m[3], ...(m[4] ? { repoId: m[4] } : {}) };
}
function parseGitHubSubject(sub) {
    const tokens = sub.split(':');
    const parts = [];
    for (let i = 0; i < tokens.length;) {
        const key = tokens[i];
        if (key === 'pull_request') {
            parts.push([key, '']);
            i += 1;
            continue;
        }
        if (i + 1 >= tokens.length || key === '')
            return undefined;
        parts.push([key, tokens[i + 1].replace(/%3A/gi, ':')]);
        i += 2;
    }
    const repoValue = parts.find(([k]) => k === 'repo')?.[1];
    const repo = repoValue === undefined ? undefined : parseGitHubRepoPart(repoValue);
    return { parts, ...(repo ? { repo } : {}) };
}
function parseGitLabSubject(sub) {
    const m = /^project_path:([^:]+\/[^:]+):ref_type:([a-z]+):ref:(.*)$/s.exec(sub);
    if (!m)
        return undefined;
    return { projectPath: m[1], topGroup: m[1].split('/')[0], refType: m[2], ref: m[3] };
}


/***/ })

};
