export const id = 452;
export const ids = [452];
export const modules = {

/***/ 85452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   issuersCommand: () => (/* binding */ issuersCommand),
/* harmony export */   tokenCommand: () => (/* binding */ tokenCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24371);
/* harmony import */ var _issuer_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64433);
// `oidc-exchange issuers` runs the fake issuers for manual testing; `oidc-exchange token` mints a token from
// a running one (over its harness-only mint endpoint), so a broker configured with that issuer accepts it.




async function issuersCommand(args) {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        args,
        options: { 'github-port': { type: 'string' }, 'gitlab-port': { type: 'string' }, audience: { type: 'string' } },
        strict: true,
    });
    const github = await (0,_issuer_js__WEBPACK_IMPORTED_MODULE_3__/* .startFakeIssuer */ .x)({ kind: 'github', port: Number(values['github-port'] ?? 0), audience: values.audience });
    const gitlab = await (0,_issuer_js__WEBPACK_IMPORTED_MODULE_3__/* .startFakeIssuer */ .x)({ kind: 'gitlab', port: Number(values['gitlab-port'] ?? 0), audience: values.audience });
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
async function tokenCommand(args) {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        args,
        options: {
            'issuer-url': { type: 'string' },
            claims: { type: 'string' },
            set: { type: 'string', multiple: true },
            audience: { type: 'string' },
            ttl: { type: 'string' },
        },
        strict: true,
    });
    if (!values['issuer-url']) {
        process.stderr.write('usage: oidc-exchange token --issuer-url URL [--claims FILE] [--set claim=value ...] [--audience A] [--ttl SECONDS]\n' +
            'start the fake issuers first with: oidc-exchange issuers\n');
        return 2;
    }
    const claims = values.claims ? JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values.claims, 'utf8')) : {};
    const job = {};
    for (const pair of values.set ?? []) {
        const eq = pair.indexOf('=');
        if (eq <= 0) {
            process.stderr.write(`oidc-exchange token: --set takes claim=value, got ${JSON.stringify(pair)}\n`);
            return 2;
        }
        job[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    // --set values shape the job (so `sub` follows them), --claims overrides the final claim set.
    const res = await (0,undici__WEBPACK_IMPORTED_MODULE_2__.request)(`${values['issuer-url'].replace(/\/+$/, '')}/_harness/mint`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ job, claims, audience: values.audience, ttlSeconds: values.ttl ? Number(values.ttl) : undefined }),
    });
    const body = (await res.body.json());
    if (res.statusCode !== 200 || !body.value) {
        process.stderr.write(`oidc-exchange token: the issuer answered ${res.statusCode}: ${body.message ?? ''}\n`);
        return 1;
    }
    process.stdout.write(`${body.value}\n`);
    return 0;
}


/***/ })

};
