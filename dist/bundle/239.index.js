export const id = 239;
export const ids = [239];
export const modules = {

/***/ 68202:
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

/***/ 90754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fD: () => (/* binding */ buildConfig),
  HT: () => (/* binding */ loadConfigFile)
});

// UNUSED EXPORTS: parseConfig

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/broker/config-schema.ts
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
const secretSource = {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
    properties: {
        env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        file: { type: 'string', minLength: 1 },
        value: { type: 'string' },
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
const revocation = {
    type: 'object',
    additionalProperties: false,
    properties: {
        token_env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        token_file: { type: 'string', minLength: 1 },
        rate_limit: rateLimit,
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
                },
            },
        },
        store: { type: 'string', minLength: 1 },
        github_apps: {
            type: 'object',
            propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
            additionalProperties: githubApp,
        },
        revocation,
    },
};

// EXTERNAL MODULE: ./src/broker/endpoint-url.ts
var endpoint_url = __webpack_require__(54012);
// EXTERNAL MODULE: ./src/broker/errors.ts
var errors = __webpack_require__(27662);
// EXTERNAL MODULE: ./src/broker/policy.ts
var policy = __webpack_require__(22411);
// EXTERNAL MODULE: ./src/broker/store.ts + 1 modules
var broker_store = __webpack_require__(65103);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/broker/github-grant.ts
var github_grant = __webpack_require__(72525);
;// CONCATENATED MODULE: ./src/broker/secret-source.ts
// Where the broker's static secrets come from. Values are read at exchange time for files (so a rotated
// file is picked up without a restart) and once at start-up for environment variables (a process's
// environment does not change).




