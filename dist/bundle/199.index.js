export const id = 199;
export const ids = [199];
export const modules = {

/***/ 52920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ platformIssuer),
/* harmony export */   completeClaims: () => (/* binding */ completeClaims),
/* harmony export */   describeCompletion: () => (/* binding */ describeCompletion),
/* harmony export */   mustAgree: () => (/* binding */ mustAgree),
/* harmony export */   readGivenClaims: () => (/* binding */ readGivenClaims)
/* harmony export */ });
/* unused harmony export platformOf */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _platform_samples_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51256);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60776);
/* harmony import */ var _platform_claims_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52926);
// The one claims-file format of `check`, `try-action`, `token` and `gitlab-job`: a JSON object holding a token's
// claims as the platform emits them (the decoded payload of a real token is a valid file). Any claim may be
// left out; every command fills in the same way, and says what it filled in:
//
//   platform  GitHub when the claims have `repository` (or GitHub's `iss`), GitLab when they have
//             `project_path`; otherwise the command's own (try-action: GitHub, gitlab-job: GitLab, token: the
//             issuer's kind); check needs one of these
//   iss       check: the configuration's issuer with id `github` (or GitHub's URL) / id `gitlab`;
//             the harness commands: the fake issuer that signs the token (a file's `iss` names the issuer
//             the fake one stands in for)
//   aud       check and try-action: the broker's audience; token: --audience; gitlab-job: the `audience` input
//   derived   from the parts, as the platform derives them: GitHub `sub` (repo + environment / pull_request /
//             ref), `repository_owner`, `ref_type`, `event_name`, `workflow_ref`, `job_workflow_ref`; GitLab `sub`,
//             `namespace_path`, `ref_path`, `ci_config_ref_uri`
//   defaults  every other claim a real token carries, from a typical job (octo-org/octo-repo on refs/heads/main;
//             acme/platform/api on main), so `check` decides exactly as the broker would for `try-action`
//   fresh     iat, nbf, exp and jti of a token the harness signs are the new token's own (`token --ttl`)
//
// A value given twice (in the file and with --set, or `aud` in the file and the command's audience) must agree:
// a conflict is an error, never a silent override. A derived claim given in the file must agree with its parts
// (`repository_owner` with `repository`). A claim name the platform never emits is reported with the closest one.




const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'jti'];
const REGISTERED = ['iss', 'aud', 'sub', ...TIME_CLAIMS];
const DERIVED = {
    github: ['sub', 'repository_owner', 'ref_type', 'event_name', 'workflow_ref', 'job_workflow_ref'],
    gitlab: ['sub', 'namespace_path', 'ref_path', 'ci_config_ref_uri'],
};
/**
 * Reads `--claims FILE` and `--set NAME=VALUE` into one set of claims. A claim in both must have the same
 * value. `--set` values are strings, as the platforms emit them.
 */
