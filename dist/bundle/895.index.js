export const id = 895;
export const ids = [895,979,818];
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

/***/ 53895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  auditStep: () => (/* binding */ auditStep),
  brokerSteps: () => (/* binding */ brokerSteps),
  demoCommand: () => (/* binding */ demoCommand),
  demoSecretValues: () => (/* binding */ demoSecretValues),
  demoSpec: () => (/* binding */ demoSpec),
  examplesDir: () => (/* binding */ examplesDir),
  postExchange: () => (/* binding */ postExchange),
  runDemo: () => (/* binding */ runDemo),
  startDemo: () => (/* binding */ startDemo),
  stopDemo: () => (/* binding */ stopDemo)
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
// EXTERNAL MODULE: ./src/broker/config.ts + 3 modules
var broker_config = __webpack_require__(40301);
// EXTERNAL MODULE: ./src/broker/server.ts + 4 modules
var server = __webpack_require__(75716);
// EXTERNAL MODULE: ./src/harness/issuer.ts + 4 modules
var issuer = __webpack_require__(85752);
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


// EXTERNAL MODULE: ./src/harness/fake-http.ts
var fake_http = __webpack_require__(33816);
;// CONCATENATED MODULE: ./src/harness/github-api.ts
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

;// CONCATENATED MODULE: ./src/harness/demo-github-app.ts
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
;// CONCATENATED MODULE: ./src/harness/demo.ts
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
function demo_expect(cond, what) {
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
            demo_expect(r.status === 200, `expected 200, got ${r.status} ${r.body.error ?? ''}`);
            const secrets = r.body.secrets;
            demo_expect(Object.keys(secrets).sort().join() === 'DB_PASSWORD,DEPLOY_KEY', 'expected exactly DB_PASSWORD and DEPLOY_KEY');
            return `200, policy ${String(r.body.policy)}: ${describeSecrets(secrets)}`;
        },
    },
    {
        title: 'GitLab job on protected main, environment staging',
        async run(ctx) {
            const token = await ctx.gitlab.mint(ctx.gitlab.claimsFor({ environment: 'staging', ref_protected: true }), { audience: ctx.audience });
            const r = await postExchange(ctx, token, { accept: 'text/plain' });
            demo_expect(r.status === 200, `expected 200, got ${r.status} ${r.body.error ?? ''}`);
            const lines = r.text.trim().split('\n');
            demo_expect(lines.length === 1 && lines[0].startsWith('STAGING_API_KEY '), 'expected one text/plain line for STAGING_API_KEY');
            return '200 as text/plain for POSIX shells: one "NAME BASE64" line, STAGING_API_KEY';
        },
    },
    {
        title: 'GitHub job on a feature branch is refused',
        async run(ctx) {
            const token = await ctx.github.mint(ctx.github.claimsFor({ ref: 'refs/heads/feature/x', environment: 'production' }), { audience: ctx.audience });
            const r = await postExchange(ctx, token);
            demo_expect(r.status === 403 && r.body.error === 'no_policy_matched', `expected 403 no_policy_matched, got ${r.status} ${r.body.error ?? ''}`);
            return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
        },
    },
    {
        title: 'A job asks for more than its policy grants',
        async run(ctx) {
            const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience });
            const r = await postExchange(ctx, token, { body: { secrets: ['DB_PASSWORD', 'STAGING_API_KEY'] } });
            demo_expect(r.status === 403 && r.body.error === 'secret_not_granted', `expected 403 secret_not_granted, got ${r.status} ${r.body.error ?? ''}`);
            return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
        },
    },
    {
        title: 'A forged token (signed with a key the issuer never published)',
        async run(ctx) {
            const stray = await ctx.github.strayKey();
            const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience, key: stray });
            const r = await postExchange(ctx, token);
            demo_expect(r.status === 401 && r.body.error === 'unknown_key', `expected 401 unknown_key, got ${r.status} ${r.body.error ?? ''}`);
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
        demo_expect(leaked.length === 0, `${leaked.length} secret value(s) found in the broker log`);
        demo_expect(!/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(log), 'a JWT was found in the broker log');
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
        config = await (0,broker_config/* buildConfig */.fD)(raw, configPath, { env: { DEMO_DB_PASSWORD: secretValues[0], DEMO_REVOCATION_TOKEN: revocationToken }, checkSources: true });
    }
    catch (e) {
        // Leave nothing listening behind a configuration error, or the process would never exit.
        await Promise.all([github.close(), gitlab.close(), githubApi.close()]);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw e;
    }
    const brokerLog = [];
    const broker = (0,server/* buildBroker */.C)(config, {
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
        ...(await Promise.all(/* import() */[__webpack_require__.e(980), __webpack_require__.e(425)]).then(__webpack_require__.bind(__webpack_require__, 50425))).githubActionSteps,
        ...githubAppSteps,
        ...(await __webpack_require__.e(/* import() */ 137).then(__webpack_require__.bind(__webpack_require__, 51137))).gitlabSteps,
    ], (line) => process.stdout.write(line + '\n')));
    return ok ? 0 : 1;
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
