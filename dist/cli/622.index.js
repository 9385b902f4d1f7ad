export const id = 622;
export const ids = [622];
export const modules = {

/***/ 20622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SHELL_FAILURE_LINE: () => (/* binding */ SHELL_FAILURE_LINE),
  exchange: () => (/* binding */ exchange),
  exchangeCommand: () => (/* binding */ exchangeCommand),
  exchangeSpec: () => (/* binding */ exchangeSpec),
  oneLine: () => (/* binding */ oneLine),
  shellQuote: () => (/* binding */ shellQuote)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/exchange/reserved-names.ts
var reserved_names = __webpack_require__(88780);
;// CONCATENATED MODULE: ./src/exchange/claims.ts
// The claims of a job's own OIDC token that help a user see why a policy did not match. The payload is
// decoded without verification (only the broker's verdict counts) and only claims that identify the job,
// never the signature or the token itself, are shown.
const DIAGNOSTIC_CLAIMS = [
    'iss',
    'aud',
    'sub',
    'repository',
    'repository_id',
    'repository_owner',
    'repository_owner_id',
    'ref',
    'ref_type',
    'ref_protected',
    'environment',
    'event_name',
    'workflow_ref',
    'job_workflow_ref',
    'runner_environment',
    'project_id',
    'project_path',
    'namespace_id',
    'namespace_path',
    'pipeline_source',
    'environment_protected',
    'exp',
];
function decodeClaims(jwt) {
    const parts = jwt.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : undefined;
    }
    catch {
        return undefined;
    }
}
/** `name: value` lines for the diagnostic claims present in the token. */
function describeClaims(claims) {
    const lines = [];
    for (const name of DIAGNOSTIC_CLAIMS) {
        const v = claims[name];
        if (v === undefined)
            continue;
        const text = name === 'exp' && typeof v === 'number' ? `${new Date(v * 1000).toISOString()}` : typeof v === 'string' ? v : JSON.stringify(v);
        lines.push(`${name}: ${text}`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/exchange/errors.ts
// Failures of the client side of an exchange, each with a stable code for tests and scripts. Messages say
// what to fix; they never carry a token or a secret value.
class ExchangeError extends Error {
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
const DEFAULT_BACKOFF = { baseMs: 1000, maxMs: 10_000 };
/**
 * @param attempt the attempt that just failed, from 1
 * @param retryAfter the Retry-After header of the failed answer, if any
 * @param random a number in [0, 1)
 */
function retryDelayMs(attempt, retryAfter, random, policy = DEFAULT_BACKOFF, nowMs = Date.now()) {
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

class RetriesExhausted extends Error {
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
async function withRetries(settings, attempt) {
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
            throw new RetriesExhausted(n, result.retry, true);
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
                if (isCertificateProblem(e))
                    return { fail: untrusted(req.brokerUrl, e) };
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
function isCertificateProblem(e) {
    return CERTIFICATE_CODES.has(e?.code ?? '');
}
function untrusted(url, e) {
    return new ExchangeError('broker_untrusted', `the TLS certificate of ${url} is not trusted (${e.code}): if the broker uses a private CA, pass that CA's certificate as ca-certificate; if the host name differs from the certificate's, fix broker-url`);
}

// EXTERNAL MODULE: ./src/exchange/http.ts + 1 modules
var http = __webpack_require__(2267);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/exchange/secret-files.ts
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
    const parent = (0,external_node_path_.dirname)(path);
    if (parent === path || parent === '/') {
        throw new UnsafeDestinationError('root_folder', `${what} ${path} is directly in /; an unset variable in "$VAR/${(0,external_node_path_.basename)(path)}" gives exactly that: give a path inside a folder of yours (e.g. "$RUNNER_TEMP/${(0,external_node_path_.basename)(path)}")`);
    }
    let st;
    try {
        st = await (0,promises_.stat)(parent);
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
    const dir = (0,external_node_path_.resolve)(given);
    await checkParent(dir, '--out-dir');
    let created = true;
    try {
        await (0,promises_.mkdir)(dir, { mode: 0o700 });
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
        created = false;
    }
    const st = await (0,promises_.lstat)(dir);
    if (st.isSymbolicLink())
        throw new UnsafeDestinationError('is_link', `--out-dir ${dir} is a symbolic link; give a folder that does not exist yet`);
    if (!st.isDirectory())
        throw new UnsafeDestinationError('not_private', `--out-dir ${dir} exists and is not a folder; give a folder that does not exist yet`);
    if (st.uid !== uid())
        throw new UnsafeDestinationError('not_private', `--out-dir ${dir} belongs to ${describeOwner(st.uid)}, not to you; give a folder that does not exist yet`);
    if ((st.mode & 0o7777) !== 0o700) {
        throw new UnsafeDestinationError('not_private', `--out-dir ${dir} has mode ${(st.mode & 0o7777).toString(8)}; it must be 0700 (or not exist yet, and it is created so)`);
    }
    if (!created && (await (0,promises_.readdir)(dir)).length > 0) {
        throw new UnsafeDestinationError('not_empty', `--out-dir ${dir} is not empty; give a folder that does not exist yet, or an empty one`);
    }
    return { dir, created };
}
/** Removes an out-dir this run created, when the exchange failed before anything was written to it. */
async function abandonOutDir(dir) {
    await (0,promises_.rmdir)(dir).catch(() => undefined);
}
/** Checks an env-file destination before the exchange. */
async function prepareDotenv(given) {
    const file = (0,external_node_path_.resolve)(given);
    await checkParent(file, '--dotenv');
    let st;
    try {
        st = await (0,promises_.lstat)(file);
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
        await writePrivateFile((0,external_node_path_.join)(dir, name), value);
}
/**
 * Written under a fresh name that nobody can have planted (O_EXCL) and that is never a link (O_NOFOLLOW), with
 * mode 0600 from the first byte, synced, then renamed over `path`: never readable by others, never half-written.
 */
async function writePrivateFile(path, content) {
    const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const fh = await (0,promises_.open)(tmp, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW, 0o600);
    try {
        try {
            await fh.writeFile(content);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
        await (0,promises_.rename)(tmp, path);
    }
    catch (e) {
        await (0,promises_.rm)(tmp, { force: true });
        throw e;
    }
}

// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(60776);
;// CONCATENATED MODULE: ./src/exchange/cli.ts
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
    const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
        if (e instanceof options/* UsageError */.eb)
            code = (0,options/* reportUsageError */.gD)('exchange', e.message);
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
    throw new options/* UsageError */.eb('exchange', message);
}
async function run(args) {
    const parsed = (0,options/* parseCommand */.RM)(exchangeSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    // 1. What was asked: a broker, one token source, one destination.
    const brokerUrl = values['broker-url'] ?? usage('--broker-url is required');
    const urlProblem = brokerUrlProblem(brokerUrl);
    if (urlProblem)
        usage(`--broker-url ${urlProblem}`);
    const destinations = [values['out-dir'], values.dotenv, values.shell].filter((d) => d !== undefined && d !== false).length;
    if (destinations !== 1)
        usage('say where the secrets go with exactly one of --out-dir DIR, --dotenv FILE or --shell');
    if ((values['token-env'] === undefined) === (values['token-file'] === undefined))
        usage('give the OIDC token with exactly one of --token-env VAR or --token-file FILE');
    const timeoutSeconds = values['timeout-seconds'] === undefined ? 30 : Number(values['timeout-seconds']);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
        usage(`--timeout-seconds must be a positive number, got ${JSON.stringify(values['timeout-seconds'])}`);
    for (const n of values.secret ?? []) {
        const problem = (0,reserved_names/* exportNameProblem */.LC)(n);
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
        token = (await (0,promises_.readFile)(values['token-file'], 'utf8').catch((e) => usage(`cannot read --token-file ${values['token-file']}: ${e.code ?? e.message}`))).trim();
        if (!token)
            usage(`--token-file ${values['token-file']} is empty`);
    }
    const ca = values['ca-certificate'] === undefined
        ? undefined
        : await (0,promises_.readFile)(values['ca-certificate'], 'utf8').catch((e) => usage(`cannot read --ca-certificate ${values['ca-certificate']}: ${e.code ?? e.message}`));
    // 3. The destination is checked (and the folder made) before the exchange: a single-use token is not spent
    //    on a destination refused afterwards.
    let outDir;
    let dotenv;
    try {
        if (values['out-dir'] !== undefined)
            outDir = await prepareOutDir(values['out-dir']);
        if (values.dotenv !== undefined)
            dotenv = await prepareDotenv(values.dotenv);
    }
    catch (e) {
        if (e instanceof UnsafeDestinationError)
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
            await abandonOutDir(outDir.dir);
        if (!(e instanceof ExchangeError))
            throw e;
        process.stderr.write(`oidc-exchange exchange: ${oneLine(e.message, 2000)}\n`);
        if ((e.status === 401 || e.status === 403) && e.claims) {
            process.stderr.write(`the token's claims (compare them with the broker's policy):\n${describeClaims(e.claims).map((l) => `  ${oneLine(l)}`).join('\n')}\n`);
        }
        return 1;
    }
    // 5. Names come from the broker: check them as strictly as the ones the caller asked for.
    const names = Object.keys(result.secrets);
    for (const n of names) {
        const problem = (0,reserved_names/* exportNameProblem */.LC)(n, values.secret?.includes(n) ? 'user' : 'broker');
        if (problem) {
            if (outDir?.created)
                await abandonOutDir(outDir.dir);
            process.stderr.write(`oidc-exchange exchange: the broker returned a secret this client will not write: ${problem.replace(/; (export the secret under another name|list the secrets you want).*$/, '')}\n`);
            return 1;
        }
    }
    // 6. The values, where they were asked for.
    if (outDir)
        await writeSecretFiles(outDir.dir, result.secrets);
    else if (dotenv)
        await writePrivateFile(dotenv, names.map((n) => `${n}=${shellQuote(result.secrets[n])}\n`).join(''));
    else
        process.stdout.write(names.map((n) => `export ${n}=${shellQuote(result.secrets[n])}\n`).join(''));
    const where = outDir ? ` in ${outDir.dir}` : dotenv ? ` in ${dotenv}` : '';
    process.stderr.write(`oidc-exchange: ${names.length} secret(s) from policy ${oneLine(result.policy, 200)}${where}: ${names.join(', ')}${result.expiresAt ? `; they expire at ${oneLine(result.expiresAt, 100)}` : ''}\n`);
    for (const r of result.revoke) {
        process.stderr.write(`oidc-exchange: revoke ${r.name} at the end of the job: ${oneLine(r.method, 20)} ${oneLine(r.url)} with "Authorization: Bearer $${r.name}"\n`);
    }
    return 0;
}
/** The token travels to this URL: https, or http to this machine only. */
function brokerUrlProblem(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return `must be an https:// URL, got ${JSON.stringify(text)}`;
    }
    if (url.username || url.password)
        return 'must not carry a user name or password';
    if (url.protocol === 'https:')
        return undefined;
    if (url.protocol !== 'http:')
        return `must be an https:// URL, got ${url.protocol}//`;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const loopback = host === 'localhost' || ((0,external_node_net_.isIP)(host) === 4 && host.startsWith('127.')) || host === '::1';
    return loopback ? undefined : 'must be https:// (plain http:// would send the token in the clear; it is accepted for loopback addresses only)';
}
/** One exchange with the broker. The token is fixed (the caller has one), so a retry re-sends it. */
function exchange(opts) {
    const deadlineMs = opts.timeoutSeconds * 1000;
    return exchangeWithBroker({
        brokerUrl: opts.brokerUrl,
        getToken: async () => opts.token,
        secretNames: opts.secretNames,
        http: (0,http/* createHttpClient */.uT)({ ca: opts.ca }),
        retry: {
            deadlineMs,
            attemptTimeoutMs: Math.min(deadlineMs, 15_000),
            onRetry: ({ reason, delayMs }) => process.stderr.write(`oidc-exchange: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s\n`),
        },
    });
}


/***/ }),

/***/ 2267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wX: () => (/* binding */ TransportError),
  uT: () => (/* binding */ createHttpClient),
  N1: () => (/* binding */ withDefaultCAs)
});

;// CONCATENATED MODULE: ./src/exchange/proxy-env.ts
// Which proxy a request should use, from the conventional environment variables: HTTPS_PROXY for https://
// targets, HTTP_PROXY for http:// ones (lower-case forms win, as curl does), and NO_PROXY exceptions:
// `*`, host names (a leading dot or not, both match sub-domains), `host:port`, and IP addresses.
function proxyFor(target, env) {
    const url = new URL(target);
    const proxy = url.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY) : (env.http_proxy ?? env.HTTP_PROXY);
    if (!proxy || proxy.trim() === '')
        return undefined;
    if (bypasses(url, env.no_proxy ?? env.NO_PROXY ?? ''))
        return undefined;
    return proxy.includes('://') ? proxy.trim() : `http://${proxy.trim()}`;
}
function bypasses(url, noProxy) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    for (const raw of noProxy.split(/[\s,]+/)) {
        const entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return true;
        const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
        if (!m)
            continue;
        const entryHost = m[1].replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
        if (m[2] && m[2] !== port)
            continue;
        if (host === entryHost || host.endsWith(`.${entryHost}`))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/exchange/http.ts
// The client's HTTP, kept small because it sits on every job's start-up path. A direct request uses Node's
// own http/https (loaded for the scheme in use); a request that must go through HTTPS_PROXY/HTTP_PROXY loads
// undici's ProxyAgent only then. Bundling undici on the common path costs ~900 KB and ~60 ms of start-up.

/** A request that did not get an HTTP answer (refused, reset, DNS, TLS, timeout). */
class TransportError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = 'TransportError';
        this.code = code;
    }
}
function createHttpClient(opts = {}) {
    const env = opts.env ?? process.env;
    let proxied;
    return async (req) => {
        const proxy = proxyFor(req.url, env);
        if (!proxy)
            return direct(req, opts.ca);
        proxied ??= Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(637)]).then(__webpack_require__.bind(__webpack_require__, 82637)).then((m) => m.proxyHttpClient(proxy, opts.ca));
        return (await proxied)(req);
    };
}
async function direct(req, ca) {
    const url = new URL(req.url);
    const https = url.protocol === 'https:';
    if (!https && url.protocol !== 'http:')
        throw new TransportError('bad_url', `unsupported URL scheme ${url.protocol} (use https:// or http://)`);
    const mod = https ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 44708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 37067, 23));
    const tlsCa = https && ca ? await withDefaultCAs(ca) : undefined;
    const headers = { ...req.headers };
    if (req.body !== undefined)
        headers['content-length'] = String(Buffer.byteLength(req.body));
    return new Promise((resolve, reject) => {
        const r = mod.request(url, { method: req.method, headers, ...(tlsCa ? { ca: tlsCa } : {}), agent: false }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                clearTimeout(timer);
                const out = {};
                for (const [k, v] of Object.entries(res.headers))
                    if (v !== undefined)
                        out[k] = Array.isArray(v) ? v.join(', ') : v;
                resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('error', (e) => fail(e));
        });
        const timer = setTimeout(() => {
            r.destroy(new TransportError('timeout', `no answer from ${url.origin} within ${(req.timeoutMs / 1000).toFixed(1)} s`));
        }, req.timeoutMs);
        function fail(e) {
            clearTimeout(timer);
            reject(e instanceof TransportError ? e : new TransportError(e.code ?? 'network_error', `${url.origin}: ${e.message}`));
        }
        r.on('error', fail);
        r.end(req.body);
    });
}
/** A custom CA is added to Node's bundled roots, not instead of them (a proxy or mirror may use either). */
async function withDefaultCAs(ca) {
    const { rootCertificates } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 41692, 23));
    return [...rootCertificates, ca];
}


