export const id = 243;
export const ids = [243];
export const modules = {

/***/ 34243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exchange: () => (/* binding */ exchange),
  exchangeCommand: () => (/* binding */ exchangeCommand),
  shellQuote: () => (/* binding */ shellQuote)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/action/secret-spec.ts
// The `secrets` input: one secret per line, checked completely (with line numbers) before anything is
// requested or exported.
//
//   NAME                       the broker's secret NAME, exported as NAME
//   NAME | ENV_NAME            exported as ENV_NAME
//   NAME | file:ENV_NAME       written to a 0600 file under RUNNER_TEMP; ENV_NAME holds its path
//   path key | ENV_NAME        (broker: vault) field `key` of the Vault secret at `path`
//
// Blank lines and lines starting with # are ignored.
class SecretSpecError extends Error {
    code = 'secrets_invalid';
    problems;
    constructor(problems) {
        super(`the secrets input has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was requested or exported:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.name = 'SecretSpecError';
        this.problems = problems;
    }
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Variables that change how later steps, shells, runtimes or the runner itself behave. A secret exported
// under one of these names could run code or redirect traffic in every later step of the job.
const DENIED = new Set([
    'PATH', 'ENV', 'BASH_ENV', 'SHELL', 'SHELLOPTS', 'BASHOPTS', 'IFS', 'PS4', 'PROMPT_COMMAND', 'CDPATH', 'HOME', 'TMPDIR', 'CI',
    'NODE_OPTIONS', 'NODE_PATH', 'NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED',
    'PYTHONPATH', 'PYTHONSTARTUP', 'PYTHONHOME', 'PERL5OPT', 'PERL5LIB', 'PERLLIB', 'RUBYOPT', 'RUBYLIB', 'GEM_HOME', 'GEM_PATH',
    'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS', 'CLASSPATH', 'DOTNET_STARTUP_HOOKS',
    'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_EXEC_PATH', 'GIT_TEMPLATE_DIR', 'GIT_PROXY_COMMAND', 'EDITOR', 'VISUAL', 'PAGER',
    'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE',
    'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'LANG', 'TZ',
]);
const DENIED_PREFIXES = ['LD_', 'DYLD_', 'GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_', 'GIT_CONFIG', 'BASH_FUNC_'];
/** Why a name cannot be exported, or undefined when it can. */
function exportNameProblem(name) {
    if (!NAME.test(name))
        return `${JSON.stringify(name)} is not a valid variable name (letters, digits and _, not starting with a digit)`;
    const upper = name.toUpperCase();
    if (DENIED.has(upper))
        return `${name} is refused: exporting a secret as ${upper} would change how every later step runs; choose another name with "| OTHER_NAME"`;
    const prefix = DENIED_PREFIXES.find((p) => upper.startsWith(p));
    if (prefix)
        return `${name} is refused: names starting with ${prefix} belong to the runner, the toolchain or the loader; choose another name with "| OTHER_NAME"`;
    return undefined;
}
function parseSecretSpecs(text, mode) {
    const specs = [];
    const problems = [];
    const seen = new Map();
    text.split('\n').forEach((raw, i) => {
        const line = i + 1;
        const trimmed = raw.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        const parts = trimmed.split('|').map((p) => p.trim());
        if (parts.length > 2)
            return void problems.push(`line ${line}: more than one "|"; expected ${mode === 'vault' ? '"path key | ENV_NAME"' : '"NAME" or "NAME | ENV_NAME"'}`);
        const [left, right] = parts;
        let spec;
        if (mode === 'vault') {
            const words = left.split(/\s+/);
            if (words.length !== 2)
                return void problems.push(`line ${line}: expected "path key | ENV_NAME" (a Vault path, a space, the field), got ${JSON.stringify(left)}`);
            const [path, key] = words;
            if (!/^[A-Za-z0-9_.\-/]+$/.test(path) || path.includes('..'))
                return void problems.push(`line ${line}: ${JSON.stringify(path)} is not a Vault path like secret/data/ci/db`);
            spec = { line, source: key, vaultPath: path.replace(/^\/+/, ''), exportName: key.toUpperCase().replace(/[^A-Z0-9_]/g, '_'), asFile: false };
        }
        else {
            if (!NAME.test(left))
                return void problems.push(`line ${line}: ${JSON.stringify(left)} is not a secret name (letters, digits and _)`);
            spec = { line, source: left, exportName: left, asFile: false };
        }
        if (right !== undefined) {
            if (right === '')
                return void problems.push(`line ${line}: nothing after "|"; write the variable name to export, or remove the "|"`);
            const file = /^file:\s*(.*)$/.exec(right);
            spec.asFile = file !== null;
            spec.exportName = file ? file[1] : right;
        }
        const problem = exportNameProblem(spec.exportName);
        if (problem)
            return void problems.push(`line ${line}: ${problem}`);
        const earlier = seen.get(spec.exportName);
        if (earlier !== undefined)
            return void problems.push(`line ${line}: ${spec.exportName} is already exported by line ${earlier}`);
        seen.set(spec.exportName, line);
        specs.push(spec);
    });
    if (mode === 'vault' && specs.length === 0 && problems.length === 0)
        problems.push('with broker: vault, list at least one "path key | ENV_NAME" line');
    if (problems.length)
        throw new SecretSpecError(problems);
    return specs;
}

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
    'ref',
    'ref_type',
    'ref_protected',
    'environment',
    'event_name',
    'workflow_ref',
    'job_workflow_ref',
    'runner_environment',
    'project_path',
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
;// CONCATENATED MODULE: ./src/exchange/cli.ts
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
        ({ values } = (0,external_node_util_.parseArgs)({
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
            token = (await (0,promises_.readFile)(values['token-file'], 'utf8')).trim();
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
        const problem = exportNameProblem(n);
        if (problem)
            return fail(problem.replace(/; choose another name.*$/, ''));
    }
    let ca;
    if (values['ca-certificate']) {
        try {
            ca = await (0,promises_.readFile)(values['ca-certificate'], 'utf8');
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
        if (!(e instanceof ExchangeError))
            throw e;
        process.stderr.write(`oidc-exchange exchange: ${e.message}\n`);
        if ((e.status === 401 || e.status === 403) && e.claims) {
            process.stderr.write(`the token's claims (compare them with the broker's policy):\n${describeClaims(e.claims).map((l) => `  ${l}`).join('\n')}\n`);
        }
        return 1;
    }
    // Names come from the broker: check them as strictly as the ones the caller asked for.
    const names = Object.keys(result.secrets);
    for (const n of names) {
        const problem = exportNameProblem(n);
        if (problem)
            return fail(`the broker returned a secret this client will not write: ${problem.replace(/; choose another name.*$/, '')}`);
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
async function writeFiles(dir, secrets) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    for (const [name, value] of Object.entries(secrets))
        await writePrivateFile((0,external_node_path_.join)(dir, name), value);
}
/** Written to a temporary name with mode 0600 from the start, then renamed: never readable by others, never half-written. */
async function writePrivateFile(path, content) {
    const tmp = `${path}.${process.pid}.tmp`;
    const fh = await (0,promises_.open)(tmp, 'w', 0o600);
    try {
        await fh.writeFile(content);
        await fh.sync();
    }
    finally {
        await fh.close();
    }
    try {
        await (0,promises_.chmod)(tmp, 0o600);
        await (0,promises_.rename)(tmp, path);
    }
    catch (e) {
        await (0,promises_.rm)(tmp, { force: true });
        throw e;
    }
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


/***/ })

};
