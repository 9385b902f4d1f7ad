export const id = 979;
export const ids = [979,818];
export const modules = {

/***/ 74935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ githubSubject),
/* harmony export */   rc: () => (/* binding */ gitlabClaims),
/* harmony export */   ro: () => (/* binding */ githubClaims)
/* harmony export */ });
// Claim sets shaped like the real issuers'. GitHub's follow the OIDC claims reference (seed 001), including
// the `sub` formats for environment, pull request, branch and tag, and `include_claim_keys` customization
// (where a `:` inside a value becomes `%3A`). GitLab's follow the `id_tokens` claim set.
function githubClaims(job) {
    const [owner] = job.repository.split('/');
    const event = job.event_name ?? (job.ref.startsWith('refs/pull/') ? 'pull_request' : 'push');
    const refType = job.ref.startsWith('refs/tags/') ? 'tag' : 'branch';
    const workflowFile = job.workflow_file ?? '.github/workflows/ci.yml';
    const workflowRef = `${job.repository}/${workflowFile}@${job.ref}`;
    const sha = job.sha ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const claims = {
        actor: job.actor ?? 'octocat',
        actor_id: '583231',
        base_ref: job.base_ref ?? '',
        event_name: event,
        head_ref: job.head_ref ?? '',
        job_workflow_ref: job.job_workflow_ref ?? workflowRef,
        job_workflow_sha: sha,
        ref: job.ref,
        ref_protected: job.ref === 'refs/heads/main' ? 'true' : 'false',
        ref_type: refType,
        repository: job.repository,
        repository_id: job.repository_id ?? '690210123',
        repository_owner: owner,
        repository_owner_id: job.repository_owner_id ?? '9919',
        repository_visibility: job.repository_visibility ?? 'private',
        run_attempt: '1',
        run_id: job.run_id ?? String(9_000_000_000 + Math.floor(Math.random() * 1_000_000)),
        run_number: '42',
        runner_environment: job.runner_environment ?? 'github-hosted',
        sha,
        workflow: job.workflow ?? 'CI',
        workflow_ref: workflowRef,
        workflow_sha: sha,
    };
    if (job.environment !== undefined)
        claims.environment = job.environment;
    claims.sub = githubSubject(claims, job.include_claim_keys);
    return claims;
}
/** The `context` part of GitHub's default subject. */
function githubContext(claims) {
    if (claims.environment !== undefined)
        return `environment:${escapeColon(claims.environment)}`;
    if (claims.event_name === 'pull_request' || claims.event_name === 'pull_request_target')
        return 'pull_request';
    return `ref:${escapeColon(claims.ref)}`;
}
function githubSubject(claims, includeClaimKeys) {
    const keys = includeClaimKeys ?? ['repo', 'context'];
    return keys
        .map((k) => {
        if (k === 'repo')
            return `repo:${escapeColon(claims.repository)}`;
        if (k === 'context')
            return githubContext(claims);
        return `${k}:${escapeColon(claims[k] ?? '')}`;
    })
        .join(':');
}
function escapeColon(v) {
    return v.replace(/:/g, '%3A');
}
function gitlabClaims(job) {
    const parts = job.project_path.split('/');
    const namespace = parts.slice(0, -1).join('/');
    const refType = job.ref_type ?? 'branch';
    const refPath = refType === 'tag' ? `refs/tags/${job.ref}` : `refs/heads/${job.ref}`;
    const host = job.server_host ?? 'gitlab.example.com';
    const claims = {
        namespace_id: job.namespace_id ?? '72',
        namespace_path: namespace,
        project_id: job.project_id ?? '4711',
        project_path: job.project_path,
        user_id: '1337',
        user_login: job.user_login ?? 'alice',
        user_email: `${job.user_login ?? 'alice'}@example.com`,
        user_access_level: 'developer',
        pipeline_id: String(100_000 + Math.floor(Math.random() * 100_000)),
        pipeline_source: job.pipeline_source ?? 'push',
        job_id: String(5_000_000 + Math.floor(Math.random() * 100_000)),
        ref: job.ref,
        ref_type: refType,
        ref_path: refPath,
        ref_protected: String(job.ref_protected ?? job.ref === 'main'),
        runner_id: '12',
        runner_environment: 'self-hosted',
        sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        project_visibility: 'private',
        ci_config_ref_uri: `${host}/${job.project_path}//.gitlab-ci.yml@${refPath}`,
        ci_config_sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        sub: `project_path:${job.project_path}:ref_type:${refType}:ref:${job.ref}`,
    };
    if (job.environment !== undefined) {
        claims.environment = job.environment;
        claims.environment_protected = String(job.environment_protected ?? false);
        claims.deployment_tier = job.deployment_tier ?? 'other';
        claims.environment_action = 'start';
    }
    return claims;
}