async function readGivenClaims(command, file, set = []) {
    const claims = {};
    const from = {};
    if (file !== undefined) {
        let text;
        try {
            text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
        }
        catch (e) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `cannot read the claims file ${file}: ${e.code ?? e.message}`);
        }
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (e) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${file} is not JSON: ${e.message}`);
        }
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${file} must hold a JSON object of claims, like a token's payload`);
        for (const [k, v] of Object.entries(parsed)) {
            const ok = ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
            if (!ok)
                throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${file}: claim ${k} must be a string, number, boolean or list of strings, as in a token`);
            claims[k] = v;
            from[k] = file;
        }
    }
    for (const pair of set) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `--set takes CLAIM=VALUE, got ${JSON.stringify(pair)}`);
        const [k, v] = [pair.slice(0, eq), pair.slice(eq + 1)];
        if (TIME_CLAIMS.includes(k)) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `--set ${k}: the harness signs a fresh token and sets iat, nbf, exp and jti itself${command === 'token' ? '; --ttl SECONDS sets exp (negative for an expired token)' : ''}`);
        }
        if (Object.hasOwn(claims, k) && String(claims[k]) !== v) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `--set ${k}=${v} conflicts with ${from[k] === '--set' ? 'another --set' : from[k]}'s ${k} ${JSON.stringify(claims[k])}; give each claim one value`);
        }
        claims[k] = v;
        from[k] = '--set';
    }
    return { claims, from };
}
/** GitHub or GitLab, from the claims' shape or `iss`; undefined when they do not say. */
function platformOf(claims) {
    const github = ['repository', 'repository_owner', 'workflow_ref', 'job_workflow_ref'].some((k) => claims[k] !== undefined);
    const gitlab = ['project_path', 'namespace_path', 'ci_config_ref_uri', 'pipeline_source'].some((k) => claims[k] !== undefined);
    if (github !== gitlab)
        return github ? 'github' : 'gitlab';
    if (typeof claims.iss === 'string' && claims.iss.replace(/\/+$/, '') === _platform_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_DOT_COM */ .Q$)
        return 'github';
    return undefined;
}
/** The broker configuration's issuer for a platform: id `github` (or GitHub's URL), id `gitlab`. */
function platformIssuer(issuers, platform) {
    if (platform === 'github')
        return issuers.find((i) => i.id === 'github') ?? issuers.find((i) => i.issuer.replace(/\/+$/, '') === _platform_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_DOT_COM */ .Q$);
    return issuers.find((i) => i.id === 'gitlab');
}
/** Fails when `claim` is given with a value other than the one the command will use. */
function mustAgree(command, given, claim, value, what) {
    const v = given.claims[claim];
    if (v === undefined)
        return;
    const same = Array.isArray(v) ? v.length === 1 && v[0] === value : String(v) === value;
    if (!same)
        throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${given.from[claim]} says ${claim} ${JSON.stringify(v)} but ${what} is ${JSON.stringify(value)}; give one value (or leave ${claim} out)`);
}
function completeClaims(command, given, opts) {
    const platform = platformOf(given.claims) ?? opts.platform;
    if (!platform) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, 'cannot tell whether these are GitHub or GitLab claims: give iss, or repository (GitHub) or project_path (GitLab)');
    }
    const g = given.claims;
    const str = (k) => (g[k] === undefined ? undefined : String(g[k]));
    const notes = [];
    // 1. The typical job shaped by the given parts, with everything derived from them.
    let typical;
    if (platform === 'github') {
        const repository = str('repository') ?? (str('repository_owner') ? `${str('repository_owner')}/octo-repo` : 'octo-org/octo-repo');
        const ref = str('ref') ?? 'refs/heads/main';
        const workflowFile = /^[^/]+\/[^/]+\/(.+)@/.exec(str('workflow_ref') ?? '')?.[1];
        const job = { repository, ref };
        for (const k of ['environment', 'event_name', 'workflow', 'job_workflow_ref', 'actor', 'repository_id', 'repository_owner_id', 'run_id', 'head_ref', 'base_ref', 'sha']) {
            if (str(k) !== undefined)
                job[k] = str(k);
        }
        if (str('runner_environment'))
            job.runner_environment = str('runner_environment');
        if (str('repository_visibility'))
            job.repository_visibility = str('repository_visibility');
        if (workflowFile)
            job.workflow_file = workflowFile;
        typical = (0,_platform_samples_js__WEBPACK_IMPORTED_MODULE_3__/* .githubClaims */ .ro)(job);
        const owner = repository.split('/')[0];
        if (str('repository_owner') !== undefined && g.repository !== undefined && str('repository_owner') !== owner) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${given.from.repository_owner} says repository_owner ${JSON.stringify(g.repository_owner)} but repository ${JSON.stringify(repository)} belongs to ${JSON.stringify(owner)}`);
        }
        const refType = ref.startsWith('refs/tags/') ? 'tag' : 'branch';
        if (str('ref_type') !== undefined && g.ref !== undefined && str('ref_type') !== refType) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${given.from.ref_type} says ref_type ${JSON.stringify(g.ref_type)} but ref ${JSON.stringify(ref)} is a ${refType}`);
        }
    }
    else {
        const job = { project_path: str('project_path') ?? 'acme/platform/api', ref: str('ref') ?? 'main' };
        if (str('ref_type') === 'tag' || str('ref_type') === 'branch')
            job.ref_type = str('ref_type');
        if (g.ref_protected !== undefined)
            job.ref_protected = str('ref_protected') === 'true';
        if (g.environment_protected !== undefined)
            job.environment_protected = str('environment_protected') === 'true';
        for (const k of ['environment', 'pipeline_source', 'user_login', 'project_id', 'namespace_id']) {
            if (str(k) !== undefined)
                job[k] = str(k);
        }
        if (str('deployment_tier'))
            job.deployment_tier = str('deployment_tier');
        const host = hostOf(str('iss')) ?? hostOf(opts.signedBy ?? opts.iss);
        if (host)
            job.server_host = host;
        typical = (0,_platform_samples_js__WEBPACK_IMPORTED_MODULE_3__/* .gitlabClaims */ .rc)(job);
        const namespace = job.project_path.split('/').slice(0, -1).join('/');
        if (str('namespace_path') !== undefined && g.project_path !== undefined && str('namespace_path') !== namespace) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${given.from.namespace_path} says namespace_path ${JSON.stringify(g.namespace_path)} but project_path ${JSON.stringify(job.project_path)} is in ${JSON.stringify(namespace)}`);
        }
    }
    // 2. The given claims win over the typical job's; sub follows the final claims when it was not given.
    const claims = { ...typical, ...g };
    if (g.sub === undefined) {
        claims.sub = platform === 'github'
            ? (0,_platform_samples_js__WEBPACK_IMPORTED_MODULE_3__/* .githubSubject */ .Eg)(Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, String(v)])))
            : typical.sub;
    }
    // 3. Registered claims.
    if (opts.signedBy !== undefined) {
        if (g.iss !== undefined && String(g.iss).replace(/\/+$/, '') !== opts.signedBy.replace(/\/+$/, '')) {
            notes.push(`the fake issuer ${opts.signedBy} signs the token, standing in for ${String(g.iss)}`);
        }
        claims.iss = opts.signedBy;
        const dropped = TIME_CLAIMS.filter((k) => g[k] !== undefined);
        for (const k of TIME_CLAIMS)
            delete claims[k];
        if (dropped.length)
            notes.push(`${dropped.join(', ')} from ${given.from[dropped[0]]} are replaced by the new token's own`);
    }
    else if (claims.iss === undefined && opts.iss !== undefined) {
        claims.iss = opts.iss;
    }
    if (claims.aud === undefined && opts.aud !== undefined)
        claims.aud = opts.aud;
    const givenKeys = new Set(Object.keys(g));
    const filled = Object.keys(claims).filter((k) => !givenKeys.has(k) && !TIME_CLAIMS.includes(k));
    const derived = filled.filter((k) => DERIVED[platform].includes(k) || k === 'iss' || k === 'aud');
    const defaults = filled.filter((k) => !derived.includes(k));
    const unknown = Object.keys(g)
        .filter((k) => !REGISTERED.includes(k) && !(0,_platform_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .emitsClaim */ .zj)(platform, k))
        .map((k) => {
        const guess = (0,_platform_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .closestClaims */ .Bi)(platform, k)[0];
        return `${k} is not a claim ${platform === 'github' ? 'GitHub' : 'GitLab'} emits${guess ? ` (did you mean ${guess}?)` : ''}`;
    });
    return { claims, platform, derived, defaults, notes, unknown };
}
/** The lines a command prints about what it filled in: the same wording everywhere. */
function describeCompletion(c, source) {
    const lines = [];
    if (c.derived.length)
        lines.push(`filled in from the other claims: ${c.derived.join(', ')}`);
    if (c.defaults.length)
        lines.push(`taken from a typical ${c.platform === 'github' ? 'GitHub' : 'GitLab'} job (not in ${source}): ${c.defaults.join(', ')}`);
    return [...lines, ...c.notes, ...c.unknown.map((u) => `warning: ${u}`)];
}
function hostOf(url) {
    if (!url)
        return undefined;
    try {
        return new URL(url).host;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 7199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  demoCommand: () => (/* reexport */ demoCommand),
  gitlabJobCommand: () => (/* reexport */ job/* gitlabJobCommand */._x),
  issuersCommand: () => (/* reexport */ issuersCommand),
  tokenCommand: () => (/* reexport */ tokenCommand),
  tryActionCommand: () => (/* reexport */ try_action/* tryActionCommand */.ft)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/broker/config/load.ts + 23 modules
var load = __webpack_require__(38867);
// EXTERNAL MODULE: ./src/broker/http/app.ts + 12 modules
var app = __webpack_require__(52465);
// EXTERNAL MODULE: ./src/harness/fakes/issuer.ts + 4 modules
var issuer = __webpack_require__(66066);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_protected_header.js
var decode_protected_header = __webpack_require__(61196);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(77961);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/jws_verify.js
var jws_verify = __webpack_require__(49806);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/jws/compact/verify.js

async function compactVerify(jws, key, options) {
  const [result] = await (0,jws_verify/* verifyCompact */.BO)(jws, (0,jws_verify/* prepareVerify */.F_)(options), key);
  return result;
}


// EXTERNAL MODULE: ./src/harness/fakes/fake-http.ts
var fake_http = __webpack_require__(46301);
;// CONCATENATED MODULE: ./src/harness/fakes/github-api.ts
// Harness, part four: a fake GitHub REST API on loopback for GitHub App authentication, shaped after GitHub's
// documented behaviour (seed 004 and the REST reference):
//  - app endpoints take an RS256 JWT signed by the app's private key, with `iss` the app ID or client ID, and
//    refuse it with GitHub's own messages when `exp` is past or more than 10 minutes ahead, or `iat` is in the
//    future;
//  - installations for organizations, users and repositories;
//  - `POST /app/installations/{id}/access_tokens` issues `ghs_` tokens scoped to the requested repositories and
//    permissions, 422 when asking for more than the installation has;
//  - installation tokens revoke themselves (`DELETE /installation/token`) and show what they reach
//    (`GET /installation/repositories`, 401 once dead or expired).
// Every request is recorded (method, path, status, which kind of credential, the JWT's claims, the requested
// scope) so a test shows what went over the wire. Tokens and keys are never recorded.





const DOCS = 'https://docs.github.com/rest';
const LEVELS = { read: 1, write: 2, admin: 3 };
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** GitHub's limit on how far ahead an app JWT's `exp` may be. */
const MAX_JWT_LIFETIME_SECONDS = 600;
const DEFAULT_INSTALLATION = {
    id: 4242,
    account: 'octo-org',
    type: 'Organization',
    repositories: ['octo-repo', 'octo-infra', 'octo-docs'],
    permissions: { metadata: 'read', contents: 'write', issues: 'write', pull_requests: 'write' },
};
/** An RSA key pair with the private half in GitHub's download format (PKCS#1 PEM). */
async function newAppKey() {
    const { privateKey, publicKey } = await (0,external_node_util_.promisify)(external_node_crypto_.generateKeyPair)('rsa', { modulusLength: 2048 });
    return { privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), publicKey };
}
async function startFakeGitHubApi(opts = {}) {
    const now = opts.now ?? Date.now;
    const ttl = opts.tokenTtlSeconds ?? 3600;
    const specs = opts.apps ?? [{}];
    let nextInstallation = 5000;
    let nextRepoId = 700000;
    const repoIds = new Map();
    const repoId = (full) => {
        const k = full.toLowerCase();
        if (!repoIds.has(k))
            repoIds.set(k, nextRepoId++);
        return repoIds.get(k);
    };
    const apps = [];
    for (const [i, spec] of specs.entries()) {
        let privateKeyPem;
        let publicKey;
        if (spec.publicKey) {
            publicKey = typeof spec.publicKey === 'string' ? toPublicKey(spec.publicKey) : spec.publicKey;
        }
        else {
            ({ privateKeyPem, publicKey } = await newAppKey());
        }
        const appId = spec.appId ?? 100001 + i;
        apps.push({
            appId,
            clientId: spec.clientId ?? `Iv23li${(0,external_node_crypto_.randomBytes)(7).toString('hex')}`,
            slug: spec.slug ?? `oidc-exchange-test-${appId}`,
            privateKeyPem,
            publicKey,
            installations: (spec.installations ?? [DEFAULT_INSTALLATION]).map((inst) => ({
                id: inst.id ?? nextInstallation++,
                account: inst.account,
                type: inst.type ?? 'Organization',
                repositories: [...inst.repositories],
                permissions: { ...inst.permissions },
            })),
        });
    }
    const tokens = new Map();
    let revokedCount = 0;
    const requests = [];
    let mode = 'up';
    let url = '';
    const server = (0,external_node_http_.createServer)((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        const rec = { method: req.method ?? 'GET', path, status: 0, auth: 'none' };
        requests.push(rec);
        const reply = (status, body) => {
            rec.status = status;
            if (status >= 400 && body && typeof body === 'object' && 'message' in body)
                rec.message = String(body.message);
            (0,fake_http/* sendJson */.jD)(res, status, body);
        };
        if (mode === 'down')
            return reply(503, { message: 'Service Unavailable', documentation_url: DOCS });
        void (0,fake_http/* readBody */.x8)(req)
            .then((text) => route(req, text, rec, reply))
            .catch((e) => reply(500, { message: e.message }));
    });
    async function route(req, text, rec, reply) {
        const method = req.method ?? 'GET';
        const path = rec.path;
        const notFound = () => reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
        // Installation-token endpoints.
        if ((method === 'DELETE' && path === '/installation/token') || (method === 'GET' && path === '/installation/repositories')) {
            const t = credential(req.headers.authorization);
            const issued = t === undefined ? undefined : tokens.get(t);
            rec.auth = issued ? 'installation_token' : t === undefined ? 'none' : 'invalid';
            if (!issued || !alive(issued)) {
                if (t === undefined)
                    return reply(401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' });
                return reply(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
            }
            if (method === 'DELETE') {
                issued.revokedAt = new Date(now());
                revokedCount++;
                return reply(204);
            }
            const inst = installationById(issued.installationId);
            return reply(200, {
                total_count: issued.repositories.length,
                repository_selection: issued.repositorySelection,
                repositories: issued.repositories.map((r) => repoJson(inst.account, r)),
            });
        }
        // Everything else here is an app endpoint: authenticate the JWT the way GitHub does.
        const isAppPath = path === '/app' || path.startsWith('/app/') || /^\/(orgs|users)\/[^/]+\/installation$/.test(path) || /^\/repos\/[^/]+\/[^/]+\/installation$/.test(path);
        if (!isAppPath)
            return notFound();
        const auth = await checkJwt(req.headers.authorization, rec);
        if ('error' in auth)
            return reply(401, { message: auth.error, documentation_url: DOCS, status: '401' });
        const app = auth.app;
        rec.auth = 'app_jwt';
        let m;
        if (method === 'GET' && path === '/app') {
            return reply(200, { id: app.appId, client_id: app.clientId, slug: app.slug, name: app.slug, permissions: {}, events: [] });
        }
        if (method === 'GET' && path === '/app/installations') {
            return reply(200, app.installations.map((i) => installationJson(app, i)));
        }
        if (method === 'GET' && (m = /^\/orgs\/([^/]+)\/installation$/.exec(path))) {
            const inst = app.installations.find((i) => i.type === 'Organization' && same(i.account, decodeURIComponent(m[1])));
            return inst ? reply(200, installationJson(app, inst)) : notFound();
        }
        if (method === 'GET' && (m = /^\/users\/([^/]+)\/installation$/.exec(path))) {
            const inst = app.installations.find((i) => i.type === 'User' && same(i.account, decodeURIComponent(m[1])));
            return inst ? reply(200, installationJson(app, inst)) : notFound();
        }
        if (method === 'GET' && (m = /^\/repos\/([^/]+)\/([^/]+)\/installation$/.exec(path))) {
            const owner = decodeURIComponent(m[1]);
            const repo = decodeURIComponent(m[2]);
            const inst = app.installations.find((i) => same(i.account, owner) && i.repositories.some((r) => same(r, repo)));
            return inst ? reply(200, installationJson(app, inst)) : notFound();
        }
        if (method === 'POST' && (m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path))) {
            const inst = app.installations.find((i) => i.id === Number(m[1]));
            if (!inst)
                return notFound();
            let body = {};
            try {
                body = text.trim() ? JSON.parse(text) : {};
            }
            catch {
                return reply(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
            }
            rec.requested = {
                repositories: Array.isArray(body.repositories) ? body.repositories : undefined,
                permissions: body.permissions && typeof body.permissions === 'object' ? body.permissions : undefined,
            };
            let repositories = inst.repositories;
            let selection = 'all';
            if (body.repositories !== undefined) {
                const asked = Array.isArray(body.repositories) ? body.repositories : [];
                const reachable = asked.map((r) => inst.repositories.find((x) => typeof r === 'string' && same(x, r)));
                if (asked.length === 0 || reachable.some((r) => r === undefined)) {
                    return reply(422, { message: 'There is at least one repository that does not exist or is not accessible to the parent installation.', documentation_url: DOCS, status: '422' });
                }
                repositories = [...new Set(reachable)];
                selection = 'selected';
            }
            let permissions = inst.permissions;
            if (body.permissions !== undefined) {
                const asked = (body.permissions ?? {});
                const beyond = Object.entries(asked).some(([p, l]) => typeof l !== 'string' || !(l in LEVELS) || !inst.permissions[p] || LEVELS[l] > LEVELS[inst.permissions[p]]);
                if (beyond)
                    return reply(422, { message: 'The permissions requested are not granted to this installation.', documentation_url: DOCS, status: '422' });
                permissions = asked;
            }
            const token = `ghs_${randomBase62(36)}`;
            const expiresAt = new Date(Math.floor(now() / 1000) * 1000 + ttl * 1000);
            tokens.set(token, { installationId: inst.id, appId: app.appId, repositories, repositorySelection: selection, permissions, expiresAt });
            return reply(201, {
                token,
                expires_at: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
                permissions,
                repository_selection: selection,
                ...(selection === 'selected' ? { repositories: repositories.map((r) => repoJson(inst.account, r)) } : {}),
            });
        }
        return notFound();
    }
    /** GitHub's JWT checks, with its own error messages. */
    async function checkJwt(authorization, rec) {
        const undecodable = { error: 'A JSON web token could not be decoded' };
        const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
        if (!m) {
            rec.auth = authorization ? 'invalid' : 'none';
            return undecodable;
        }
        rec.auth = 'invalid';
        const jwt = m[1];
        let header;
        let claims;
        try {
            header = (0,decode_protected_header/* decodeProtectedHeader */._)(jwt);
            claims = (0,decode_jwt/* decodeJwt */.i)(jwt);
        }
        catch {
            return undecodable;
        }
        rec.jwt = { iss: claims.iss, iat: claims.iat, exp: claims.exp, alg: header.alg };
        if (header.alg !== 'RS256')
            return undecodable;
        const app = apps.find((a) => claims.iss !== undefined && (String(claims.iss) === String(a.appId) || claims.iss === a.clientId));
        // An `iss` naming no app leaves GitHub no key to verify with: the same answer as a bad signature.
        if (!app)
            return undecodable;
        try {
            await compactVerify(jwt, app.publicKey, { algorithms: ['RS256'] });
        }
        catch {
            return undecodable;
        }
        const t = Math.floor(now() / 1000);
        if (typeof claims.iat !== 'number' || !Number.isInteger(claims.iat) || claims.iat > t) {
            return { error: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued" };
        }
        if (typeof claims.exp !== 'number' || claims.exp <= t) {
            return { error: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires" };
        }
        if (claims.exp > t + MAX_JWT_LIFETIME_SECONDS)
            return { error: "'Expiration time' claim ('exp') is too far in the future" };
        return { app };
    }
    function alive(t) {
        return !t.revokedAt && t.expiresAt.getTime() > now();
    }
    function installationById(id) {
        for (const a of apps)
            for (const i of a.installations)
                if (i.id === id)
                    return i;
        return undefined;
    }
    function installationJson(app, i) {
        return {
            id: i.id,
            app_id: app.appId,
            app_slug: app.slug,
            client_id: app.clientId,
            target_type: i.type,
            account: { login: i.account, type: i.type },
            repository_selection: 'selected',
            permissions: i.permissions,
            access_tokens_url: `${url}/app/installations/${i.id}/access_tokens`,
            repositories_url: `${url}/installation/repositories`,
        };
    }
    function repoJson(owner, name) {
        return { id: repoId(`${owner}/${name}`), name, full_name: `${owner}/${name}`, private: true };
    }
    await new Promise((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
    const addr = server.address();
    url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
    return {
        url,
        apps,
        app: apps[0],
        requests,
        isAlive: (t) => {
            const issued = tokens.get(t);
            return issued !== undefined && alive(issued);
        },
        token: (t) => {
            const issued = tokens.get(t);
            return issued && { ...issued, repositories: [...issued.repositories], permissions: { ...issued.permissions } };
        },
        counts: () => ({ issued: tokens.size, revoked: revokedCount }),
        setMode(m) {
            mode = m;
        },
        async close() {
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
function toPublicKey(pem) {
    return /PRIVATE KEY/.test(pem) ? (0,external_node_crypto_.createPublicKey)((0,external_node_crypto_.createPrivateKey)(pem)) : (0,external_node_crypto_.createPublicKey)(pem);
}
/** The token from `Authorization: Bearer X` or GitHub's older `token X`. */
function credential(authorization) {
    const m = /^(?:Bearer|token)\s+(\S+)$/i.exec(authorization ?? '');
    return m ? m[1] : undefined;
}
function same(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function randomBase62(n) {
    let s = '';
    for (let i = 0; i < n; i++)
        s += BASE62[(0,external_node_crypto_.randomInt)(BASE62.length)];
    return s;
}

;// CONCATENATED MODULE: ./src/harness/demo/steps-github-app.ts
// Demo steps for broker-minted GitHub tokens: a release job gets a GitHub App installation token scoped by its
// policy, cannot widen it, the token "leaks" and GitLab's secret detection reports it to the broker's Token
// Revocation API, and the fake GitHub confirms the token no longer works. Tokens are never printed.


const REVOCATION_TYPE = 'gitleaks_rule_id_github_app_token';
/** The token each demo run received, shared between its steps. */
const received = new WeakMap();
function expect(cond, what) {
    if (!cond)
        throw new Error(what);
}
function api(ctx) {
    expect(ctx.githubApi !== undefined && ctx.revocationToken !== undefined, 'the demo context has no fake GitHub API');
    return { github: ctx.githubApi, revocationToken: ctx.revocationToken };
}
async function releaseJobToken(ctx) {
    return ctx.github.mint(ctx.github.claimsFor({ environment: 'release' }), { audience: ctx.audience });
}
function tokenOf(ctx) {
    const t = received.get(ctx);
    expect(t !== undefined, 'no GitHub token was received in an earlier step');
    return t;
}
async function githubCall(url, method, authorization, body) {
    const res = await (0,undici.request)(url, {
        method,
        headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    let json = {};
    try {
        json = JSON.parse(text);
    }
    catch {
        /* 204 */
    }
    return { status: res.statusCode, json };
}
const githubAppSteps = [
    {
        title: 'A release job gets a GitHub token scoped by its policy',
        async run(ctx) {
            const { github } = api(ctx);
            const r = await postExchange(ctx, await releaseJobToken(ctx));
            expect(r.status === 200, `expected 200, got ${r.status} ${String(r.body.error ?? '')} ${String(r.body.message ?? '')}`);
            const token = r.body.secrets.GH_TOKEN;
            expect(typeof token === 'string' && token.startsWith('ghs_'), 'expected a ghs_ installation token in GH_TOKEN');
            received.set(ctx, token);
            ctx.secretValues.push(token);
            const scope = github.token(token);
            expect(scope !== undefined && github.isAlive(token), 'the fake GitHub does not know the token');
            const revoke = r.body.revoke;
            expect(revoke?.[0]?.name === 'GH_TOKEN', 'expected a revoke entry for GH_TOKEN');
            const perms = Object.entries(scope.permissions).map(([p, l]) => `${p}: ${l}`).join(', ');
            return `200, policy ${String(r.body.policy)}: GH_TOKEN reaches ${scope.repositories.join(', ')} with ${perms}, expires ${String(r.body.expires_at)}; revoke with DELETE ${revoke[0].url}`;
        },
    },
    {
        title: 'The job asks for a wider GitHub token than its policy grants',
        async run(ctx) {
            const r = await postExchange(ctx, await releaseJobToken(ctx), { body: { github: { GH_TOKEN: { permissions: { contents: 'write' } } } } });
            expect(r.status === 403 && r.body.error === 'github_scope_not_granted', `expected 403 github_scope_not_granted, got ${r.status} ${String(r.body.error ?? '')}`);
            return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
        },
    },
    {
        title: "The token leaks; GitLab's secret detection reports it to the revocation API",
        async run(ctx) {
            const { revocationToken } = api(ctx);
            const token = tokenOf(ctx);
            // As GitLab calls it: the pre-shared token as the raw Authorization value, types first, then the batch.
            const types = await githubCall(`${ctx.brokerUrl}/v1/revocable_token_types`, 'GET', revocationToken);
            expect(types.status === 200 && types.json.types.includes(REVOCATION_TYPE), `expected the types list to include ${REVOCATION_TYPE}`);
            const batch = [{ type: REVOCATION_TYPE, token: `export GH_TOKEN=${token}`, location: 'https://gitlab.example.com/acme/app/-/blob/main/deploy.sh#L3' }];
            const first = await githubCall(`${ctx.brokerUrl}/v1/revoke_tokens`, 'POST', revocationToken, batch);
            expect(first.status === 204, `expected 204, got ${first.status}`);
            // GitLab retries whole batches: a repeat is harmless.
            const again = await githubCall(`${ctx.brokerUrl}/v1/revoke_tokens`, 'POST', revocationToken, batch);
            expect(again.status === 204, `expected 204 for the repeated batch, got ${again.status}`);
            return `types ${types.json.types.join(', ')}; POST /v1/revoke_tokens answered 204, and 204 again for the retried batch`;
        },
    },
    {
        title: 'The fake GitHub confirms the leaked token no longer works',
        async run(ctx) {
            const { github } = api(ctx);
            const token = tokenOf(ctx);
            const r = await githubCall(`${github.url}/installation/repositories`, 'GET', `Bearer ${token}`);
            expect(r.status === 401, `expected 401 from GET /installation/repositories, got ${r.status}`);
            const deletes = github.requests.filter((q) => q.method === 'DELETE' && q.path === '/installation/token').length;
            expect(deletes === 1, `expected exactly one revocation at GitHub, saw ${deletes}`);
            return `GET /installation/repositories with the token: 401 ${String(r.json.message)}; GitHub saw exactly one DELETE /installation/token`;
        },
    },
];

// EXTERNAL MODULE: ./src/harness/scratch.ts
var scratch = __webpack_require__(59818);
// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(60776);
;// CONCATENATED MODULE: ./src/harness/demo/run.ts
// `npm run demo`: the whole flow on loopback with no account anywhere. Fake GitHub and GitLab issuers, the
// real broker with examples/demo.yaml, and a series of jobs, each checked against what should happen. It
// prints a short report and exits 0 only if every step behaved as expected. Secret values are never
// printed: the report shows names and sizes, and the last step scans the broker's log for every value.
















async function postExchange(ctx, token, opts = {}) {
    const res = await (0,undici.request)(`${ctx.brokerUrl}/v1/exchange`, {
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
function run_expect(cond, what) {
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
            run_expect(r.status === 200, `expected 200, got ${r.status} ${r.body.error ?? ''}`);
            const secrets = r.body.secrets;
            run_expect(Object.keys(secrets).sort().join() === 'DB_PASSWORD,DEPLOY_KEY', 'expected exactly DB_PASSWORD and DEPLOY_KEY');
            return `200, policy ${String(r.body.policy)}: ${describeSecrets(secrets)}`;
        },
    },
    {
        title: 'GitLab job on protected main, environment staging',
        async run(ctx) {
            const token = await ctx.gitlab.mint(ctx.gitlab.claimsFor({ environment: 'staging', ref_protected: true }), { audience: ctx.audience });
            const r = await postExchange(ctx, token, { accept: 'text/plain' });
            run_expect(r.status === 200, `expected 200, got ${r.status} ${r.body.error ?? ''}`);
            const lines = r.text.trim().split('\n');
            run_expect(lines.length === 1 && lines[0].startsWith('STAGING_API_KEY '), 'expected one text/plain line for STAGING_API_KEY');
            return '200 as text/plain for POSIX shells: one "NAME BASE64" line, STAGING_API_KEY';
        },
    },
    {
        title: 'GitHub job on a feature branch is refused',
        async run(ctx) {
            const token = await ctx.github.mint(ctx.github.claimsFor({ ref: 'refs/heads/feature/x', environment: 'production' }), { audience: ctx.audience });
            const r = await postExchange(ctx, token);
            run_expect(r.status === 403 && r.body.error === 'no_policy_matched', `expected 403 no_policy_matched, got ${r.status} ${r.body.error ?? ''}`);
            return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
        },
    },
    {
        title: 'A job asks for more than its policy grants',
        async run(ctx) {
            const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience });
            const r = await postExchange(ctx, token, { body: { secrets: ['DB_PASSWORD', 'STAGING_API_KEY'] } });
            run_expect(r.status === 403 && r.body.error === 'secret_not_granted', `expected 403 secret_not_granted, got ${r.status} ${r.body.error ?? ''}`);
            return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
        },
    },
    {
        title: 'A forged token (signed with a key the issuer never published)',
        async run(ctx) {
            const stray = await ctx.github.strayKey();
            const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience, key: stray });
            const r = await postExchange(ctx, token);
            run_expect(r.status === 401 && r.body.error === 'unknown_key', `expected 401 unknown_key, got ${r.status} ${r.body.error ?? ''}`);
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
        run_expect(leaked.length === 0, `${leaked.length} secret value(s) found in the broker log`);
        run_expect(!/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(log), 'a JWT was found in the broker log');
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
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const candidate = (0,external_node_path_.join)(dir, 'examples');
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(candidate, 'demo.yaml')))
            return candidate;
        dir = (0,external_node_path_.dirname)(dir);
    }
    throw new Error('cannot find examples/demo.yaml next to the oidc-exchange installation');
}
async function startDemo() {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'oidc-exchange-demo-'));
    const [github, gitlab] = await Promise.all([(0,issuer/* startFakeIssuer */.xm)({ kind: 'github' }), (0,issuer/* startFakeIssuer */.xm)({ kind: 'gitlab' })]);
    const raw = (0,dist/* parse */.qg)(await (0,promises_.readFile)((0,external_node_path_.join)(examplesDir(), 'demo.yaml'), 'utf8'));
    for (const i of raw.issuers) {
        const fake = i.id === 'github' ? github : gitlab;
        i.issuer = fake.url;
        if (i.jwks_uri)
            i.jwks_uri = fake.jwksUri;
    }
    const secretValues = [...demoSecretValues];
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'demo-deploy-key.pem'), secretValues[1], { mode: 0o600 });
    // The GitHub App mints at a fake GitHub API; its key is written where demo.yaml expects it.
    const githubApi = await startFakeGitHubApi();
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'demo-github-app.pem'), githubApi.app.privateKeyPem, { mode: 0o600 });
    for (const app of Object.values(raw.github_apps ?? {})) {
        app.api_url = githubApi.url;
        app.app_id = String(githubApi.app.appId);
    }
    const revocationToken = (0,external_node_crypto_.randomBytes)(24).toString('hex');
    secretValues.push(revocationToken);
    const configPath = (0,external_node_path_.join)(dir, 'broker.yaml');
    await (0,promises_.writeFile)(configPath, JSON.stringify(raw, null, 2));
    let config;
    try {
        config = await (0,load/* buildConfig */.fD)(raw, configPath, { env: { DEMO_DB_PASSWORD: secretValues[0], DEMO_REVOCATION_TOKEN: revocationToken }, checkSources: true });
    }
    catch (e) {
        // Leave nothing listening behind a configuration error, or the process would never exit.
        await Promise.all([github.close(), gitlab.close(), githubApi.close()]);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw e;
    }
    const brokerLog = [];
    const broker = (0,app/* buildBroker */.C)(config, {
        logStream: new external_node_stream_.Writable({
            write(chunk, _enc, cb) {
                brokerLog.push(chunk.toString('utf8'));
                cb();
            },
        }),
    });
    const brokerUrl = await broker.app.listen({ host: '127.0.0.1', port: 0 });
    return { github, gitlab, broker, brokerUrl, audience: raw.audience, dir, configPath, secretValues, brokerLog, githubApi, revocationToken };
}
async function stopDemo(ctx) {
    await ctx.broker.shutdown();
    await Promise.all([ctx.github.close(), ctx.gitlab.close(), ctx.githubApi?.close()]);
    await (0,promises_.rm)(ctx.dir, { recursive: true, force: true });
}
async function runDemo(steps, print) {
    const ctx = await startDemo();
    try {
        print('oidc-exchange demo: the whole flow on loopback, no account anywhere\n');
        print(`  fake GitHub issuer  ${ctx.github.url}`);
        print(`  fake GitLab issuer  ${ctx.gitlab.url}`);
        if (ctx.githubApi)
            print(`  fake GitHub API     ${ctx.githubApi.url}`);
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
const demoSpec = {
    name: 'demo',
    synopsis: '',
    description: `Runs the whole flow on loopback with no account anywhere: fake GitHub and GitLab issuers, the broker with
examples/demo.yaml, the GitHub Action through a fake runner, the GitLab component's job, a GitHub App token
minted, leaked and revoked. Prints a report (names and sizes, never values) and exits 0 only if every step
behaved as expected. Its temporary folder is removed at the end, on Ctrl-C and when the output is closed.`,
    options: {},
};
async function demoCommand(args = []) {
    const parsed = (0,options/* parseCommand */.RM)(demoSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const ok = await (0,scratch.withScratch)('oidc-exchange-demo-', async () => runDemo([
        ...brokerSteps,
        ...(await __webpack_require__.e(/* import() */ 341).then(__webpack_require__.bind(__webpack_require__, 16341))).githubActionSteps,
        ...githubAppSteps,
        ...(await __webpack_require__.e(/* import() */ 213).then(__webpack_require__.bind(__webpack_require__, 37594))).gitlabSteps,
    ], (line) => process.stdout.write(line + '\n')));
    return ok ? 0 : 1;
}

// EXTERNAL MODULE: ./src/cli/claims-file.ts
var claims_file = __webpack_require__(52920);
;// CONCATENATED MODULE: ./src/cli/commands/issuers.ts
// `oidc-exchange issuers` runs the fake issuers for manual testing; `oidc-exchange token` mints a token from
// a running one (over its harness-only mint endpoint), so a broker configured with that issuer accepts it.
// `token` reads claims the way every command does (src/cli/claims-file.ts): a claims file and --set, with
// the same claims filled in as `check`, `try-action` and `gitlab-job` fill in.




const issuersSpec = {
    name: 'issuers',
    synopsis: '[--github-port N] [--gitlab-port N] [--audience A]',
    description: 'Runs a fake GitHub and a fake GitLab OIDC issuer on loopback until interrupted (Ctrl-C or SIGTERM).',
    options: {
        'github-port': { type: 'string', arg: 'N', help: 'port of the fake GitHub issuer (default: any free port)' },
        'gitlab-port': { type: 'string', arg: 'N', help: 'port of the fake GitLab issuer (default: any free port)' },
        audience: { type: 'string', arg: 'A', help: 'default audience of the tokens they mint' },
    },
    epilog: 'Mint a token from one with: oidc-exchange token --issuer-url URL ...',
};
async function issuersCommand(args) {
    const parsed = (0,options/* parseCommand */.RM)(issuersSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    const githubPort = (0,options/* integerOption */.ig)('issuers', values['github-port'], '--github-port', 0, 65535) ?? 0;
    const gitlabPort = (0,options/* integerOption */.ig)('issuers', values['gitlab-port'], '--gitlab-port', 0, 65535) ?? 0;
    const github = await (0,issuer/* startFakeIssuer */.xm)({ kind: 'github', port: githubPort, audience: values.audience });
    const gitlab = await (0,issuer/* startFakeIssuer */.xm)({ kind: 'gitlab', port: gitlabPort, audience: values.audience }).catch(async (e) => {
        await github.close();
        throw e;
    });
    process.stdout.write(`fake GitHub issuer: ${github.url}\nfake GitLab issuer: ${gitlab.url}\n` +
        `mint a token:  oidc-exchange token --issuer-url ${github.url} --audience <broker audience> --set environment=production\n` +
        'press Ctrl-C to stop\n');
    await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
    await Promise.all([github.close(), gitlab.close()]);
    return 0;
}
const tokenSpec = {
    name: 'token',
    synopsis: '--issuer-url URL [--claims FILE] [--set CLAIM=VALUE ...] [--audience A] [--ttl SECONDS]',
    description: `Mints a signed token from a running fake issuer (oidc-exchange issuers) and prints it. A broker whose
issuers list that fake issuer accepts it like one from GitHub or GitLab.`,
    options: {
        'issuer-url': { type: 'string', arg: 'URL', help: 'the fake issuer (from oidc-exchange issuers)' },
        claims: { type: 'string', arg: 'FILE', help: "a JSON file of the token's claims, as the platform emits them" },
        set: { type: 'string', multiple: true, arg: 'CLAIM=VALUE', help: 'one claim (must agree with --claims)' },
        audience: { type: 'string', arg: 'A', help: "the token's aud (default: the platform's default audience)" },
        ttl: { type: 'string', arg: 'SECONDS', help: 'seconds until exp (default 300; negative for an expired token)' },
    },
    epilog: `Claims left out are filled in the way check, try-action and gitlab-job fill them in: sub and the other derived
claims from the parts, the rest from a typical job; iss is the fake issuer's URL, iat/nbf/exp/jti the new token's.
What was filled in is printed on stderr; the token alone goes to stdout.`,
};
async function tokenCommand(args) {
    const parsed = (0,options/* parseCommand */.RM)(tokenSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    const issuerUrl = values['issuer-url']?.replace(/\/+$/, '');
    if (!issuerUrl)
        throw new options/* UsageError */.eb('token', '--issuer-url URL is required (start the fake issuers with: oidc-exchange issuers)');
    const ttlSeconds = (0,options/* integerOption */.ig)('token', values.ttl, '--ttl', -31_536_000, 31_536_000);
    const given = await (0,claims_file.readGivenClaims)('token', values.claims, values.set);
    if (values.audience !== undefined)
        (0,claims_file.mustAgree)('token', given, 'aud', values.audience, '--audience');
    // The issuer's kind decides the platform when the claims do not, and must agree when they do.
    const kind = await issuerKind(issuerUrl);
    const completed = (0,claims_file.completeClaims)('token', given, { platform: kind, signedBy: issuerUrl });
    if (completed.platform !== kind) {
        throw new options/* UsageError */.eb('token', `the claims are ${issuers_name(completed.platform)} claims but ${issuerUrl} is a fake ${issuers_name(kind)} issuer; use the other one (oidc-exchange issuers prints both)`);
    }
    const source = [values.claims, values.set?.length ? '--set' : undefined].filter(Boolean).join(' or ') || 'the command line';
    for (const line of (0,claims_file.describeCompletion)(completed, source))
        process.stderr.write(`oidc-exchange token: ${line}\n`);
    const audience = values.audience ?? given.claims.aud;
    const res = await (0,undici.request)(`${issuerUrl}/_harness/mint`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ claims: completed.claims, audience, ttlSeconds }),
    });
    const body = (await res.body.json().catch(() => ({})));
    if (res.statusCode !== 200 || typeof body.value !== 'string') {
        process.stderr.write(`oidc-exchange token: the issuer answered ${res.statusCode}: ${JSON.stringify(String(body.message ?? '').slice(0, 200))}\n`);
        return 1;
    }
    process.stdout.write(`${body.value}\n`);
    return 0;
}
function issuers_name(p) {
    return p === 'github' ? 'GitHub' : 'GitLab';
}
/** GitHub's keys are at /.well-known/jwks, GitLab's at /oauth/discovery/keys: the discovery document says which. */
async function issuerKind(issuerUrl) {
    let jwksUri;
    try {
        const res = await (0,undici.request)(`${issuerUrl}/.well-known/openid-configuration`);
        jwksUri = (await res.body.json()).jwks_uri;
    }
    catch (e) {
        throw new options/* UsageError */.eb('token', `cannot reach a fake issuer at ${issuerUrl}: ${e.code ?? e.message} (start them with: oidc-exchange issuers)`);
    }
    if (typeof jwksUri === 'string' && jwksUri.endsWith('/oauth/discovery/keys'))
        return 'gitlab';
    if (typeof jwksUri === 'string' && jwksUri.endsWith('/.well-known/jwks'))
        return 'github';
    throw new options/* UsageError */.eb('token', `${issuerUrl} does not look like a fake issuer from oidc-exchange issuers`);
}

// EXTERNAL MODULE: ./src/harness/gitlab/job.ts + 1 modules
var job = __webpack_require__(2782);
// EXTERNAL MODULE: ./src/harness/try-action.ts
var try_action = __webpack_require__(43980);
;// CONCATENATED MODULE: ./src/cli/commands/harness.ts
// The harness's subcommands (`demo`, `issuers`, `token`, `gitlab-job`, `try-action`), loaded together as one
// chunk of dist/. They share the claims-file reader, the fake issuers, the fake runner and the scratch folder;
// loaded one by one, the bundler copied those small modules into each command's chunk.






/***/ }),

/***/ 43365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ inputVariable),
/* harmony export */   q: () => (/* binding */ readActionManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
// action.yml as the runner reads it: the inputs with their defaults and `required`, the outputs, and the
// entry points. The fake runner and `try-action` take everything from here, so a default or an input that
// exists only in our code and not in action.yml cannot go unnoticed.


async function readActionManifest(file) {
    const raw = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'), { uniqueKeys: true });
    const inputs = {};
    for (const [name, spec] of Object.entries((raw.inputs ?? {}))) {
        inputs[name] = {
            description: String(spec.description ?? ''),
            required: spec.required === true || spec.required === 'true',
            ...(spec.default !== undefined ? { default: String(spec.default) } : {}),
        };
    }
    return {
        name: String(raw.name ?? ''),
        inputs,
        outputs: (raw.outputs ?? {}),
        runs: raw.runs,
    };
}
/** The variable the runner sets for an input: upper case, spaces to `_`. */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}


/***/ }),