/***/ }),

/***/ 88780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LC: () => (/* binding */ exportNameProblem),
/* harmony export */   a2: () => (/* binding */ reservedBy)
/* harmony export */ });
/* unused harmony exports VARIABLE_NAME, BROKER_CHOSEN_NAME, RESERVED, CREDENTIAL_NAMES */
// The one list of variable names no secret may be exported under, shared by every part that exports or
// grants a name: the GitHub Action, the generic client (`oidc-exchange exchange`), the broker's config check
// and, generated from this file at build time, the GitLab component's shell script. Keep this file free of
// imports: the build step that generates the shell list loads it on its own.
//
// A name is reserved when a later step, shell, loader, runtime, package manager or the CI runner itself reads
// it to decide what code to run, where to fetch code or certificates from, or where its own state lives. A
// secret exported under such a name runs the broker's (or a leaked secret's) text as code in every later step
// of the job. Names are compared upper-cased: Linux variables are case-sensitive, but many tools read either
// spelling (npm reads `npm_config_*` and `NPM_CONFIG_*`, curl `http_proxy` and `HTTP_PROXY`), and Windows
// runners ignore case altogether.
/** A portable shell variable name: what a user may write in a `secrets` line. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * A name the broker may choose on its own (no `secrets` list given): upper case, a letter first, at most 128
 * characters. Lower-case names are refused so a broker cannot reach tools that read lower-case variables only
 * (`npm_config_*`, `http_proxy`) by a spelling the deny rules would otherwise have to anticipate.
 */
