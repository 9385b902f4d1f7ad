export const id = 283;
export const ids = [283];
export const modules = {

/***/ 6283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VaultError: () => (/* binding */ VaultError),
/* harmony export */   readFromVault: () => (/* binding */ readFromVault),
/* harmony export */   revokeVaultToken: () => (/* binding */ revokeVaultToken),
/* harmony export */   vaultErrors: () => (/* binding */ vaultErrors),
/* harmony export */   vaultProvider: () => (/* binding */ vaultProvider)
/* harmony export */ });
/* harmony import */ var _client_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6468);
/* harmony import */ var _client_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8006);
// Vault / OpenBao mode, loaded only when `broker: vault`: log in with the job's OIDC token at
// auth/<vault-auth-path>/login with the configured role, read each listed KV secret (v2 `data/` paths and
// v1 paths), and report Vault's own `{"errors": [...]}` to the user. The Vault token is saved for the post
// step to revoke as soon as it exists, so a failed read still gets it revoked.


/** Vault as the action's secret provider: the values are the fields the `secrets` input names. */
function vaultProvider(ctx) {
    const { inputs } = ctx;
    const role = `vault role ${inputs.vaultRole}`;
    return {
        source: 'Vault',
        // Vault's JWT auth refuses a token with 400 (the broker with 401/403): a refused login is about the claims.
        aboutClaims: (e) => e.status === 401 || e.status === 403 || e.code === 'broker_refused',
        async fetch(specs, getToken) {
            const r = await readFromVault({
                url: inputs.brokerUrl,
                role: inputs.vaultRole,
                authPath: inputs.vaultAuthPath,
                namespace: inputs.vaultNamespace,
                specs,
                getToken,
                http: ctx.http,
                retry: ctx.retry,
                onToken: (token) => ctx.post.keepVaultToken({ url: inputs.brokerUrl, token, ...(inputs.vaultNamespace ? { namespace: inputs.vaultNamespace } : {}) }),
            });
            return {
                values: r.deliveries.map((d) => ({ name: d.spec.exportName, value: d.value })),
                settle: () => r.deliveries,
                // The role is the workflow's own input, not the peer's text.
                policy: role,
                policyShown: role,
                expiresAt: r.expiresAt,
            };
        },
    };
}
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
    // 1. Log in with a fresh OIDC token per attempt.
    const login = await (0,_client_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .callWithToken */ .WD)({
        peer: 'Vault',
        url: req.url,
        getToken: req.getToken,
        http: req.http,
        retry: req.retry,
        request: (jwt) => ({
            method: 'POST',
            url: `${base}/v1/auth/${req.authPath}/login`,
            headers: { 'content-type': 'application/json', accept: 'application/json', ...ns },
            body: JSON.stringify({ role: req.role, jwt }),
        }),
        said: (res) => vaultErrors(res.body),
        settle: (res, { n, claims }) => {
            if (res.status === 200)
                return { ok: res };
            return {
                fail: new _client_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExchangeError */ .Sb('broker_refused', `Vault refused the login at auth/${req.authPath}/login with role ${req.role} (${res.status}): ${vaultErrors(res.body)}`, {
                    status: res.status,
                    brokerCode: `vault_${res.status}`,
                    brokerMessage: vaultErrors(res.body),
                    claims,
                    attempts: n,
                }),
            };
        },
    });
    const auth = vaultJson(login.value.body, 'vault_login_failed', 'the login').auth;
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
        byPath.set(path, kvData(vaultJson(res.body, 'vault_read_failed', `the read of ${path}`)));
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
/**
 * A 200 answer's JSON. Node's parse error quotes the text around the fault, and these answers hold a Vault
 * token or the secrets: the message says what failed, never what was read.
 */
function vaultJson(body, code, what) {
    try {
        return JSON.parse(body);
    }
    catch {
        throw new VaultError(code, `Vault answered ${what} with 200 and a body that is not JSON; is broker-url the Vault API (not a proxy's page)?`);
    }
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
/** Vault's `{"errors": ["..."]}`, joined and quoted as peer text (it reaches the log); something short when the body is not Vault's. */
function vaultErrors(body) {
    try {
        const errors = JSON.parse(body).errors;
        if (Array.isArray(errors) && errors.length)
            return (0,_client_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .peerText */ .qT)(errors.map(String).join('; '));
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