/***/ 46301:
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

/***/ 66066:
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
// EXTERNAL MODULE: ./src/platform/samples.ts
var samples = __webpack_require__(51256);
// EXTERNAL MODULE: ./src/harness/fakes/fake-http.ts
var fake_http = __webpack_require__(46301);
;// CONCATENATED MODULE: ./src/harness/fakes/issuer.ts
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
                return (0,samples/* gitlabClaims */.rc)({ project_path: 'acme/platform/api', ref: 'main', server_host: url.replace(/^https?:\/\//, ''), ...job });
            const claims = (0,samples/* githubClaims */.ro)({ repository: 'octo-org/octo-repo', ref: 'refs/heads/main', ...job });
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

/***/ 94819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e2: () => (/* binding */ startFakeRunner)
/* harmony export */ });
/* unused harmony exports inputVariables, actionInputs, postIfHolds, parseFileCommands, parseCommand, unescapeData, processLog */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _action_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(43365);
// A fake GitHub Actions runner, faithful to what the action can observe. It runs an action the way the
// runner does, from its action.yml: `runs.using` picks the Node runtime, `runs.main` runs, then `runs.post`
// when `runs.post-if` holds; every input the workflow's `with:` omits gets its `default` as INPUT_<NAME>,
// inputs action.yml does not declare get the runner's "Unexpected input(s)" warning, and (as on GitHub) a
// missing `required` input is not enforced by the runner: it is reported, and the action must say so itself.
// Around the steps: the OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL with its `?api-version=` query, the
// bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN, `&audience=`, `{"value": jwt}`), the job's GITHUB_* variables and
// event file, the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files in the runner's
// `name<<DELIMITER` format, and the post step started with the saved state as STATE_* and the exported
// variables. Each step is a separate process running the bundled dist/.
//
// The step's standard output is read line by line as the runner reads it: a line that starts with `::` after
// spaces, or holds `##[` anywhere, is a workflow command (`add-mask`, `warning`, `error`, `debug`, the
// deprecated but still honoured `set-output` and `save-state`, `stop-commands` until its token). The captured
// log is masked the way the runner does it: `::add-mask::` registers the value and each of its lines, and
// every later line has registered values replaced by ***. It also records any registered value that had
// already been printed before its registration, so tests can prove the ordering.







/** The runtimes GitHub runs JavaScript actions on today. */
const NODE_RUNTIMES = new Set(['node20', 'node24']);
async function startFakeRunner(opts) {
    const actionDir = opts.actionDir ?? (opts.distDir ? (0,node_path__WEBPACK_IMPORTED_MODULE_5__.dirname)(opts.distDir) : undefined);
    if (!actionDir)
        throw new Error('startFakeRunner: give actionDir (the folder holding action.yml)');
    const manifest = await (0,_action_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .readActionManifest */ .q)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(actionDir, 'action.yml'));
    if (!NODE_RUNTIMES.has(manifest.runs?.using))
        throw new Error(`action.yml: runs.using ${JSON.stringify(manifest.runs?.using)} is not a JavaScript runtime the runner has (${[...NODE_RUNTIMES].join(', ')})`);
    const repository = opts.repository ?? 'octo-org/octo-repo';
    const requestToken = (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(24).toString('base64url');
    const tokenRequests = [];
    const tokensIssued = [];
    const tokenPath = `/_apis/distributedtask/hubs/Actions/plans/${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(8).toString('hex')}/jobs/${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(8).toString('hex')}/idtoken`;
    // One token per audience is signed ahead of time, so a step measures the action and not the fake
    // issuer's RSA signing (GitHub's token service answers from its own, separate machines).
    const ahead = new Map();
    const nextToken = (audience) => {
        const token = ahead.get(audience) ?? opts.mint(audience);
        const refill = opts.mint(audience);
        refill.catch(() => ahead.delete(audience));
        ahead.set(audience, refill);
        return token;
    };
    const server = (0,node_http__WEBPACK_IMPORTED_MODULE_1__.createServer)((req, res) => {
        const url = new URL(req.url ?? '/', 'http://runner');
        const authorized = req.headers.authorization === `Bearer ${requestToken}`;
        const entry = { audience: url.searchParams.get('audience') ?? undefined, apiVersion: url.searchParams.get('api-version') ?? undefined, authorized };
        tokenRequests.push(entry);
        const reply = (status, body) => {
            res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
            res.end(JSON.stringify(body));
        };
        if (req.method !== 'GET' || url.pathname !== tokenPath)
            return reply(404, { message: 'not found' });
        if (!authorized)
            return reply(401, { message: 'invalid bearer token' });
        if (!entry.apiVersion)
            return reply(400, { message: 'api-version is required' });
        nextToken(entry.audience ?? 'https://github.com/octo-org').then((jwt) => {
            tokensIssued.push(jwt);
            reply(200, { value: jwt });
        }, (e) => reply(500, { message: e.message }));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.address().port;
    const tokenUrl = `http://127.0.0.1:${port}${tokenPath}?api-version=2.0`;
    async function runStep(script, workdir, step, env, jobOpts, preface = []) {
        const files = {
            GITHUB_ENV: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-env`),
            GITHUB_OUTPUT: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-output`),
            GITHUB_STATE: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-state`),
            GITHUB_STEP_SUMMARY: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-summary`),
        };
        for (const f of Object.values(files))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.writeFile)(f, '');
        const rssFile = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-rss`);
        const args = jobOpts.measureRss ? [`--import=data:text/javascript,${encodeURIComponent(RSS_HOOK)}`, script] : [script];
        const started = process.hrtime.bigint();
        const node = jobOpts.node ?? opts.runtimes?.[manifest.runs.using] ?? process.execPath;
        const { code, stdout, stderr } = await spawnStep(node, args, { ...env, ...files, ...(jobOpts.measureRss ? { HARNESS_RSS_FILE: rssFile } : {}) }, jobOpts.stepTimeoutMs ?? 60_000);
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const peakRssKb = jobOpts.measureRss ? Number(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(rssFile, 'utf8').catch(() => 'NaN')) : undefined;
        const logged = processLog(stdout, stderr, preface);
        // The runner applies the files after the step ends, so they win over commands printed during it.
        return {
            exitCode: code,
            ...logged,
            env: parseFileCommands(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(files.GITHUB_ENV, 'utf8')),
            outputs: { ...logged.printedOutputs, ...parseFileCommands(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(files.GITHUB_OUTPUT, 'utf8')) },
            state: { ...logged.printedState, ...parseFileCommands(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(files.GITHUB_STATE, 'utf8')) },
            summary: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(files.GITHUB_STEP_SUMMARY, 'utf8'),
            durationMs,
            ...(peakRssKb !== undefined ? { peakRssKb } : {}),
        };
    }
    return {
        tokenRequests,
        tokensIssued,
        async runJob(jobOpts) {
            const workdir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_4__.tmpdir)(), 'fake-runner-'));
            const runnerTemp = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, 'runner-temp');
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdir)(runnerTemp);
            try {
                const { variables, missingRequired, unexpected } = actionInputs(manifest, jobOpts.inputs);
                const eventPath = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, 'event.json');
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.writeFile)(eventPath, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: repository, name: repository.split('/')[1], owner: { login: repository.split('/')[0] } } }));
                const runId = String(1_000_000 + Math.floor(Math.random() * 1_000_000));
                const base = {
                    PATH: process.env.PATH ?? '/usr/bin:/bin',
                    HOME: workdir,
                    CI: 'true',
                    GITHUB_ACTIONS: 'true',
                    RUNNER_TEMP: runnerTemp,
                    RUNNER_OS: 'Linux',
                    RUNNER_ARCH: 'X64',
                    GITHUB_WORKSPACE: workdir,
                    GITHUB_REPOSITORY: repository,
                    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
                    GITHUB_RUN_ID: runId,
                    GITHUB_RUN_NUMBER: '1',
                    GITHUB_RUN_ATTEMPT: '1',
                    GITHUB_SERVER_URL: 'https://github.com',
                    GITHUB_API_URL: 'https://api.github.com',
                    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
                    GITHUB_EVENT_NAME: 'push',
                    GITHUB_EVENT_PATH: eventPath,
                    GITHUB_REF: 'refs/heads/main',
                    GITHUB_WORKFLOW: 'ci',
                    GITHUB_JOB: 'deploy',
                    GITHUB_ACTOR: 'octocat',
                    ...(jobOpts.idToken === false ? {} : { ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken }),
                    ...variables,
                    ...(jobOpts.env ?? {}),
                };
                // The runner's own warning comes before the step's output.
                const preface = unexpected ? [`##[warning]${unexpected}`] : [];
                const main = await runStep((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(actionDir, manifest.runs.main), workdir, 'main', base, jobOpts, preface);
                if (unexpected)
                    main.warnings.unshift(unexpected);
                await jobOpts.betweenSteps?.(main, runnerTemp);
                const result = { main, missingRequired, ...(unexpected ? { unexpectedInputs: unexpected } : {}) };
                if (jobOpts.post === false || !manifest.runs.post || !postIfHolds(manifest.runs['post-if'] ?? 'always()', main.exitCode === 0))
                    return result;
                // The post step sees what the main step exported and its saved state.
                const stateVars = Object.fromEntries(Object.entries({ ...main.state, ...jobOpts.postState }).map(([k, v]) => [`STATE_${k}`, v]));
                result.post = await runStep((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(actionDir, manifest.runs.post), workdir, 'post', { ...base, ...main.env, ...stateVars }, jobOpts);
                return result;
            }
            finally {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(workdir, { recursive: true, force: true });
            }
        },
        async timeBareNode(node) {
            const started = process.hrtime.bigint();
            await spawnStep(node ?? process.execPath, ['-e', '0'], { PATH: process.env.PATH ?? '/usr/bin:/bin' }, 60_000);
            return Number(process.hrtime.bigint() - started) / 1e6;
        },
        async close() {
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
const RSS_HOOK = "import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.HARNESS_RSS_FILE,String(process.resourceUsage().maxRSS)));";
/** `with: { broker-url: x }` becomes INPUT_BROKER-URL (upper case, spaces to _, dashes kept). */
function inputVariables(inputs) {
    return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));
}
/**
 * The INPUT_* variables the runner sets for a step: the `with:` values, plus each declared input's default
 * where `with:` omits it. Input names compare case-insensitively, as the runner's do. Defaults that are
 * expressions (`${{ github.token }}`) are not evaluated here: this action has none, and a test says so.
 */
function actionInputs(manifest, given) {
    const declared = Object.keys(manifest.inputs);
    const lower = new Map(declared.map((n) => [n.toLowerCase(), n]));
    const variables = {};
    const unexpectedNames = Object.keys(given).filter((k) => !lower.has(k.toLowerCase()));
    for (const [k, v] of Object.entries(given))
        variables[(0,_action_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .inputVariable */ .L)(k)] = v;
    const missingRequired = [];
    for (const [name, spec] of Object.entries(manifest.inputs)) {
        if (Object.keys(given).some((k) => k.toLowerCase() === name.toLowerCase()))
            continue;
        if (spec.default !== undefined) {
            if (spec.default.includes('${{'))
                throw new Error(`action.yml: the default of ${name} is an expression, which the fake runner does not evaluate`);
            variables[(0,_action_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .inputVariable */ .L)(name)] = spec.default;
        }
        else if (spec.required)
            missingRequired.push(name);
    }
    const unexpected = unexpectedNames.length
        ? `Unexpected input(s) ${unexpectedNames.map((n) => `'${n}'`).join(', ')}, valid inputs are [${declared.map((n) => `'${n}'`).join(', ')}]`
        : undefined;
    return { variables, missingRequired, ...(unexpected ? { unexpected } : {}) };
}
/** `runs.post-if`, for the status functions the runner offers there (the default is always()). */
function postIfHolds(condition, mainSucceeded) {
    const c = condition.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
    const values = {
        'always()': true,
        'success()': mainSucceeded,
        'failure()': !mainSucceeded,
        'cancelled()': false,
        '!cancelled()': true,
    };
    if (!(c in values))
        throw new Error(`action.yml: post-if ${JSON.stringify(condition)} is not one of ${Object.keys(values).join(', ')}`);
    return values[c];
}
function spawnStep(node, args, env, timeoutMs) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => err.push(c));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', reject);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
        });
    });
}
/**
 * The runner's reading of GITHUB_ENV/OUTPUT/STATE: `name=value` lines, or `name<<DELIMITER` followed by the
 * value's lines up to a line that is exactly the delimiter. Lines end with LF or CRLF; the line break before
 * the closing delimiter is not part of the value, the others are kept as they were written.
 */