const BROKER_CHOSEN_NAME = /^[A-Z][A-Z0-9_]{0,127}$/;
const RESERVED = [
    {
        why: 'the CI runner and its toolkit read it',
        names: ['CI'],
        prefixes: ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_', 'CI_', 'GITLAB_', 'FF_', 'OIDC_EXCHANGE_', '_OE_'],
    },
    {
        why: 'the shell reads it to run code, find commands or split words',
        names: [
            'PATH', 'ENV', 'SHELL', 'SHELLOPTS', 'BASHOPTS', 'IFS', 'CDPATH', 'FPATH', 'GLOBIGNORE', 'HISTFILE', 'INPUTRC',
            'PS0', 'PS1', 'PS2', 'PS3', 'PS4', 'ZDOTDIR', 'MAIL', 'MAILPATH', 'COMSPEC', 'PATHEXT', 'PSMODULEPATH',
        ],
        prefixes: ['BASH_', 'PROMPT_', 'ZSH_'],
    },
    {
        why: 'it moves the home, temporary, configuration or working directory that every tool trusts',
        names: [
            'HOME', 'TMPDIR', 'TMP', 'TEMP', 'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA',
            'PROGRAMDATA', 'PROGRAMFILES', 'SYSTEMROOT', 'WINDIR',
        ],
        prefixes: ['XDG_'],
    },
    {
        why: 'the dynamic loader or the C library reads it to load code or data',
        names: ['GLIBC_TUNABLES', 'GETCONF_DIR', 'HOSTALIASES', 'LOCALDOMAIN', 'RES_OPTIONS', 'LOCPATH', 'NLSPATH', 'LANG', 'LANGUAGE', 'TZ', 'TZDIR'],
        prefixes: ['LD_', 'DYLD_', 'GCONV', 'LC_'],
    },
    {
        why: 'a language runtime reads it to load modules or options before your code runs',
        names: [
            'CLASSPATH', 'PHPRC', 'PHP_INI_SCAN_DIR', 'TCLLIBPATH', 'R_PROFILE', 'R_PROFILE_USER', 'R_ENVIRON', 'R_ENVIRON_USER',
            'R_LIBS', 'R_LIBS_USER', 'ELIXIR_ERL_OPTIONS',
        ],
        prefixes: [
            'NODE_', 'PYTHON', 'PERL', 'RUBY', 'GEM_', 'JAVA_', '_JAVA', 'JDK_', 'DOTNET_', 'COMPLUS_', 'CORECLR_', 'MONO_',
            'LUA_', 'ERL_', 'JULIA_', 'DENO_', 'BUN_',
        ],
    },
    {
        why: 'a package manager or build tool reads it to run commands or choose where code is downloaded from',
        names: [
            'MAVEN_OPTS', 'MAVEN_ARGS', 'GRADLE_OPTS', 'GRADLE_USER_HOME', 'ANT_OPTS', 'SBT_OPTS', 'BUNDLE_GEMFILE',
            'GOFLAGS', 'GOPROXY', 'GOTOOLCHAIN', 'GOROOT', 'GOPATH', 'GOENV', 'GOBIN', 'GOAUTH', 'GOSUMDB', 'GONOSUMDB',
            'GONOSUMCHECK', 'GONOPROXY', 'GOPRIVATE', 'GOINSECURE', 'GOVCS', 'GOEXPERIMENT', 'GOMODCACHE',
            'RUSTC', 'RUSTC_WRAPPER', 'RUSTC_WORKSPACE_WRAPPER', 'RUSTDOC', 'RUSTFLAGS', 'RUSTDOCFLAGS', 'CARGO_HOME',
            'CC', 'CXX', 'CPP', 'LD', 'AR', 'AS', 'CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS', 'MAKE', 'MAKEFLAGS', 'MFLAGS',
            'MAKEFILES',
        ],
        prefixes: [
            'NPM_CONFIG_', 'YARN_', 'PNPM_', 'COREPACK_', 'PIP_', 'CGO_', 'CARGO_BUILD_', 'CARGO_TARGET_', 'CARGO_ALIAS_',
            'CARGO_SOURCE_', 'RUSTUP_', 'CCACHE_', 'DISTCC_',
        ],
    },
    {
        why: 'git reads it to run commands, load configuration or pick hooks',
        prefixes: ['GIT_'],
    },
    {
        why: 'a program runs its value as a command',
        names: [
            'EDITOR', 'VISUAL', 'PAGER', 'MANPAGER', 'LESSOPEN', 'LESSCLOSE', 'BROWSER', 'SSH_ASKPASS', 'SSH_ASKPASS_REQUIRE',
            'SUDO_ASKPASS', 'SSH_AUTH_SOCK',
        ],
    },
    {
        why: 'it redirects network traffic or changes which certificates are trusted',
        names: ['REQUESTS_CA_BUNDLE', 'WGETRC', 'NETRC', 'SSLKEYLOGFILE', 'GNUPGHOME'],
        prefixes: ['SSL_', 'OPENSSL_', 'CURL_', 'DOCKER_'],
        suffixes: ['_PROXY'],
    },
];
/**
 * Names under a reserved prefix that are well-known credentials, read by one tool as a secret and by nothing
 * as code: refusing them would push users to rename exactly the secrets this tool exists for.
 */