function createSecretSource(name, spec, env, apps) {
    if ('github_app' in spec) {
        const app = apps?.get(spec.github_app.app);
        if (!app)
            throw new Error(`github_app.app ${JSON.stringify(spec.github_app.app)} is not defined under github_apps`);
        return (0,github_grant/* createGitHubAppSource */.qs)(name, spec.github_app, app);
    }
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
/** Start-up check: the problem with a source, or undefined when it can deliver. */
async function checkSecretSource(spec, env) {
    if ('github_app' in spec)
        return undefined; // its app's key is checked under github_apps
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

// EXTERNAL MODULE: ./src/broker/github-config.ts
var github_config = __webpack_require__(18601);
;// CONCATENATED MODULE: ./src/broker/config.ts
// Reads the broker's YAML, validates it against the JSON Schema, then checks what a schema cannot say
// (references between sections, regexes that compile, issuer URLs). Every problem is reported by its path
// in the file, all at once, so an operator fixes the file in one pass.












const config_ajv = new ajv.Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = config_ajv.compile(configSchema);
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
    return buildConfig(raw, file, opts);
}
async function buildConfig(raw, file, opts = {}) {
    const env = opts.env ?? process.env;
    // Schema problems and cross-reference problems are reported together, so one pass fixes the file. The
    // checks below therefore look only at entries that have the right shape (the schema reports the rest).
    const problems = validate(raw) ? [] : schemaProblems(validate.errors ?? []);
    if (!isObject(raw))
        throw new errors/* ConfigError */.xL(file, problems.length ? problems : ['(top level): must be a mapping']);
    const cfg = raw;
    const issuerIds = new Set();
    const issuers = list(cfg.issuers).flatMap((i, n) => {
        if (!isObject(i) || typeof i.id !== 'string' || typeof i.issuer !== 'string')
            return [];
        const at = `issuers[${n}]`;
        if (issuerIds.has(i.id))
            problems.push(`${at}.id: duplicate issuer id ${JSON.stringify(i.id)}`);
        issuerIds.add(i.id);
        const urlProblem = (0,endpoint_url/* checkEndpointUrl */.L)(i.issuer);
        if (urlProblem)
            problems.push(`${at}.issuer: ${urlProblem}`);
        if (typeof i.jwks_uri === 'string') {
            const p = (0,endpoint_url/* checkEndpointUrl */.L)(i.jwks_uri);
            if (p)
                problems.push(`${at}.jwks_uri: ${p}`);
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
    const issuerUrls = new Set();
    issuers.forEach((i, n) => {
        if (issuerUrls.has(i.issuer))
            problems.push(`issuers[${n}].issuer: ${i.issuer} is listed twice`);
        issuerUrls.add(i.issuer);
    });
    const githubApps = await (0,github_config/* loadGitHubApps */.qH)(isObject(cfg.github_apps) ? cfg.github_apps : {}, { file, env, strict: opts.checkSources === true, problems });
    const revocation = await (0,github_config/* loadRevocation */["do"])(isObject(cfg.revocation) ? cfg.revocation : undefined, { file, env, strict: opts.checkSources === true, problems });
    const secrets = new Map();
    for (const [name, given] of Object.entries(isObject(cfg.secrets) ? cfg.secrets : {})) {
        if (!isObject(given) || Object.keys(given).length !== 1)
            continue;
        // A relative file path is relative to the configuration file, not to wherever the broker was started.
        const spec = 'file' in given && !(0,external_node_path_.isAbsolute)(given.file) ? { file: (0,external_node_path_.resolve)((0,external_node_path_.dirname)(file), given.file) } : given;
        if ('github_app' in spec) {
            // A grant of the wrong shape, or a github_apps section that is not a mapping, is reported by the schema.
            if (!(0,github_grant/* isGrantSpec */.o2)(spec.github_app))
                continue;
            if (!githubApps.has(spec.github_app.app)) {
                const known = [...githubApps.keys()];
                if (cfg.github_apps === undefined || isObject(cfg.github_apps)) {
                    problems.push(`secrets.${name}.github_app.app: ${JSON.stringify(spec.github_app.app)} is not defined under github_apps${known.length ? ` (known: ${known.join(', ')})` : ''}`);
                }
                continue;
            }
        }
        secrets.set(name, createSecretSource(name, spec, env, githubApps));
        if (opts.checkSources) {
            const p = await checkSecretSource(spec, env);
            if (p)
                problems.push(`secrets.${name}: ${p}`);
        }
    }
    const names = new Set();
    const policies = [];
    list(cfg.policies).forEach((p, n) => {
        const at = `policies[${n}]`;
        if (!isObject(p) || typeof p.name !== 'string' || typeof p.issuer !== 'string' || !isObject(p.claims))
            return;
        if (names.has(p.name))
            problems.push(`${at}.name: duplicate policy name ${JSON.stringify(p.name)}`);
        names.add(p.name);
        if (!issuerIds.has(p.issuer)) {
            problems.push(`${at}.issuer: ${JSON.stringify(p.issuer)} is not an issuer id (known: ${[...issuerIds].join(', ')})`);
        }
        list(p.secrets).forEach((s, k) => {
            if (typeof s === 'string' && !(isObject(cfg.secrets) && s in cfg.secrets))
                problems.push(`${at}.secrets[${k}]: ${JSON.stringify(s)} is not defined under secrets`);
        });
        let ok = true;
        for (const [claim, spec] of Object.entries(p.claims)) {
            (Array.isArray(spec) ? spec : [spec]).forEach((m, k) => {
                try {
                    (0,policy/* compileMatcher */.qM)(m);
                }
                catch (e) {
                    ok = false;
                    problems.push(`${at}.claims.${claim}${Array.isArray(spec) ? `[${k}]` : ''}: ${e.message}`);
                }
            });
        }
        if (ok && Object.keys(p.claims).length > 0) {
            policies.push({ ...(0,policy/* compilePolicy */.C_)(p), singleUse: p.single_use ?? true });
        }
    });
    const store = cfg.store ?? 'memory';
    const storeProblem = (0,broker_store/* checkStoreSpec */.DU)(store);
    if (storeProblem)
        problems.push(`store: ${storeProblem}`);
    if (problems.length > 0)
        throw new errors/* ConfigError */.xL(file, problems);
    const l = cfg.listen ?? {};
    return {
        listen: {
            host: l.host ?? '127.0.0.1',
            port: l.port ?? 8080,
            bodyLimitBytes: l.body_limit_bytes ?? 16384,
            headerLimitBytes: l.header_limit_bytes ?? 32768,
            maxTokenBytes: l.max_token_bytes ?? 16384,
            requestTimeoutSeconds: l.request_timeout_seconds ?? 10,
            shutdownGraceSeconds: l.shutdown_grace_seconds ?? 10,
        },
        audience: cfg.audience,
        issuers,
        secrets,
        policies,
        store,
        githubApps,
        revocation,
        lintFindings: [],
    };
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function list(v) {
    return Array.isArray(v) ? v : [];
}
/**
 * ajv's findings as one line per problem. With `anyOf`, ajv also reports why each alternative failed; those
 * are noise next to the one-line summary, so errors inside a failed `anyOf` (or `propertyNames`) are dropped.
 */
function schemaProblems(errors) {
    const umbrellas = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'propertyNames').map((e) => e.schemaPath);
    const kept = errors.filter((e) => !umbrellas.some((u) => e.schemaPath !== u && e.schemaPath.startsWith(`${u}/`)));
    // An anyOf nested in another failed anyOf is itself noise.
    const outer = kept.filter((e) => !(e.keyword === 'anyOf' && kept.some((o) => o !== e && o.keyword === 'anyOf' && e.instancePath.startsWith(`${o.instancePath}/`))));
    return [...new Set(outer.map(describeAjvError))];
}
function rateLimitOf(r) {
    return { requests: r.requests, perSeconds: r.per_seconds };
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
                msg = 'needs one source: env, file, value or github_app';
            break;
        case 'maxProperties':
            if (/^secrets\.[^.]+$/.test(path))
                msg = 'takes exactly one source: env, file, value or github_app';
            break;
        case 'enum':
            msg = `must be one of ${e.params.allowedValues.join(', ')}`;
            break;
        case 'anyOf':
            if (/claims\./.test(path))
                msg = 'must be a string, number, boolean, { pattern: "<regex>" } or a list of those';
            break;
        case 'propertyNames': {
            const name = e.params.propertyName;
            path = path ? `${path}.${name}` : name;
            msg = 'secret names must match ^[A-Za-z_][A-Za-z0-9_]*$ (they become environment variable names)';
            break;
        }
    }
    return `${path || '(top level)'}: ${msg}`;
}


/***/ }),

/***/ 54012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ checkEndpointUrl)
/* harmony export */ });
/* unused harmony export isLoopbackHost */
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
    if (u.protocol === 'http:' && isLoopbackHost(u.hostname))
        return undefined;
    return 'must use https (plain http is accepted only for loopback addresses, for local testing)';
}
function isLoopbackHost(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
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

/***/ 77884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EZ: () => (/* binding */ revokeInstallationToken),
/* harmony export */   FE: () => (/* binding */ GitHubApp),
/* harmony export */   ZB: () => (/* binding */ DEFAULT_GITHUB_API)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);
/* harmony import */ var _app_jwt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68202);
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