function parseFileCommands(text) {
    const out = {};
    let i = 0;
    const readLine = () => {
        if (i >= text.length)
            return undefined;
        const lf = text.indexOf('\n', i);
        if (lf < 0) {
            const line = text.slice(i);
            i = text.length;
            return { line, nl: '' };
        }
        const crlf = lf > i && text[lf - 1] === '\r';
        const line = text.slice(i, crlf ? lf - 1 : lf);
        i = lf + 1;
        return { line, nl: crlf ? '\r\n' : '\n' };
    };
    for (let l = readLine(); l; l = readLine()) {
        if (l.line === '')
            continue;
        const heredoc = l.line.indexOf('<<');
        const eq = l.line.indexOf('=');
        if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
            const name = l.line.slice(0, heredoc);
            const delimiter = l.line.slice(heredoc + 2);
            if (delimiter === '')
                throw new Error(`invalid file command: empty delimiter for ${name}`);
            let value = '';
            let pendingNl = '';
            let closed = false;
            for (let v = readLine(); v; v = readLine()) {
                if (v.line === delimiter) {
                    closed = true;
                    break;
                }
                value += pendingNl + v.line;
                pendingNl = v.nl;
            }
            if (!closed)
                throw new Error(`invalid file command: ${name} has no closing delimiter`);
            out[name] = value;
        }
        else if (eq > 0) {
            out[l.line.slice(0, eq)] = l.line.slice(eq + 1);
        }
        else {
            throw new Error(`invalid file command line: ${JSON.stringify(l.line.slice(0, 40))}`);
        }
    }
    return out;
}
/** The commands the runner knows (ActionCommandManager); a line naming any other is plain output. */
const COMMANDS = new Set([
    'add-mask', 'warning', 'error', 'notice', 'debug', 'group', 'endgroup', 'echo', 'set-output', 'save-state',
    'set-env', 'add-path', 'add-matcher', 'remove-matcher', 'stop-commands',
]);
/**
 * One line as the runner's parser reads it (ActionCommand.TryParseV2, then TryParse): `::name k=v,k=v::data`
 * at the start of the line after leading spaces, else `##[name k=v;k=v]data` anywhere in it. Names compare
 * case-insensitively; `registered` adds the resume token of stop-commands.
 */