const CREDENTIAL_NAMES = ['NODE_AUTH_TOKEN', 'DOCKER_USERNAME', 'DOCKER_PASSWORD'];
/** The group that reserves `name`, or undefined when the name is free. */
function reservedBy(name) {
    const upper = name.toUpperCase();
    if (CREDENTIAL_NAMES.includes(upper))
        return undefined;
    return RESERVED.find((g) => g.names?.includes(upper) ||
        g.prefixes?.some((p) => upper.startsWith(p)) ||
        g.suffixes?.some((s) => upper.endsWith(s)));
}
/**
 * Why `name` cannot be exported, or undefined when it can. `chosenBy: 'broker'` applies the stricter shape a
 * broker-chosen name must have (no `secrets` list named it).
 */
function exportNameProblem(name, chosenBy = 'user') {
    if (!VARIABLE_NAME.test(name)) {
        return `${JSON.stringify(name)} is not a valid variable name (letters, digits and _, not starting with a digit)`;
    }
    if (chosenBy === 'broker' && !BROKER_CHOSEN_NAME.test(name)) {
        return `${JSON.stringify(name)} is refused: a name the broker chooses must be upper case (A-Z, 0-9, _, a letter first, at most 128 characters); list the secrets you want, with "NAME | OTHER_NAME" to rename`;
    }
    const group = reservedBy(name);
    if (group)
        return `${name} is refused: the name is reserved because ${group.why}; export the secret under another name with "NAME | OTHER_NAME"`;
    return undefined;
}


/***/ })

};