/***/ 18601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ logGitHubApps),
/* harmony export */   "do": () => (/* binding */ loadRevocation),
/* harmony export */   qH: () => (/* binding */ loadGitHubApps)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _app_jwt_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68202);
/* harmony import */ var _endpoint_url_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(54012);
/* harmony import */ var _github_app_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77884);





/** Default: GitLab sends batches as it finds leaks; 60 a minute is far above that and far below abuse. */
const DEFAULT_RATE_LIMIT = { requests: 60, perSeconds: 60 };
async function loadGitHubApps(raw, ctx) {
    const apps = new Map();
    for (const [name, a] of Object.entries(raw)) {
        const at = `github_apps.${name}`;
        if (!wellFormed(a)) {
            // The schema has reported what is wrong; the name is still registered so that secrets naming it do
            // not add "not defined" findings of their own.
            apps.set(name, new _github_app_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubApp */ .FE({ name, issuer: '', owner: '', apiUrl: _github_app_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_GITHUB_API */ .ZB, keyOrigin: 'invalid configuration', timeoutSeconds: 10 }));
            continue;
        }
        const before = ctx.problems.length;
        if ((a.app_id === undefined) === (a.client_id === undefined)) {
            ctx.problems.push(`${at}: set exactly one of app_id or client_id (both are on the app's settings page; either is accepted as the JWT issuer)`);
        }
        if ((a.private_key_file === undefined) === (a.private_key_env === undefined)) {
            ctx.problems.push(`${at}: set exactly one of private_key_file or private_key_env (the PEM key downloaded from the app's settings page)`);
        }
        const apiUrl = (a.api_url ?? _github_app_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_GITHUB_API */ .ZB).replace(/\/+$/, '');
        const urlProblem = (0,_endpoint_url_js__WEBPACK_IMPORTED_MODULE_4__/* .checkEndpointUrl */ .L)(apiUrl);
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
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(a.private_key_file) ? a.private_key_file : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(ctx.file), a.private_key_file);
            keyOrigin = `file ${path}`;
            keyAt = `${at}.private_key_file`;
            try {
                pem = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
            }
            catch (e) {
                if (ctx.strict)
                    ctx.problems.push(`${keyAt}: cannot read ${path} (${e.code ?? 'error'})`);
            }
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
                key = (0,_app_jwt_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAppKey */ .Ug)(pem);
            }
            catch (e) {
                ctx.problems.push(`${keyAt}: the key ${e.message}`);
            }
        }
        apps.set(name, new _github_app_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubApp */ .FE({
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
async function loadRevocation(raw, ctx) {
    if (!raw)
        return undefined;
    // Wrong types are reported by the schema.
    if (!optional(raw.token_env, 'string') || !optional(raw.token_file, 'string'))
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
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(raw.token_file) ? raw.token_file : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(ctx.file), raw.token_file);
        tokenOrigin = `file ${path}`;
        try {
            token = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
        }
        catch (e) {
            if (ctx.strict)
                ctx.problems.push(`revocation.token_file: cannot read ${path} (${e.code ?? 'error'})`);
        }
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
    return { tokens, tokenOrigin, rateLimit };
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

/***/ 72525:
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
            const granted = grant.permissions[perm];
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
    const out = {};
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
            if (!isPlainObject(p) || Object.keys(p).length === 0 || Object.values(p).some((l) => typeof l !== 'string' || !(l in LEVELS))) {
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
    if (!Object.values(v.permissions).every((l) => typeof l === 'string' && l in LEVELS))
        return false;
    return v.repositories === undefined || (Array.isArray(v.repositories) && v.repositories.every((r) => typeof r === 'string'));
}
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}


/***/ }),