/***/ }),

/***/ 33816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jD: () => (/* binding */ sendJson),
/* harmony export */   x8: () => (/* binding */ readBody)
/* harmony export */ });
/* unused harmony export listenOnLoopback */
async function listenOnLoopback(server) {
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.address().port;
    let listening = true;
    return {
        url: `http://127.0.0.1:${port}`,
        async stop() {
            if (!listening)
                return;
            listening = false;
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
        },
        async start() {
            if (listening)
                return;
            await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
            listening = true;
        },
    };
}
/** Answers with `body` as JSON, or with no body when it is undefined. */
function sendJson(res, status, body, headers = {}) {
    if (body === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}


/***/ }),

/***/ 85752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xm: () => (/* binding */ startFakeIssuer)
});

// UNUSED EXPORTS: newSigningKey, withImmutableSubject

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key.js
var lib_key = __webpack_require__(47859);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/jws_algorithms.js
var jws_algorithms = __webpack_require__(68109);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key_descriptor.js
var key_descriptor = __webpack_require__(83035);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jwe_algorithms.js


const wrap = [
  ["encrypt", "wrapKey"],
  ["decrypt", "unwrapKey"]
], derive = [[], ["deriveBits"]], none = [[], []];
function rsaes(bits) {
  return {
    kty: ["RSA"],
    mode: "key-encryption",
    subtle: { name: "RSA-OAEP", hash: `SHA-${bits}` },
    usages: wrap,
    ops: ["wrapKey", "unwrapKey"]
  };
}
function ecdh(mode) {
  return {
    kty: ["EC", "OKP"],
    mode,
    subtle: { name: "ECDH" },
    resolve: ({ kty, crv, asymmetricKeyType }) => {
      if (crv === "X25519" || asymmetricKeyType === "x25519")
        return { name: "X25519" };
      if (kty === "OKP")
        throw new errors/* JOSENotSupported */.T0('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
      return { name: "ECDH", namedCurve: crv };
    },
    usages: derive,
    ops: [void 0, "deriveBits"]
  };
}
function aeskw(bits, gcm = !1) {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: gcm ? "AES-GCM" : "AES-KW", length: bits },
    usages: none,
    ops: gcm ? ["encrypt", "decrypt"] : ["wrapKey", "unwrapKey"]
  };
}
function pbes2() {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: "PBKDF2" },
    usages: none,
    ops: ["deriveBits", "deriveBits"]
  };
}
const JWE = (0,key_descriptor/* table */.t)({
  dir: {
    kty: ["oct"],
    mode: "direct-encryption",
    secret: !0,
    subtle: { name: "AES-GCM" },
    usages: none,
    ops: ["encrypt", "decrypt"]
  },
  "RSA-OAEP": rsaes(1),
  "RSA-OAEP-256": rsaes(256),
  "RSA-OAEP-384": rsaes(384),
  "RSA-OAEP-512": rsaes(512),
  "ECDH-ES": ecdh("direct-key-agreement"),
  "ECDH-ES+A128KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A192KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A256KW": ecdh("key-agreement-with-key-wrapping"),
  A128KW: aeskw(128),
  A192KW: aeskw(192),
  A256KW: aeskw(256),
  A128GCMKW: aeskw(128, !0),
  A192GCMKW: aeskw(192, !0),
  A256GCMKW: aeskw(256, !0),
  "PBES2-HS256+A128KW": pbes2(),
  "PBES2-HS384+A192KW": pbes2(),
  "PBES2-HS512+A256KW": pbes2()
}), contentOps = ["encrypt", "decrypt"];
function contentEncryption(bits, cbc = !1) {
  return {
    kty: ["oct"],
    secret: !0,
    subtle: { name: cbc ? "AES-CBC" : "AES-GCM", length: bits },
    usages: none,
    ops: contentOps,
    cekBits: bits,
    ivBits: cbc ? 128 : 96,
    cbc
  };
}
const ENC = (0,key_descriptor/* table */.t)({
  A128GCM: contentEncryption(128),
  A192GCM: contentEncryption(192),
  A256GCM: contentEncryption(256),
  "A128CBC-HS256": contentEncryption(256, !0),
  "A192CBC-HS384": contentEncryption(384, !0),
  "A256CBC-HS512": contentEncryption(512, !0)
});
function unsupported(parameter, name) {
  throw new JOSENotSupported(`Invalid or unsupported "${parameter}" (JWE ${name}) header value`);
}
function jweAlgorithm(alg) {
  return (typeof alg == "string" ? JWE[alg] : void 0) ?? unsupported("alg", "Algorithm");
}
function isJWECEKTransport(algorithm) {
  return algorithm.mode === "key-wrapping" || algorithm.mode === "key-encryption" || algorithm.mode === "key-agreement-with-key-wrapping";
}
function jweEncryption(enc) {
  return (typeof enc == "string" ? ENC[enc] : void 0) ?? unsupported("enc", "Encryption Algorithm");
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/key_algorithm.js



const algArgument = '"alg" (Algorithm)';
function unsupportedAlg(source = 'JWK "alg" (Algorithm) Parameter') {
  throw new errors/* JOSENotSupported */.T0(`Invalid or unsupported ${source} value`);
}
function keyAlgorithm(alg, source) {
  return (typeof alg == "string" ? jws_algorithms/* JWS */.p[alg] ?? JWE[alg] : void 0) ?? unsupportedAlg(source);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/key/generate_key_pair.js



function getModulusLengthOption(options) {
  const modulusLength = options?.modulusLength ?? 2048;
  if (typeof modulusLength != "number" || !Number.isInteger(modulusLength) || modulusLength < 2048)
    throw new errors/* JOSENotSupported */.T0("Invalid or unsupported modulusLength option provided, 2048 bits or larger keys must be used");
  return modulusLength;
}
async function generateKeyPair(alg, options) {
  const extractable = (0,lib_key/* validateExtractableOption */.l)(options?.extractable), entry = keyAlgorithm(alg, algArgument);
  entry.secret && unsupportedAlg(algArgument);
  let algorithm;
  if (entry.resolve) {
    const crv = options?.crv ?? "P-256";
    if (!["P-256", "P-384", "P-521", "X25519"].includes(crv))
      throw new errors/* JOSENotSupported */.T0("Invalid or unsupported crv option provided, supported values are P-256, P-384, P-521, and X25519");
    algorithm = entry.resolve({ crv });
  } else {
    if (entry.crv !== void 0 && options?.crv !== void 0 && options.crv !== entry.crv)
      throw new errors/* JOSENotSupported */.T0(`Invalid or unsupported crv option provided, the only supported value for ${alg} is ${entry.crv}`);
    algorithm = entry.kty[0] === "RSA" ? {
      ...entry.subtle,
      publicExponent: Uint8Array.of(1, 0, 1),
      modulusLength: getModulusLengthOption(options)
    } : entry.subtle;
  }
  return crypto.subtle.generateKey(algorithm, extractable ?? !1, [
    ...entry.usages[1],
    ...entry.usages[0]
  ]);
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/base64url.js
var base64url = __webpack_require__(71445);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/key/export.js



function exportSPKI(key) {
  return exportPublic(key);
}
function exportPKCS8(key) {
  return exportPrivate(key);
}
async function exportJWK(key) {
  if ((0,lib_key/* isKeyObject */.D2)(key))
    if (key.type === "secret")
      key = key.export();
    else
      return key.export({ format: "jwk" });
  if (key instanceof Uint8Array)
    return {
      kty: "oct",
      k: (0,base64url/* encode */.l)(key)
    };
  if (!(0,lib_key/* isCryptoKey */.R7)(key))
    throw new TypeError((0,lib_key/* invalidKeyInput */.XP)(key, "CryptoKey", "KeyObject", "Uint8Array"));
  if (!key.extractable)
    throw new TypeError("non-extractable CryptoKey cannot be exported as a JWK");
  const jwk = await crypto.subtle.exportKey("jwk", key);
  delete jwk.ext, delete jwk.key_ops, delete jwk.use, jwk.kty !== "AKP" && delete jwk.alg;
  for (const parameter of Object.keys(jwk))
    jwk[parameter] === void 0 && delete jwk[parameter];
  return jwk;
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/sign.js + 1 modules
var sign = __webpack_require__(72896);
// EXTERNAL MODULE: ./src/harness/claims.ts
var harness_claims = __webpack_require__(74935);
// EXTERNAL MODULE: ./src/harness/fake-http.ts
var fake_http = __webpack_require__(33816);
;// CONCATENATED MODULE: ./src/harness/issuer.ts
// Fake OIDC issuers on loopback, shaped like GitHub's (discovery + /.well-known/jwks) and GitLab's
// (discovery + /oauth/discovery/keys). Tests, the demo and users (`oidc-exchange issuers` / `token`) share
// them. They sign real RS256 tokens, rotate keys, log every request, and can be taken down on purpose.





async function newSigningKey(alg = 'RS256') {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
    const kid = (0,external_node_crypto_.randomBytes)(20).toString('hex').toUpperCase();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    return { kid, privateKey, publicJwk };
}
async function startFakeIssuer(opts) {
    const kind = opts.kind;
    const jwksPath = kind === 'github' ? '/.well-known/jwks' : '/oauth/discovery/keys';
    let published = [await newSigningKey()];
    let active = published[0];
    let mode = 'up';
    const requests = [];
    const hanging = new Set();
    let url = '';
    const server = (0,external_node_http_.createServer)((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        requests.push({ method: req.method ?? 'GET', path });
        if (mode === 'reset')
            return req.socket.destroy();
        if (mode === 'hang') {
            hanging.add(res);
            return;
        }
        if (mode === 'down' && path !== '/_harness/mint')
            return (0,fake_http/* sendJson */.jD)(res, 503, { message: 'service unavailable' });
        void route(req, res, path).catch((e) => (0,fake_http/* sendJson */.jD)(res, 500, { message: e.message }));
    });
    async function route(req, res, path) {
        if (req.method === 'GET' && path === '/.well-known/openid-configuration') {
            return (0,fake_http/* sendJson */.jD)(res, 200, {
                issuer: url,
                jwks_uri: `${url}${jwksPath}`,
                subject_types_supported: ['public', 'pairwise'],
                response_types_supported: ['id_token'],
                claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'repository', 'environment'],
                id_token_signing_alg_values_supported: ['RS256'],
                scopes_supported: ['openid'],
            });
        }
        if (req.method === 'GET' && path === jwksPath) {
            return (0,fake_http/* sendJson */.jD)(res, 200, { keys: published.map((k) => k.publicJwk) });
        }
        // Harness-only: lets `oidc-exchange token` (another process) mint from a running fake issuer.
        if (req.method === 'POST' && path === '/_harness/mint') {
            const body = JSON.parse((await (0,fake_http/* readBody */.x8)(req)) || '{}');
            const claims = { ...issuer.claimsFor(body.job, { immutableSubject: body.immutableSubject }), ...(body.claims ?? {}) };
            return (0,fake_http/* sendJson */.jD)(res, 200, { value: await issuer.mint(claims, body) });
        }
        (0,fake_http/* sendJson */.jD)(res, 404, { message: 'not found' });
    }
    await new Promise((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
    const addr = server.address();
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    url = `http://${host}:${addr.port}`;
    const issuer = {
        kind,
        url,
        jwksUri: `${url}${jwksPath}`,
        requests,
        claimsFor(job = {}, claimsOpts = {}) {
            if (kind === 'gitlab')
                return (0,harness_claims/* gitlabClaims */.rc)({ project_path: 'acme/platform/api', ref: 'main', server_host: url.replace(/^https?:\/\//, ''), ...job });
            const claims = (0,harness_claims/* githubClaims */.ro)({ repository: 'octo-org/octo-repo', ref: 'refs/heads/main', ...job });
            return (claimsOpts.immutableSubject ?? opts.immutableSubject) ? withImmutableSubject(claims) : claims;
        },
        async mint(claims, mintOpts = {}) {
            const body = { ...(claims ?? issuer.claimsFor()) };
            const now = Math.floor(Date.now() / 1000) + (mintOpts.shiftSeconds ?? 0);
            const key = mintOpts.key ?? active;
            const full = {
                jti: (0,external_node_crypto_.randomUUID)(),
                iss: url,
                aud: mintOpts.audience ?? opts.audience ?? (kind === 'github' ? `https://github.com/${String(body.repository_owner ?? 'octo-org')}` : url),
                nbf: now - 5,
                iat: now,
                exp: now + (mintOpts.ttlSeconds ?? 300),
                ...body,
            };
            for (const k of mintOpts.omit ?? [])
                delete full[k];
            const header = { alg: 'RS256', typ: 'JWT', kid: key.kid, ...(kind === 'github' ? { x5t: key.kid } : {}), ...(mintOpts.header ?? {}) };
            return new sign/* SignJWT */.P(full).setProtectedHeader(header).sign(key.privateKey);
        },
        async rotate(rotateOpts = {}) {
            const next = await newSigningKey();
            published = rotateOpts.dropOld ? [next] : [...published, next];
            active = next;
            return next;
        },
        activeKey: () => active,
        strayKey: () => newSigningKey(),
        setMode(m) {
            mode = m;
            if (m !== 'hang') {
                for (const r of hanging)
                    r.destroy();
                hanging.clear();
            }
        },
        async close() {
            for (const r of hanging)
                r.destroy();
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
    return issuer;
}
/**
 * The same GitHub claims with the subject's `repo` part in the immutable form: `repo:octo-org@9919/octo-repo@690210123`.
 * Only the subject changes; `repository` and `repository_owner` stay names.
 */
function withImmutableSubject(claims) {
    const [owner, name] = claims.repository.split('/');
    const tokens = claims.sub.split(':');
    for (let i = 0; i < tokens.length; i += tokens[i] === 'pull_request' ? 1 : 2) {
        if (tokens[i] === 'repo')
            tokens[i + 1] = `${owner}@${claims.repository_owner_id}/${name}@${claims.repository_id}`;
    }
    return { ...claims, sub: tokens.join(':') };
}


/***/ }),

/***/ 59818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   withScratch: () => (/* binding */ withScratch)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// The harness commands (`demo`, `try-action`, `gitlab-job`) write keys, tokens and secret files to temporary
// folders. `withScratch` runs such a command inside one scratch folder that is removed however the command
// ends: normally, by an exception, by Ctrl-C (SIGINT), SIGTERM or SIGHUP, or when the reader of its output goes
// away (`npm run demo | head`: EPIPE). While it runs, the process's temporary directory (os.tmpdir(), which
// reads TMPDIR) points into the scratch folder, so every folder the harness's parts make with mkdtemp (the fake
// runner's, the GitLab job's) lives inside it and goes with it.



const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
async function withScratch(prefix, run) {
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), prefix));
    const previous = process.env.TMPDIR;
    let removed = false;
    const remove = () => {
        if (removed)
            return;
        removed = true;
        try {
            // A signal can arrive while the thread pool is still writing into the folder (the fake runner setting up
            // a step): a file created mid-removal makes rmdir fail with ENOTEMPTY, so try again.
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
        }
        catch (e) {
            // Never let the cleanup turn a signal's exit status into a crash; say what is left behind instead.
            process.stderr.write(`oidc-exchange: could not remove ${dir} (${e.code ?? String(e)}): remove it by hand\n`);
        }
    };
    // A signal or a closed pipe ends the process here and now: remove the folder first, then exit with the
    // status a shell expects (128 + the signal's number).
    const onSignal = (signal) => {
        remove();
        process.exit(128 + SIGNALS[signal]);
    };
    const onStreamError = (e) => {
        remove();
        process.exit(e.code === 'EPIPE' ? 128 + 13 : 1);
    };
    const handlers = Object.keys(SIGNALS).map((s) => [s, () => onSignal(s)]);
    for (const [s, h] of handlers)
        process.on(s, h);
    process.stdout.on('error', onStreamError);
    process.stderr.on('error', onStreamError);
    process.on('exit', remove);
    process.env.TMPDIR = dir;
    try {
        return await run(dir);
    }
    finally {
        if (previous === undefined)
            delete process.env.TMPDIR;
        else
            process.env.TMPDIR = previous;
        for (const [s, h] of handlers)
            process.off(s, h);
        process.stdout.off('error', onStreamError);
        process.stderr.off('error', onStreamError);
        process.off('exit', remove);
        remove();
    }
}


/***/ })

};