function parseCommand(line, registered = COMMANDS) {
    const v2 = line.trimStart();
    if (v2.startsWith('::')) {
        const end = v2.indexOf('::', 2);
        if (end >= 0) {
            const info = v2.slice(2, end);
            const space = info.indexOf(' ');
            const name = space < 0 ? info : info.slice(0, space);
            if (registered.has(name.toLowerCase())) {
                return { name: name.toLowerCase(), properties: properties(space < 0 ? '' : info.slice(space + 1), ',', unescapeProperty), data: unescapeData(v2.slice(end + 2)) };
            }
        }
    }
    const at = line.indexOf('##[');
    if (at < 0)
        return undefined;
    const rb = line.indexOf(']', at);
    if (rb < 0)
        return undefined;
    const info = line.slice(at + 3, rb);
    const space = info.indexOf(' ');
    const name = space < 0 ? info : info.slice(0, space);
    if (!registered.has(name.toLowerCase()))
        return undefined;
    return { name: name.toLowerCase(), properties: properties(space < 0 ? '' : info.slice(space + 1), ';', unescapeV1), data: unescapeV1(line.slice(rb + 1)) };
}
function properties(text, separator, unescape) {
    const out = {};
    for (const pair of text.trim().split(separator)) {
        const eq = pair.indexOf('=');
        if (eq > 0 && eq < pair.length - 1)
            out[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    return out;
}
/** The runner's unescaping of command data: %0D, %0A, then %25 (in that order, as ActionCommand does). */
function unescapeData(s) {
    return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s) {
    return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}
function unescapeV1(s) {
    return s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%');
}
/**
 * Interprets the step's output like the runner: commands (including the deprecated `set-output` and
 * `save-state`, still honoured, and `stop-commands`), mask registration, then masking of each line.
 * `preface` is what the runner itself printed before the step (its own warnings).
 */
function processLog(stdout, stderr, preface = []) {
    const masks = new Set();
    const printedBeforeMask = [];
    const shownRaw = [];
    const shown = [];
    const warnings = [];
    const errors = [];
    const commands = [];
    const printedOutputs = {};
    const printedState = {};
    const registered = new Set(COMMANDS);
    let stopToken;
    let sorted = [];
    const mask = (line) => {
        let out = line;
        for (const m of sorted)
            if (out.includes(m))
                out = out.split(m).join('***');
        return out;
    };
    const register = (value) => {
        for (const v of [value, ...value.split(/\r?\n/)]) {
            if (v.trim() === '' || masks.has(v))
                continue;
            if (shownRaw.some((l) => l.includes(v)))
                printedBeforeMask.push(v);
            masks.add(v);
        }
        sorted = [...masks].sort((a, b) => b.length - a.length);
    };
    const plain = (line) => {
        shownRaw.push(line);
        shown.push(mask(line));
    };
    for (const line of preface)
        plain(line);
    const lines = stdout.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    for (const rawLine of lines) {
        const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
        const cmd = parseCommand(line, registered);
        if (!cmd) {
            plain(line);
            continue;
        }
        if (stopToken !== undefined) {
            // Stopped: only the resume token counts; everything else is plain output.
            if (cmd.name === stopToken.toLowerCase()) {
                registered.delete(cmd.name);
                stopToken = undefined;
                commands.push('resume-commands');
            }
            plain(line);
            continue;
        }
        commands.push(cmd.name);
        switch (cmd.name) {
            case 'add-mask':
                if (cmd.data.trim() !== '')
                    register(cmd.data);
                break;
            case 'stop-commands':
                stopToken = cmd.data;
                registered.add(cmd.data.toLowerCase());
                plain(line);
                break;
            case 'set-output':
                if (cmd.properties.name)
                    printedOutputs[cmd.properties.name] = cmd.data;
                break;
            case 'save-state':
                if (cmd.properties.name)
                    printedState[cmd.properties.name] = cmd.data;
                break;
            case 'set-env':
            case 'add-path': {
                const text = `Unable to process command '${line}' successfully. The \`${cmd.name}\` command is disabled.`;
                errors.push(mask(text));
                shown.push(`Error: ${mask(text)}`);
                break;
            }
            case 'warning':
            case 'error':
            case 'notice':
            case 'debug': {
                shownRaw.push(cmd.data);
                const text = mask(cmd.data);
                if (cmd.name === 'warning')
                    warnings.push(text);
                if (cmd.name === 'error')
                    errors.push(text);
                shown.push(`${cmd.name === 'debug' ? '##[debug]' : `${cmd.name[0].toUpperCase()}${cmd.name.slice(1)}: `}${text}`);
                break;
            }
            default:
                plain(cmd.data);
        }
    }
    for (const line of stderr.split('\n')) {
        if (line === '')
            continue;
        plain(line);
    }
    return { log: shown.join('\n'), raw: `${stdout}\n${stderr}`, masks, printedBeforeMask, warnings, errors, commands, printedOutputs, printedState };
}


/***/ }),