/***/ 22411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ explainPolicies),
/* harmony export */   C_: () => (/* binding */ compilePolicy),
/* harmony export */   Ox: () => (/* binding */ closestPolicy),
/* harmony export */   Q1: () => (/* binding */ claimText),
/* harmony export */   i6: () => (/* binding */ findPolicy),
/* harmony export */   qM: () => (/* binding */ compileMatcher)
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
/** Compiles one matcher; throws with a message naming the problem (the caller adds the path). */
function compileMatcher(spec) {
    if (typeof spec === 'object') {
        let re;
        try {
            // Anchored as a group so an alternation in the pattern cannot escape the anchors.
            re = new RegExp(`^(?:${spec.pattern})$`, 'su');
        }
        catch (e) {
            throw new Error(`invalid regular expression ${JSON.stringify(spec.pattern)}: ${e.message}`);
        }
        return { kind: 'pattern', source: spec.pattern, test: (v) => re.test(v) };
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

/***/ 65103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DU: () => (/* binding */ checkStoreSpec),
  y$: () => (/* binding */ createStore)
});

// UNUSED EXPORTS: MemoryStore, redactUrl

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/broker/errors.ts
var errors = __webpack_require__(27662);
;// CONCATENATED MODULE: ./src/broker/store-redis.ts
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
        const client = new Redis(this.settings.url, options);
        client.defineCommand('brokerHit', { numberOfKeys: 1, lua: HIT });
        client.defineCommand('brokerRevoke', { numberOfKeys: 1, lua: REVOKE });
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
            throw new errors/* BrokerError */.Wz('upstream_unavailable', "the broker's shared store is unavailable; retry in a few seconds", {
                retryAfter: 2,
                detail: `store ${operation}: ${e.message}`,
                cause: e,
            });
        }
    }
    async claimOnce(key, ttlSeconds) {
        const ttl = Math.max(1, Math.ceil(ttlSeconds));
        const r = await this.run('claim', (c) => c.set(`once:${digest(key)}`, '1', 'EX', ttl, 'NX'));
        return r === 'OK';
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
    return (0,external_node_crypto_.createHash)('sha256').update(key).digest('base64url');
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
function createStore(spec, now, events) {
    if (spec === 'memory')
        return new MemoryStore(now);
    if (/^rediss?:\/\//.test(spec))
        return new RedisStore(parseRedisSpec(spec), now, events);
    throw new Error(`store ${JSON.stringify(spec)} is not supported`);
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

/***/ 62216:
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
;// CONCATENATED MODULE: ./src/broker/issuer.ts
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

;// CONCATENATED MODULE: ./src/broker/token.ts
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
        this.keys = new Map(opts.issuers.map((i) => [i.id, new IssuerKeys(i, opts.metrics, this.now)]));
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


/***/ })

};
