export const id = 580;
export const ids = [580];
export const modules = {

/***/ 22580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SHELL_FAILURE_LINE: () => (/* binding */ SHELL_FAILURE_LINE),
/* harmony export */   exchange: () => (/* binding */ exchange),
/* harmony export */   exchangeCommand: () => (/* binding */ exchangeCommand),
/* harmony export */   exchangeSpec: () => (/* binding */ exchangeSpec),
/* harmony export */   shellQuote: () => (/* binding */ shellQuote)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _client_reserved_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92754);
/* harmony import */ var _client_broker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80038);
/* harmony import */ var _client_claims_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60630);
/* harmony import */ var _client_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(66468);
/* harmony import */ var _client_http_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57915);
/* harmony import */ var _client_secret_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32849);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(60776);
// `oidc-exchange exchange`: the generic client, for any CI that can hand a job an OIDC token (Buildkite,
// CircleCI, Jenkins with an OIDC plugin, a GitLab job without the component). It trades the token with the
// broker and writes the values where the job asks: one 0600 file per secret in a private folder, a 0600 env
// file to source, or `export` lines for `eval`. It never prints a value on its own: standard output carries
// values only when the caller asked for shell lines (and captures them with `eval "$(...)"`).
//
// With --shell, a failure of any kind still prints one line on standard output, a command that fails
// (`false`), so `eval "$(oidc-exchange exchange ... --shell)"` fails too and `set -e` stops the script instead
// of going on with the variables unset.








const exchangeSpec = {
    name: 'exchange',
    synopsis: `--broker-url URL (--token-env VAR | --token-file FILE)
             (--out-dir DIR | --dotenv FILE | --shell) [--secret NAME ...] [--timeout-seconds N] [--ca-certificate FILE]`,
    description: "Trades this job's OIDC token for the secrets a broker's policy grants, and puts them where the job asks.",
    options: {
        'broker-url': { type: 'string', arg: 'URL', help: "the broker's https:// address (http:// only on loopback)" },
        'token-env': { type: 'string', arg: 'VAR', help: 'the environment variable holding the OIDC token' },
        'token-file': { type: 'string', arg: 'FILE', help: 'a file holding the OIDC token' },
        secret: { type: 'string', multiple: true, arg: 'NAME', help: 'ask for this secret only (default: all the policy grants)' },
        'out-dir': { type: 'string', arg: 'DIR', help: 'one 0600 file per secret in DIR: DIR must not exist (it is created 0700) or be an empty 0700 folder of yours' },
        dotenv: { type: 'string', arg: 'FILE', help: `NAME='value' lines in a 0600 FILE, for: set -a; . ./FILE; set +a` },
        shell: { type: 'boolean', help: `export lines on standard output, for: eval "$(oidc-exchange exchange ... --shell)" (a failure prints "false")` },
        'timeout-seconds': { type: 'string', arg: 'N', help: 'total time for the exchange, retries included (default 30)' },
        'ca-certificate': { type: 'string', arg: 'FILE', help: "a PEM file of a private CA to trust for the broker, on top of the system's" },
    },
    epilog: `Exit status: 0 done, 1 the exchange failed (the broker's code and the token's claims are on stderr), 2 bad usage
or a destination that is not private. Nothing but names is printed, except the export lines of --shell.`,
};
/** What --shell prints after any failure, so that `eval` fails as well: a fixed text, never a peer's. */
const SHELL_FAILURE_LINE = "echo 'oidc-exchange: the exchange failed (see above); no secret was set' >&2; false\n";
/**
 * Text from the broker (policy name, expiry, revoke URL, error message) on one line, control characters escaped:
 * a hostile broker cannot start a line of its own (a workflow command on GitHub) or drive the terminal.
 */