/***/ 2782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _x: () => (/* binding */ gitlabJobCommand),
  Wm: () => (/* binding */ runGitLabJob)
});

// UNUSED EXPORTS: GitLabConfigError, componentTemplatePath, gitlabJobSpec, interpolate, loadHiddenJob, parseComponent, resolveInputs

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/harness/gitlab/component.ts
// A CI/CD component template read the way GitLab reads it when a pipeline includes it (harness part three,
// with gitlab-job.ts): the header must be exactly `spec: inputs:` (GitLab's Header::Root allows only `spec`,
// Header::Spec only `inputs`, each Header::Input only default, description, options, regex, type and rules),
// the inputs a pipeline passes are checked against it, and `$[[ inputs.X ]]` is interpolated after YAML
// parsing: a string that is exactly one block takes the input's typed value, inside a longer string the value
// becomes text, and a block naming an input the header does not declare fails the pipeline.




/** A configuration GitLab would refuse when the pipeline is created (before any job runs). */
class GitLabConfigError extends Error {
    constructor(message) {
        super(`This GitLab CI configuration is invalid: ${message}`);
        this.name = 'GitLabConfigError';
    }
}
const HEADER_KEYS = ['spec'];
const SPEC_KEYS = ['inputs'];
const INPUT_KEYS = ['default', 'description', 'options', 'regex', 'type', 'rules'];
const INPUT_TYPES = ['string', 'number', 'boolean', 'array'];
const OPTIONS_LIMIT = 50;
/** Where the component's template is, from the source tree or from the dist/ bundle. */
function componentTemplatePath(name = 'secrets') {
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const candidate = (0,external_node_path_.join)(dir, 'gitlab-component', 'templates', `${name}.yml`);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        dir = (0,external_node_path_.dirname)(dir);
    }
    throw new Error(`cannot find gitlab-component/templates/${name}.yml next to the oidc-exchange installation`);
}
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function unknownKeys(where, node, allowed) {
    const extra = Object.keys(node).filter((k) => !allowed.includes(k));
    return extra.length ? [`${where} config contains unknown keys: ${extra.join(', ')}`] : [];
}
function typeOf(v) {
    return Array.isArray(v) ? 'array' : typeof v;
}
/** Every reason GitLab would refuse this header, in GitLab's words; empty when it is accepted. */
function headerProblems(header) {
    if (!isMap(header))
        return ['header config should be a hash'];
    const problems = unknownKeys('header', header, HEADER_KEYS);
    const spec = header.spec;
    if (spec === undefined)
        return problems;
    if (!isMap(spec))
        return [...problems, 'header:spec config should be a hash'];
    problems.push(...unknownKeys('header:spec', spec, SPEC_KEYS));
    const inputs = spec.inputs ?? {};
    if (!isMap(inputs))
        return [...problems, 'header:spec:inputs config should be a hash'];
    for (const [name, raw] of Object.entries(inputs)) {
        const where = `header:spec:inputs:${name}`;
        if (!/^[A-Za-z0-9_-]+$/.test(name))
            problems.push(`${where} key must be an alphanumeric string`);
        if (raw === null)
            continue;
        if (!isMap(raw)) {
            problems.push(`${where} config should be a hash`);
            continue;
        }
        problems.push(...unknownKeys(where, raw, INPUT_KEYS));
        const type = (raw.type ?? 'string');
        if (!INPUT_TYPES.includes(type)) {
            problems.push(`${where} input type unknown value: ${type}`);
            continue;
        }
        if (raw.description !== undefined && typeof raw.description !== 'string')
            problems.push(`${where} description should be a string`);
        if (raw.default !== undefined && raw.default !== null && typeOf(raw.default) !== type)
            problems.push(`${where} default value is not a ${type}`);
        if (raw.regex !== undefined) {
            if (type !== 'string')
                problems.push(`${where} RegEx validation can only be used with string inputs`);
            else {
                try {
                    new RegExp(String(raw.regex));
                }
                catch {
                    problems.push(`${where} regex is not a valid regular expression`);
                }
            }
        }
        if (raw.options !== undefined) {
            if (!Array.isArray(raw.options))
                problems.push(`${where} options should be an array`);
            else {
                if (type !== 'string' && type !== 'number')
                    problems.push(`${where} options can only be used with string and number inputs`);
                if (raw.options.length > OPTIONS_LIMIT)
                    problems.push(`${where} config cannot define more than ${OPTIONS_LIMIT} options`);
                if (raw.default !== undefined && !raw.options.includes(raw.default))
                    problems.push(`${where} default value is not included in the options`);
            }
        }
    }
    return problems;
}
function parseComponent(text) {
    const docs = (0,dist/* parseAllDocuments */.hR)(text);
    if (docs.length !== 2)
        throw new GitLabConfigError('a component template is a spec header, a --- line, then the configuration');
    for (const d of docs)
        if (d.errors.length)
            throw new GitLabConfigError(d.errors[0].message);
    const header = docs[0].toJS();
    const problems = headerProblems(header);
    if (problems.length)
        throw new GitLabConfigError(problems.join(', '));
    const spec = header.spec;
    if (!spec)
        throw new GitLabConfigError('the header must hold spec:');
    const inputs = {};
    for (const [k, v] of Object.entries(spec.inputs ?? {}))
        inputs[k] = v ?? {};
    return { inputs, body: docs[1].toJS() };
}
/** Checks the given inputs against the spec as GitLab does at pipeline creation, and applies defaults. */
function resolveInputs(spec, given) {
    const unknown = Object.keys(given).filter((k) => !(k in spec));
    if (unknown.length)
        throw new GitLabConfigError(`unknown input name provided: \`${unknown.join(', ')}\``);
    const out = {};
    for (const [name, s] of Object.entries(spec)) {
        const value = given[name] ?? s.default;
        if (value === undefined)
            throw new GitLabConfigError(`\`${name}\` input: required value has not been provided`);
        const type = s.type ?? 'string';
        if (typeOf(value) !== type)
            throw new GitLabConfigError(`\`${name}\` input: provided value is not a ${type}`);
        if (s.options && !s.options.includes(value)) {
            throw new GitLabConfigError(`\`${name}\` input: \`${String(value)}\` cannot be used because it is not in the list of allowed options`);
        }
        if (s.regex !== undefined && !new RegExp(s.regex).test(String(value))) {
            throw new GitLabConfigError(`\`${name}\` input: \`${String(value)}\` does not match required regex: ${s.regex}`);
        }
        out[name] = value;
    }
    return out;
}
const BLOCK = /\$\[\[\s*(.*?)\s*\]\]/g;
const WHOLE = /^\$\[\[\s*(.*?)\s*\]\]$/;
/** The input a block's expression reads (`inputs.name`, optionally piped through functions). */
function blockInput(expression) {
    const access = expression.split('|')[0].trim();
    const m = /^inputs\.([\w-]+)$/.exec(access);
    if (!m)
        throw new GitLabConfigError(`unknown interpolation provided: \`${access}\` in \`${expression}\``);
    return m[1];
}
/** Every input name the configuration's `$[[ ]]` blocks read, keys included. */
function interpolationKeys(node, out = new Set()) {
    if (typeof node === 'string')
        for (const m of node.matchAll(BLOCK))
            out.add(blockInput(m[1]));
    else if (Array.isArray(node))
        for (const n of node)
            interpolationKeys(n, out);
    else if (isMap(node))
        for (const [k, v] of Object.entries(node))
            interpolationKeys(v, interpolationKeys(k, out));
    return out;
}
/** `$[[ inputs.x ]]` everywhere, keys included: a node that is one block gets the typed value. */
function interpolate(node, inputs) {
    if (typeof node === 'string') {
        const whole = WHOLE.exec(node);
        if (whole && !whole[1].includes(']]'))
            return lookup(inputs, blockInput(whole[1]));
        return node.replace(BLOCK, (_m, expression) => {
            const v = lookup(inputs, blockInput(expression));
            return Array.isArray(v) ? JSON.stringify(v) : String(v);
        });
    }
    if (Array.isArray(node))
        return node.map((n) => interpolate(n, inputs));
    if (isMap(node)) {
        return Object.fromEntries(Object.entries(node).map(([k, v]) => [String(interpolate(k, inputs)), interpolate(v, inputs)]));
    }
    return node;
}
function lookup(inputs, key) {
    if (!(key in inputs))
        throw new GitLabConfigError(`unknown interpolation key: \`${key}\``);
    return inputs[key];
}

// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(60776);
// EXTERNAL MODULE: ./src/cli/suggest.ts
var suggest = __webpack_require__(77472);
;// CONCATENATED MODULE: ./src/harness/gitlab/job.ts
// Runs the GitLab component's job on this machine the way a GitLab runner with a shell executor would:
// the template's `spec: inputs` are checked and interpolated, the user's job extends the hidden job, the id
// token comes from the fake GitLab issuer, before_script and script run in one shell (so the exported
// variables reach the script) and after_script in another, with only the job's variables. Output is
// captured as the job log would show it. Tests and `npm run demo` use this; gitlab-ci-local covers the
// same template from the outside.








/** Interpolates the component with the inputs and returns the hidden job's definition. */
async function loadHiddenJob(templatePath, inputs) {
    const component = parseComponent(await (0,promises_.readFile)(templatePath, 'utf8'));
    const resolved = resolveInputs(component.inputs, inputs);
    const body = interpolate(component.body, resolved);
    const names = Object.keys(body).filter((k) => k.startsWith('.'));
    const global = Object.keys(body).filter((k) => !k.startsWith('.'));
    if (global.length)
        throw new Error(`the component defines visible jobs or global keywords (${global.join(', ')}); it should only define hidden jobs`);
    if (names.length !== 1)
        throw new Error(`expected one hidden job in the component, found ${names.length}`);
    return { name: names[0], job: body[names[0]] };
}
let jobCounter = 0;
async function runGitLabJob(opts) {
    const { job } = await loadHiddenJob(opts.templatePath ?? componentTemplatePath(), opts.inputs);
    const root = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'oidc-exchange-gitlab-job-'));
    const buildsDir = (0,external_node_path_.join)(root, 'builds');
    const projectDir = (0,external_node_path_.join)(buildsDir, 'acme', 'platform', 'api');
    const tmpDir = (0,external_node_path_.join)(root, 'tmp');
    await Promise.all([mkdirp(projectDir), mkdirp(tmpDir)]);
    const jobId = opts.jobId ?? String(7_000_000 + process.pid * 100 + (++jobCounter % 100));
    await opts.prepare?.({ root, buildsDir, projectDir, tmpDir, jobId });
    // 1. The job's variables: predefined ones, the id token (id_tokens), then the job's own `variables:`.
    const idTokens = (job.id_tokens ?? {});
    const env = {
        PATH: opts.path ?? process.env.PATH ?? '/usr/bin:/bin',
        HOME: root,
        TMPDIR: tmpDir,
        CI: 'true',
        GITLAB_CI: 'true',
        CI_JOB_ID: jobId,
        CI_JOB_NAME: 'deploy',
        CI_PROJECT_DIR: projectDir,
        CI_BUILDS_DIR: buildsDir,
        CI_PROJECT_PATH: opts.job?.project_path ?? 'acme/platform/api',
        CI_COMMIT_REF_NAME: opts.job?.ref ?? 'main',
        CI_SERVER_URL: opts.issuer?.url ?? 'https://gitlab.example.com',
    };
    for (const [name, spec] of Object.entries(idTokens)) {
        if (opts.token !== undefined)
            env[name] = opts.token;
        else if (opts.issuer)
            env[name] = await opts.issuer.mint(opts.issuer.claimsFor(opts.job ?? {}), { audience: spec.aud });
    }
    for (const [k, v] of Object.entries((job.variables ?? {})))
        env[k] = expandVariables(String(v ?? ''), env);
    for (const [k, v] of Object.entries(opts.variables ?? {}))
        env[k] = v;
    // 2. before_script + script in one shell, after_script in another: GitLab's split.
    const before = opts.beforeScript ?? (job.before_script ?? []);
    const after = opts.afterScript ?? (job.after_script ?? []);
    const trace = env.CI_DEBUG_TRACE === 'true';
    const shell = opts.shell ?? ['/bin/sh'];
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const main = await runScript((0,external_node_path_.join)(root, 'script.sh'), [...before, ...opts.script], { shell, env, cwd: projectDir, trace, errexit: true, timeoutMs });
    const afterRun = after.length
        ? await runScript((0,external_node_path_.join)(root, 'after_script.sh'), after, { shell, env, cwd: projectDir, trace, errexit: true, timeoutMs })
        : { code: 0, log: '' };
    const status = main.code === 0 ? 'Job succeeded' : `ERROR: Job failed: exit code ${main.code}`;
    const afterPart = after.length ? `Running after_script\n${afterRun.log}` : '';
    return {
        exitCode: main.code,
        afterExitCode: afterRun.code,
        scriptLog: main.log,
        afterLog: afterRun.log,
        log: `${main.log}${afterPart}${status}\n`,
        projectDir,
        buildsDir,
        tmpDir,
        jobId,
        cleanup: () => (0,promises_.rm)(root, { recursive: true, force: true }),
    };
}
/** $NAME and ${NAME} expansion as GitLab applies to `variables:` values. */
function expandVariables(value, env) {
    return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, a, b) => env[(a ?? b)] ?? '');
}
async function mkdirp(dir) {
    await (0,promises_.mkdir)(dir, { recursive: true });
}
/**
 * Writes the commands as the runner does (each one announced with `$ ` and its first line, then run) and
 * runs the file with the shell, capturing stdout and stderr interleaved.
 */
async function runScript(file, commands, run) {
    const lines = [];
    if (run.errexit)
        lines.push('if set -o 2>/dev/null | grep -q pipefail; then set -o pipefail; fi', 'set -e');
    if (run.trace)
        lines.push('set -x');
    for (const command of commands) {
        const first = command.split('\n')[0];
        const shown = command.includes('\n') ? `${first} # collapsed multi-line command` : first;
        lines.push(`printf '%s\\n' ${shellQuote(`$ ${shown}`)}`, command);
    }
    await (0,promises_.writeFile)(file, lines.join('\n') + '\n', { mode: 0o700 });
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(run.shell[0], [...run.shell.slice(1), file], { cwd: run.cwd, env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
        const chunks = [];
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => chunks.push(c));
        const timer = setTimeout(() => child.kill('SIGKILL'), run.timeoutMs);
        child.on('error', (e) => {
            clearTimeout(timer);
            reject(e);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code: code ?? (signal ? 137 : 1), log: Buffer.concat(chunks).toString('utf8') });
        });
    });
}
function shellQuote(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
const gitlabJobSpec = {
    name: 'gitlab-job',
    synopsis: `--input broker_url=URL --input audience=AUD [--input NAME=VALUE ...]
             (--issuer-url URL [--claims FILE] [--set CLAIM=VALUE ...] | --token JWT)
             [--script CMD ...] [--shell PATH] [--variable NAME=VALUE ...]`,
    description: `Runs the GitLab component's job here, as a GitLab runner with a shell executor would: the template's inputs
checked and interpolated, the id token from a running fake GitLab issuer (oidc-exchange issuers) or --token,
before_script and your script in one shell, after_script in another. Prints the job log; exits with the job's status.`,
    options: {
        input: { type: 'string', multiple: true, arg: 'NAME=VALUE', help: "the component's inputs, as in include: component: inputs:" },
        'issuer-url': { type: 'string', arg: 'URL', help: 'the fake GitLab issuer that signs the id token' },
        claims: { type: 'string', arg: 'FILE', help: "the id token's claims, as GitLab emits them (filled in like check does)" },
        set: { type: 'string', multiple: true, arg: 'CLAIM=VALUE', help: 'one claim (must agree with --claims)' },
        token: { type: 'string', arg: 'JWT', help: 'use this id token instead of minting one' },
        script: { type: 'string', multiple: true, arg: 'CMD', help: "the job's script lines" },
        shell: { type: 'string', arg: 'PATH', help: 'the shell the runner uses (default /bin/sh)' },
        variable: { type: 'string', multiple: true, arg: 'NAME=VALUE', help: 'a CI/CD variable of the job (e.g. CI_DEBUG_TRACE=true)' },
    },
};
/**
 * `oidc-exchange gitlab-job`: runs the component's job here against a broker, with a token minted by a
 * running fake GitLab issuer (`oidc-exchange issuers`) or given with --token, and prints the job log.
 */
async function gitlabJobCommand(args) {
    const parsed = (0,options/* parseCommand */.RM)(gitlabJobSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    if (!values.token === !values['issuer-url'])
        throw new options/* UsageError */.eb('gitlab-job', 'give the id token with exactly one of --issuer-url URL (a fake GitLab issuer mints it) or --token JWT');
    if (values.token && (values.claims !== undefined || values.set?.length)) {
        throw new options/* UsageError */.eb('gitlab-job', '--claims and --set shape a token the fake issuer mints; with --token they would do nothing: drop one or the other');
    }
    // Inputs come as text; the spec's types decide what they become, as GitLab's include: inputs would.
    const templatePath = componentTemplatePath();
    const spec = parseComponent(await (0,promises_.readFile)(templatePath, 'utf8')).inputs;
    const given = (0,options/* keyValues */.K7)('gitlab-job', 'input', values.input);
    const inputs = {};
    for (const [k, v] of Object.entries(given)) {
        if (!Object.hasOwn(spec, k)) {
            const guess = (0,suggest/* closest */.k)(k, Object.keys(spec));
            throw new options/* UsageError */.eb('gitlab-job', `--input ${k}: the component has no input ${JSON.stringify(k)}${guess ? `; did you mean ${guess}?` : ''} (its inputs: ${Object.keys(spec).join(', ')})`);
        }
        const type = spec[k]?.type ?? 'string';
        inputs[k] = type === 'number' ? Number(v) : type === 'boolean' ? v === 'true' : type === 'array' ? JSON.parse(v) : v;
    }
    const variables = (0,options/* keyValues */.K7)('gitlab-job', 'variable', values.variable);
    let token = values.token;
    if (!token) {
        const { readGivenClaims, mustAgree, completeClaims, describeCompletion } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 52920));
        const issuerUrl = values['issuer-url'].replace(/\/+$/, '');
        const claims = await readGivenClaims('gitlab-job', values.claims, values.set);
        if (inputs.audience !== undefined)
            mustAgree('gitlab-job', claims, 'aud', String(inputs.audience), 'the audience input');
        else if (claims.claims.aud !== undefined)
            inputs.audience = String(claims.claims.aud);
        const completed = completeClaims('gitlab-job', claims, { platform: 'gitlab', signedBy: issuerUrl });
        if (completed.platform !== 'gitlab')
            throw new options/* UsageError */.eb('gitlab-job', 'the claims are GitHub claims; gitlab-job runs the GitLab component (for the GitHub Action, use oidc-exchange try-action)');
        for (const line of describeCompletion(completed, values.claims ?? '--set'))
            process.stderr.write(`oidc-exchange gitlab-job: ${line}\n`);
        const { request } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 46752, 19));
        const hidden = await loadHiddenJob(templatePath, inputs);
        const aud = Object.values((hidden.job.id_tokens ?? {}))[0]?.aud;
        delete completed.claims.aud;
        const res = await request(`${issuerUrl}/_harness/mint`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ claims: completed.claims, audience: aud }),
        });
        const body = (await res.body.json());
        if (res.statusCode !== 200 || !body.value)
            throw new Error(`the issuer answered ${res.statusCode}: ${body.message ?? ''}`);
        token = body.value;
    }
    const { withScratch } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 59818));
    return withScratch('oidc-exchange-gitlab-job-', async () => {
        const result = await runGitLabJob({
            inputs,
            token,
            script: values.script ?? [],
            shell: values.shell ? [values.shell] : undefined,
            variables,
            templatePath,
        });
        try {
            process.stdout.write(result.log);
            return result.exitCode;
        }
        finally {
            await result.cleanup();
        }
    });
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


