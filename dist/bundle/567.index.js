export const id = 567;
export const ids = [567];
export const modules = {

/***/ 97567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exchange: () => (/* binding */ exchange),
/* harmony export */   exchangeCommand: () => (/* binding */ exchangeCommand),
/* harmony export */   shellQuote: () => (/* binding */ shellQuote)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _reserved_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88780);
/* harmony import */ var _broker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7276);
/* harmony import */ var _claims_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(64328);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(76058);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(79541);
// `oidc-exchange exchange`: the generic client, for any CI that can hand a job an OIDC token (Buildkite,
// CircleCI, Jenkins with an OIDC plugin, a GitLab job without the component). It trades the token with the
// broker and writes the values where the job asks: one 0600 file per secret, a 0600 env file to source, or
// `export` lines for `eval`. It never prints a value on its own: standard output carries values only when
// the caller asked for shell lines (and captures them with `eval "$(...)"`).








const usage = `usage: oidc-exchange exchange --broker-url URL (--token-env VAR | --token-file FILE)
         (--out-dir DIR | --dotenv FILE | --shell) [--secret NAME ...] [--timeout-seconds N] [--ca-certificate FILE]

  --out-dir DIR     one file per secret, mode 0600, in DIR (created 0700 if missing)
  --dotenv FILE     NAME='value' lines, mode 0600, for "set -a; . FILE; set +a"
  --shell           export NAME='value' lines on standard output, for eval "$(oidc-exchange exchange ... --shell)"
`;
/** POSIX shell single-quoting: safe for any bytes, newlines included. */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
async function exchangeCommand(args) {
    let values;
    try {
        ({ values } = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseArgs)({
            args,
            options: {
                'broker-url': { type: 'string' },
                'token-env': { type: 'string' },
                'token-file': { type: 'string' },
                secret: { type: 'string', multiple: true },
                'out-dir': { type: 'string' },
                dotenv: { type: 'string' },
                shell: { type: 'boolean' },
                'timeout-seconds': { type: 'string' },
                'ca-certificate': { type: 'string' },
            },
            strict: true,
        }));
    }
    catch (e) {
        process.stderr.write(`oidc-exchange exchange: ${e.message}\n${usage}`);
        return 2;
    }
    const fail = (message) => {
        process.stderr.write(`oidc-exchange exchange: ${message}\n`);
        return 2;
    };
    if (!values['broker-url'])
        return fail(`--broker-url is required\n${usage}`);
    const destinations = [values['out-dir'], values.dotenv, values.shell].filter(Boolean).length;
    if (destinations !== 1)
        return fail(`say where the secrets go with exactly one of --out-dir, --dotenv or --shell\n${usage}`);
    if (!values['token-env'] === !values['token-file'])
        return fail(`give the OIDC token with exactly one of --token-env VAR or --token-file FILE\n${usage}`);
    let token;
    if (values['token-env']) {
        token = (process.env[values['token-env']] ?? '').trim();
        if (!token)
            return fail(`the environment variable ${values['token-env']} is empty or not set; it should hold the job's OIDC token`);
    }
    else {
        try {
            token = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values['token-file'], 'utf8')).trim();
        }
        catch (e) {
            return fail(`cannot read --token-file ${values['token-file']}: ${e.code ?? e.message}`);
        }
        if (!token)
            return fail(`--token-file ${values['token-file']} is empty`);
    }
    const timeoutSeconds = values['timeout-seconds'] === undefined ? 30 : Number(values['timeout-seconds']);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
        return fail(`--timeout-seconds must be a positive number, got ${JSON.stringify(values['timeout-seconds'])}`);
    for (const n of values.secret ?? []) {
        const problem = (0,_reserved_names_js__WEBPACK_IMPORTED_MODULE_3__/* .exportNameProblem */ .LC)(n);
        if (problem)
            return fail(problem.replace(/; (export the secret under another name|list the secrets you want).*$/, ''));
    }
    let ca;
    if (values['ca-certificate']) {
        try {
            ca = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values['ca-certificate'], 'utf8');
        }
        catch (e) {
            return fail(`cannot read --ca-certificate ${values['ca-certificate']}: ${e.code ?? e.message}`);
        }
    }
    let result;
    try {
        result = await exchange({ brokerUrl: values['broker-url'], token, secretNames: values.secret, timeoutSeconds, ca });
    }
    catch (e) {
        if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ExchangeError */ .Sb))
            throw e;
        process.stderr.write(`oidc-exchange exchange: ${e.message}\n`);
        if ((e.status === 401 || e.status === 403) && e.claims) {
            process.stderr.write(`the token's claims (compare them with the broker's policy):\n${(0,_claims_js__WEBPACK_IMPORTED_MODULE_5__/* .describeClaims */ .Zs)(e.claims).map((l) => `  ${l}`).join('\n')}\n`);
        }
        return 1;
    }
    // Names come from the broker: check them as strictly as the ones the caller asked for.
    const names = Object.keys(result.secrets);
    for (const n of names) {
        const problem = (0,_reserved_names_js__WEBPACK_IMPORTED_MODULE_3__/* .exportNameProblem */ .LC)(n);
        if (problem)
            return fail(`the broker returned a secret this client will not write: ${problem.replace(/; (export the secret under another name|list the secrets you want).*$/, '')}`);
    }
    if (values['out-dir'])
        await writeFiles(values['out-dir'], result.secrets);
    else if (values.dotenv)
        await writePrivateFile(values.dotenv, names.map((n) => `${n}=${shellQuote(result.secrets[n])}\n`).join(''));
    else
        process.stdout.write(names.map((n) => `export ${n}=${shellQuote(result.secrets[n])}\n`).join(''));
    const where = values['out-dir'] ? ` in ${values['out-dir']}` : values.dotenv ? ` in ${values.dotenv}` : '';
    process.stderr.write(`oidc-exchange: ${names.length} secret(s) from policy ${result.policy}${where}: ${names.join(', ')}${result.expiresAt ? `; they expire at ${result.expiresAt}` : ''}\n`);
    for (const r of result.revoke) {
        process.stderr.write(`oidc-exchange: revoke ${r.name} at the end of the job: ${r.method} ${r.url} with "Authorization: Bearer $${r.name}"\n`);
    }
    return 0;
}
/** One exchange with the broker. The token is fixed (the caller has one), so a retry re-sends it. */
function exchange(opts) {
    const deadlineMs = opts.timeoutSeconds * 1000;
    return (0,_broker_js__WEBPACK_IMPORTED_MODULE_4__/* .exchangeWithBroker */ .Tv)({
        brokerUrl: opts.brokerUrl,
        getToken: async () => opts.token,
        secretNames: opts.secretNames,
        http: (0,_http_js__WEBPACK_IMPORTED_MODULE_7__/* .createHttpClient */ .uT)({ ca: opts.ca }),
        retry: {
            deadlineMs,
            attemptTimeoutMs: Math.min(deadlineMs, 15_000),
            onRetry: ({ reason, delayMs }) => process.stderr.write(`oidc-exchange: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s\n`),
        },
    });
}
async function writeFiles(dir, secrets) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true, mode: 0o700 });
    for (const [name, value] of Object.entries(secrets))
        await writePrivateFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name), value);
}
/** Written to a temporary name with mode 0600 from the start, then renamed: never readable by others, never half-written. */
async function writePrivateFile(path, content) {
    const tmp = `${path}.${process.pid}.tmp`;
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(tmp, 'w', 0o600);
    try {
        await fh.writeFile(content);
        await fh.sync();
    }
    finally {
        await fh.close();
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(tmp, 0o600);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(tmp, path);
    }
    catch (e) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(tmp, { force: true });
        throw e;
    }
}


/***/ })

};