function oneLine(text, max = 500) {
    const escaped = (0,_client_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .printableLine */ .oy)(text);
    return escaped.length > max ? `${escaped.slice(0, max)}...` : escaped;
}
/** POSIX shell single-quoting: safe for any bytes, newlines included. */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
async function exchangeCommand(args) {
    // Decided from the raw arguments, so that even a usage error makes `eval` fail.
    const shellMode = args.includes('--shell');
    let code;
    try {
        code = await run(args);
    }
    catch (e) {
        if (e instanceof _options_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb)
            code = (0,_options_js__WEBPACK_IMPORTED_MODULE_7__/* .reportUsageError */ .gD)('exchange', e.message);
        else {
            process.stderr.write(`oidc-exchange exchange: ${e?.message ?? String(e)}\n`);
            code = 1;
        }
    }
    if (shellMode && code !== 0)
        process.stdout.write(SHELL_FAILURE_LINE);
    return code;
}
function usage(message) {
    throw new _options_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb('exchange', message);
}
async function run(args) {
    const parsed = (0,_options_js__WEBPACK_IMPORTED_MODULE_7__/* .parseCommand */ .RM)(exchangeSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    // 1. What was asked: a broker, one token source, one destination.
    const brokerUrl = values['broker-url'] ?? usage('--broker-url is required');
    const urlProblem = (0,_client_http_js__WEBPACK_IMPORTED_MODULE_5__/* .cleartextProblem */ .sb)(brokerUrl, '--broker-url');
    if (urlProblem)
        usage(urlProblem);
    const destinations = [values['out-dir'], values.dotenv, values.shell].filter((d) => d !== undefined && d !== false).length;
    if (destinations !== 1)
        usage('say where the secrets go with exactly one of --out-dir DIR, --dotenv FILE or --shell');
    if ((values['token-env'] === undefined) === (values['token-file'] === undefined))
        usage('give the OIDC token with exactly one of --token-env VAR or --token-file FILE');
    const timeoutSeconds = values['timeout-seconds'] === undefined ? 30 : Number(values['timeout-seconds']);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
        usage(`--timeout-seconds must be a positive number, got ${JSON.stringify(values['timeout-seconds'])}`);
    for (const n of values.secret ?? []) {
        const problem = (0,_client_reserved_names_js__WEBPACK_IMPORTED_MODULE_1__/* .exportNameProblem */ .LC)(n);
        if (problem)
            usage(problem.replace(/; (export the secret under another name|list the secrets you want).*$/, ''));
    }
    // 2. The token and the CA.
    let token;
    if (values['token-env'] !== undefined) {
        token = (process.env[values['token-env']] ?? '').trim();
        if (!token)
            usage(`the environment variable ${values['token-env']} is empty or not set; it should hold the job's OIDC token`);
    }
    else {
        token = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values['token-file'], 'utf8').catch((e) => usage(`cannot read --token-file ${values['token-file']}: ${e.code ?? e.message}`))).trim();
        if (!token)
            usage(`--token-file ${values['token-file']} is empty`);
    }
    const ca = values['ca-certificate'] === undefined
        ? undefined
        : await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values['ca-certificate'], 'utf8').catch((e) => usage(`cannot read --ca-certificate ${values['ca-certificate']}: ${e.code ?? e.message}`));
    // 3. The destination is checked (and the folder made) before the exchange: a single-use token is not spent
    //    on a destination refused afterwards.
    let outDir;
    let dotenv;
    try {
        if (values['out-dir'] !== undefined)
            outDir = await (0,_client_secret_files_js__WEBPACK_IMPORTED_MODULE_6__/* .prepareOutDir */ .fW)(values['out-dir']);
        if (values.dotenv !== undefined)
            dotenv = await (0,_client_secret_files_js__WEBPACK_IMPORTED_MODULE_6__/* .prepareDotenv */ .i3)(values.dotenv);
    }
    catch (e) {
        if (e instanceof _client_secret_files_js__WEBPACK_IMPORTED_MODULE_6__/* .UnsafeDestinationError */ .$r)
            usage(e.message);
        throw e;
    }
    // 4. The exchange.
    let result;
    try {
        result = await exchange({ brokerUrl, token, secretNames: values.secret, timeoutSeconds, ca });
    }
    catch (e) {
        if (outDir?.created)
            await (0,_client_secret_files_js__WEBPACK_IMPORTED_MODULE_6__/* .abandonOutDir */ .tq)(outDir.dir);
        if (!(e instanceof _client_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ExchangeError */ .Sb))
            throw e;
        process.stderr.write(`oidc-exchange exchange: ${oneLine(e.message, 2000)}\n`);
        if ((e.status === 401 || e.status === 403) && e.claims) {
            process.stderr.write(`the token's claims (compare them with the broker's policy):\n${(0,_client_claims_js__WEBPACK_IMPORTED_MODULE_3__/* .describeClaims */ .Zs)(e.claims).map((l) => `  ${oneLine(l)}`).join('\n')}\n`);
        }
        return 1;
    }
    // 5. Names come from the broker: check them as strictly as the ones the caller asked for.
    const names = Object.keys(result.secrets);
    for (const n of names) {
        const problem = (0,_client_reserved_names_js__WEBPACK_IMPORTED_MODULE_1__/* .exportNameProblem */ .LC)(n, values.secret?.includes(n) ? 'user' : 'broker');
        if (problem) {
            if (outDir?.created)
                await (0,_client_secret_files_js__WEBPACK_IMPORTED_MODULE_6__/* .abandonOutDir */ .tq)(outDir.dir);
            process.stderr.write(`oidc-exchange exchange: the broker returned a secret this client will not write: ${problem.replace(/; (export the secret under another name|list the secrets you want).*$/, '')}\n`);
            return 1;
        }
    }
    // 6. The values, where they were asked for.
    if (outDir)
        await (0,_client_secret_files_js__WEBPACK_IMPORTED_MODULE_6__/* .writeSecretFiles */ .Bd)(outDir.dir, result.secrets);
    else if (dotenv)
        await (0,_client_secret_files_js__WEBPACK_IMPORTED_MODULE_6__/* .writePrivateFile */ .Pl)(dotenv, names.map((n) => `${n}=${shellQuote(result.secrets[n])}\n`).join(''));
    else
        process.stdout.write(names.map((n) => `export ${n}=${shellQuote(result.secrets[n])}\n`).join(''));
    const where = outDir ? ` in ${outDir.dir}` : dotenv ? ` in ${dotenv}` : '';
    process.stderr.write(`oidc-exchange: ${names.length} secret(s) from policy ${oneLine(result.policy, 200)}${where}: ${names.join(', ')}${result.expiresAt ? `; they expire at ${oneLine(result.expiresAt, 100)}` : ''}\n`);
    for (const r of result.revoke) {
        process.stderr.write(`oidc-exchange: revoke ${r.name} at the end of the job: ${oneLine(r.method, 20)} ${oneLine(r.url)} with "Authorization: Bearer $${r.name}"\n`);
    }
    return 0;
}
/** One exchange with the broker. The token is fixed (the caller has one), so a retry re-sends it. */
function exchange(opts) {
    const deadlineMs = opts.timeoutSeconds * 1000;
    return (0,_client_broker_js__WEBPACK_IMPORTED_MODULE_2__/* .exchangeWithBroker */ .Tv)({
        brokerUrl: opts.brokerUrl,
        getToken: async () => opts.token,
        secretNames: opts.secretNames,
        http: (0,_client_http_js__WEBPACK_IMPORTED_MODULE_5__/* .createHttpClient */ .uT)({ ca: opts.ca }),
        retry: {
            deadlineMs,
            attemptTimeoutMs: Math.min(deadlineMs, 15_000),
            onRetry: ({ reason, delayMs }) => process.stderr.write(`oidc-exchange: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s\n`),
        },
    });
}