/***/ }),

/***/ 43980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xu: () => (/* binding */ actionRoot),
/* harmony export */   ft: () => (/* binding */ tryActionCommand)
/* harmony export */ });
/* unused harmony export tryActionSpec */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38815);
/* harmony import */ var _broker_config_load_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38867);
/* harmony import */ var _broker_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(27662);
/* harmony import */ var _platform_claims_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(52926);
/* harmony import */ var _broker_http_app_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(52465);
/* harmony import */ var _fakes_action_manifest_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(43365);
/* harmony import */ var _fakes_issuer_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(66066);
/* harmony import */ var _fakes_runner_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(94819);
/* harmony import */ var _scratch_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(59818);
/* harmony import */ var _cli_claims_file_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(52920);
/* harmony import */ var _cli_options_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(60776);
/* harmony import */ var _cli_suggest_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(77472);
// `oidc-exchange try-action`: try a broker configuration before pushing a workflow. Starts a fake GitHub
// issuer and the broker from the given configuration (its GitHub issuer pointed at the fake one), mints a
// token with the given claims, runs the bundled action (main, then post) through the fake runner, and
// prints what the job would receive: exported names, masked values, outputs, the job summary and the log.
// Claims are read and filled in as every command does (src/cli/claims-file.ts); inputs are checked against
// action.yml as GitHub would, with a suggestion for a misspelt one.
















const tryActionSpec = {
    name: 'try-action',
    synopsis: `--config broker.yaml [--claims claims.json] [--secrets "NAME\\nNAME | ENV"]
             [--input name=value ...] [--node PATH] [--repeat N] [--json]`,
    description: `Runs the bundled GitHub Action (dist/index.js, then dist/post.js) through the fake runner against the broker
configuration, with a token from a fake GitHub issuer that stands in for the configuration's GitHub issuer,
and prints what the job would receive: the masked log, the variables and outputs (values as *** (N bytes),
file paths as they are), and the job summary.`,
    options: {
        config: { type: 'string', short: 'c', arg: 'FILE', help: 'the broker configuration to try' },
        claims: { type: 'string', arg: 'FILE', help: "the job token's claims, as GitHub emits them (filled in like check does)" },
        secrets: { type: 'string', arg: 'TEXT', help: 'the action\'s `secrets` input; \\n separates lines' },
        input: { type: 'string', multiple: true, arg: 'NAME=VALUE', help: 'any other action input, by its action.yml name' },
        node: { type: 'string', arg: 'PATH', help: 'the node binary that runs the action (default: this one)' },
        repeat: { type: 'string', arg: 'N', help: 'with --json: run the main step N times (for measurements)' },
        json: { type: 'boolean', help: 'print timings as JSON instead of the report (the benchmark uses it)' },
    },
};
/** The repository folder holding action.yml and dist/, from the source tree or from dist/cli. */
function actionRoot() {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'action.yml')) && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'dist', 'index.js')))
            return dir;
        dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir);
    }
    throw new Error('cannot find action.yml and dist/index.js next to the oidc-exchange installation; run "npm run build"');
}
async function tryActionCommand(args) {
    const parsed = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .parseCommand */ .RM)(tryActionSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    const configPath = values.config;
    if (!configPath)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .UsageError */ .eb('try-action', '--config FILE is required: the broker configuration to try');
    const repeat = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .integerOption */ .ig)('try-action', values.repeat, '--repeat', 1, 10_000) ?? 1;
    // 1. Inputs, as the workflow's `with:` would give them: names from action.yml only.
    const root = actionRoot();
    const manifest = await (0,_fakes_action_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .readActionManifest */ .q)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'action.yml'));
    const inputs = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .keyValues */ .K7)('try-action', 'input', values.input);
    for (const name of Object.keys(inputs)) {
        if (!Object.hasOwn(manifest.inputs, name)) {
            const guess = (0,_cli_suggest_js__WEBPACK_IMPORTED_MODULE_15__/* .closest */ .k)(name, Object.keys(manifest.inputs));
            throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .UsageError */ .eb('try-action', `--input ${name}: the action has no input ${JSON.stringify(name)}${guess ? `; did you mean ${guess}?` : ''} (its inputs: ${Object.keys(manifest.inputs).join(', ')})`);
        }
    }
    if (values.secrets !== undefined) {
        if (inputs.secrets !== undefined)
            throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .UsageError */ .eb('try-action', 'give the secrets input once: --secrets or --input secrets=..., not both');
        inputs.secrets = values.secrets.replace(/\\n/g, '\n');
    }
    if (inputs['broker-url'] !== undefined)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .UsageError */ .eb('try-action', '--input broker-url: try-action points the action at the broker it starts; leave broker-url out');
    // 2. The claims, checked against the configuration's GitHub issuer and the audience the action will ask for.
    const raw = (0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(configPath, 'utf8').catch((e) => {
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .UsageError */ .eb('try-action', `cannot read --config ${configPath}: ${e.code ?? e.message}`);
    }));
    const gh = (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_13__/* .platformIssuer */ .$)(Array.isArray(raw?.issuers) ? raw.issuers : [], 'github');
    if (!gh)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .UsageError */ .eb('try-action', `${configPath} has no GitHub issuer (id: github, or issuer ${_platform_claims_js__WEBPACK_IMPORTED_MODULE_7__/* .GITHUB_DOT_COM */ .Q$})`);
    const given = await (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_13__.readGivenClaims)('try-action', values.claims);
    if (given.claims.iss !== undefined && String(given.claims.iss).replace(/\/+$/, '') !== gh.issuer.replace(/\/+$/, '')) {
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .UsageError */ .eb('try-action', `${values.claims} says iss ${JSON.stringify(given.claims.iss)} but the configuration's GitHub issuer is ${JSON.stringify(gh.issuer)}; leave iss out or make them equal`);
    }
    if (inputs.audience !== undefined)
        (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_13__.mustAgree)('try-action', given, 'aud', inputs.audience, '--input audience');
    else if (given.claims.aud !== undefined)
        inputs.audience = Array.isArray(given.claims.aud) ? String(given.claims.aud[0]) : String(given.claims.aud);
    const audience = inputs.audience ?? raw.audience ?? '';
    return (0,_scratch_js__WEBPACK_IMPORTED_MODULE_12__.withScratch)('oidc-exchange-try-action-', async () => {
        // 3. The broker, from the user's configuration with its GitHub issuer replaced by a fake one.
        const github = await (0,_fakes_issuer_js__WEBPACK_IMPORTED_MODULE_10__/* .startFakeIssuer */ .xm)({ kind: 'github' });
        const standsFor = gh.issuer;
        gh.issuer = github.url;
        delete gh.jwks_uri;
        const completed = (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_13__.completeClaims)('try-action', given, { platform: 'github', signedBy: github.url });
        completed.notes = completed.notes.filter((n) => !n.startsWith('the fake issuer'));
        if (completed.platform !== 'github') {
            await github.close();
            throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_14__/* .UsageError */ .eb('try-action', `${values.claims} holds GitLab claims; try-action runs the GitHub Action (for the GitLab component, use oidc-exchange gitlab-job)`);
        }
        // The runner asks for the token with the action's audience; the claims must not say otherwise.
        delete completed.claims.aud;
        let config;
        try {
            config = await (0,_broker_config_load_js__WEBPACK_IMPORTED_MODULE_5__/* .buildConfig */ .fD)(raw, configPath, { checkSources: true });
        }
        catch (e) {
            await github.close();
            if (e instanceof _broker_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL) {
                process.stderr.write(`oidc-exchange try-action: ${e.message}\n`);
                return 2;
            }
            throw e;
        }
        const broker = (0,_broker_http_app_js__WEBPACK_IMPORTED_MODULE_8__/* .buildBroker */ .C)(config, { logLevel: 'warn' });
        const brokerUrl = await broker.app.listen({ host: '127.0.0.1', port: 0 });
        const runner = await (0,_fakes_runner_js__WEBPACK_IMPORTED_MODULE_11__/* .startFakeRunner */ .e2)({
            distDir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'dist'),
            mint: (aud) => github.mint(completed.claims, { audience: aud }),
        });
        try {
            const jobInputs = { 'broker-url': brokerUrl, audience, ...inputs };
            if (values.json) {
                // Each main step is paired with `node -e 0` spawned the same way, so both pay the same spawn costs.
                const runs = [];
                for (let i = 0; i < repeat; i++) {
                    const bareMs = await runner.timeBareNode(values.node);
                    const job = await runner.runJob({ inputs: jobInputs, node: values.node, post: false });
                    runs.push({ exitCode: job.main.exitCode, durationMs: job.main.durationMs, bareMs });
                }
                const measured = await runner.runJob({ inputs: jobInputs, node: values.node, post: false, measureRss: true });
                process.stdout.write(`${JSON.stringify({ runs, peakRssKb: measured.main.peakRssKb, errors: measured.main.errors })}\n`);
                return runs.every((r) => r.exitCode === 0) ? 0 : 1;
            }
            const job = await runner.runJob({ inputs: jobInputs, node: values.node });
            const claimLines = [
                `aud ${audience} (the audience the action asks the runner for); a fake GitHub issuer signs for ${standsFor}`,
                ...(0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_13__.describeCompletion)(completed, values.claims ?? 'a claims file'),
            ];
            process.stdout.write(report(job, claimLines, filePathVariables(inputs.secrets ?? '')));
            return job.main.exitCode === 0 ? 0 : 1;
        }
        finally {
            await runner.close();
            await broker.shutdown();
            await github.close();
        }
    });
}
/** The variables and outputs that hold a file's path (`NAME | file:VAR` lines): shown, since a path is no secret. */
function filePathVariables(secrets) {
    const names = new Set();
    for (const line of secrets.split('\n')) {
        const m = /\|\s*file:\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(line);
        if (m)
            names.add(m[1]);
    }
    return names;
}
function report(job, claimLines, paths) {
    const lines = ['token claims:', ...claimLines.map((l) => `  ${l}`), ''];
    const masked = (v) => `*** (${Buffer.byteLength(v)} bytes)`;
    const shown = (k, v) => (paths.has(k) ? `${v}  (a file)` : masked(v));
    lines.push(`main step: exit ${job.main.exitCode} in ${job.main.durationMs.toFixed(0)} ms`, '', 'log (as the runner shows it, masked):');
    for (const l of job.main.log.split('\n'))
        lines.push(`  | ${l}`);
    lines.push('', 'environment for later steps (GITHUB_ENV):');
    // Every exported value is shown masked, registered or not (a too-short value is not registered).
    for (const [k, v] of Object.entries(job.main.env))
        lines.push(`  ${k}=${shown(k, v)}`);
    if (Object.keys(job.main.env).length === 0)
        lines.push('  (none)');
    lines.push('', 'step outputs (GITHUB_OUTPUT):');
    for (const [k, v] of Object.entries(job.main.outputs))
        lines.push(`  ${k}=${k === 'secret-names' ? v : shown(k, v)}`);
    if (job.main.summary)
        lines.push('', 'job summary:', ...job.main.summary.trimEnd().split('\n').map((l) => `  ${l}`));
    if (job.post) {
        lines.push('', `post step: exit ${job.post.exitCode}`);
        for (const l of job.post.log.split('\n'))
            lines.push(`  | ${l}`);
    }
    if (job.main.printedBeforeMask.length)
        lines.push('', `WARNING: ${job.main.printedBeforeMask.length} value(s) were printed before being masked`);
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 51256:
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


/***/ })

};