/***/ }),

/***/ 32849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ UnsafeDestinationError),
/* harmony export */   Bd: () => (/* binding */ writeSecretFiles),
/* harmony export */   Pl: () => (/* binding */ writePrivateFile),
/* harmony export */   fW: () => (/* binding */ prepareOutDir),
/* harmony export */   i3: () => (/* binding */ prepareDotenv),
/* harmony export */   tq: () => (/* binding */ abandonOutDir)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
// Where the generic client puts values on disk, so that no other local user can read them, swap them or
// receive them through a planted link:
//   --out-dir DIR   DIR must not exist (it is created 0700, atomically: mkdir fails if someone made it first)
//                   or be an empty directory, not a link, owned by this user, mode 0700
//   --dotenv FILE   FILE may exist only as a regular file owned by this user (it is replaced)
// and for both, the folder that holds them must belong to this user or root and be writable by nobody else
// (or sticky, like /tmp), and must not be `/` itself (`"$UNSET/secrets"` is `/secrets`). Every file is
// written to a fresh name opened O_CREAT|O_EXCL|O_NOFOLLOW with mode 0600, synced, then renamed into place.
// Destinations are checked before the exchange: a single-use token is not spent on a folder we then refuse.




/** A destination the client refuses; `code` is stable for tests and scripts. */
class UnsafeDestinationError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'UnsafeDestinationError';
    }
}
const uid = () => process.getuid?.() ?? 0;
function describeOwner(owner) {
    return owner === uid() ? 'you' : `uid ${owner}`;
}
/** The folder that will hold a destination: ours or root's, and no one else may add or rename entries in it. */
async function checkParent(path, what) {
    const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path);
    if (parent === path || parent === '/') {
        throw new UnsafeDestinationError('root_folder', `${what} ${path} is directly in /; an unset variable in "$VAR/${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}" gives exactly that: give a path inside a folder of yours (e.g. "$RUNNER_TEMP/${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}")`);
    }
    let st;
    try {
        st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(parent);
    }
    catch (e) {
        const code = e.code;
        throw new UnsafeDestinationError('not_found', `${what} ${path}: the folder ${parent} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`);
    }
    if (!st.isDirectory())
        throw new UnsafeDestinationError('not_found', `${what} ${path}: ${parent} is not a folder`);
    if (st.uid !== uid() && st.uid !== 0) {
        throw new UnsafeDestinationError('unsafe_parent', `${what} ${path}: the folder ${parent} belongs to ${describeOwner(st.uid)}, who could replace what is written there; use a folder of yours`);
    }
    if ((st.mode & 0o022) !== 0 && (st.mode & 0o1000) === 0) {
        throw new UnsafeDestinationError('unsafe_parent', `${what} ${path}: the folder ${parent} is writable by others (mode ${(st.mode & 0o7777).toString(8)}) without the sticky bit, so anyone could swap what is written there; use a folder only you can write to`);
    }
}
/**
 * Makes sure `dir` is a private, empty folder of ours, creating it when it does not exist. Returns whether it
 * was created here (so a failed exchange can remove it again).
 */
async function prepareOutDir(given) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(given);
    await checkParent(dir, '--out-dir');
    let created = true;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { mode: 0o700 });
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
        created = false;
    }
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(dir);
    if (st.isSymbolicLink())
        throw new UnsafeDestinationError('is_link', `--out-dir ${dir} is a symbolic link; give a folder that does not exist yet`);
    if (!st.isDirectory())
        throw new UnsafeDestinationError('not_private', `--out-dir ${dir} exists and is not a folder; give a folder that does not exist yet`);
    if (st.uid !== uid())
        throw new UnsafeDestinationError('not_private', `--out-dir ${dir} belongs to ${describeOwner(st.uid)}, not to you; give a folder that does not exist yet`);
    if ((st.mode & 0o7777) !== 0o700) {
        throw new UnsafeDestinationError('not_private', `--out-dir ${dir} has mode ${(st.mode & 0o7777).toString(8)}; it must be 0700 (or not exist yet, and it is created so)`);
    }
    if (!created && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir)).length > 0) {
        throw new UnsafeDestinationError('not_empty', `--out-dir ${dir} is not empty; give a folder that does not exist yet, or an empty one`);
    }
    return { dir, created };
}
/** Removes an out-dir this run created, when the exchange failed before anything was written to it. */
async function abandonOutDir(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rmdir)(dir).catch(() => undefined);
}
/** Checks an env-file destination before the exchange. */
async function prepareDotenv(given) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(given);
    await checkParent(file, '--dotenv');
    let st;
    try {
        st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(file);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return file;
        throw e;
    }
    if (st.isSymbolicLink())
        throw new UnsafeDestinationError('is_link', `--dotenv ${file} is a symbolic link; remove it or give another path`);
    if (!st.isFile())
        throw new UnsafeDestinationError('not_private', `--dotenv ${file} exists and is not a regular file`);
    if (st.uid !== uid())
        throw new UnsafeDestinationError('not_private', `--dotenv ${file} belongs to ${describeOwner(st.uid)}, not to you; remove it or give another path`);
    return file;
}
/** One file per secret in a folder `prepareOutDir` accepted. */
async function writeSecretFiles(dir, secrets) {
    for (const [name, value] of Object.entries(secrets))
        await writePrivateFile((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name), value);
}
/**
 * Written under a fresh name that nobody can have planted (O_EXCL) and that is never a link (O_NOFOLLOW), with
 * mode 0600 from the first byte, synced, then renamed over `path`: never readable by others, never half-written.
 */
async function writePrivateFile(path, content) {
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(tmp, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW, 0o600);
    try {
        try {
            await fh.writeFile(content);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmp, path);
    }
    catch (e) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tmp, { force: true });
        throw e;
    }
}


/***/ })

};
