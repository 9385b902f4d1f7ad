import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2399:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ runnerCore)
/* harmony export */ });
/* unused harmony exports keyValueMessage, escapeData, unescapeData */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// The parts of the Actions runner protocol the action uses, written against the runner's documented
// behaviour rather than imported from @actions/core, whose static import of its HTTP client (and undici)
// would triple the step's start-up time. Workflow commands go to stdout; environment variables, outputs,
// state and the summary go to the files the runner names, in its `name<<DELIMITER` format.

function runnerCore(env = process.env, write = (s) => void process.stdout.write(s)) {
    const command = (name, message) => write(`::${name}::${escapeData(message)}\n`);
    // One append per call: fewer system calls, and a batch is never half-written by this process.
    const fileCommand = (variable, vars) => {
        if (vars.length === 0)
            return;
        const file = env[variable];
        if (!file)
            throw new Error(`${variable} is not set: this runner is too old for file commands (the deprecated set-env and set-output commands are disabled)`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, vars.map(([n, v]) => keyValueMessage(n, v)).join(''), 'utf8');
    };
    return {
        info: (line) => write(`${line}\n`),
        warning: (line) => command('warning', line),
        error: (line) => command('error', line),
        debug: (line) => command('debug', line),
        setSecret: (...values) => {
            if (values.length)
                write(values.map((v) => `::add-mask::${escapeData(v)}\n`).join(''));
        },
        exportVariables(vars) {
            fileCommand('GITHUB_ENV', vars);
            // Also set for this process, as the toolkit does, so later code sees them.
            for (const [n, v] of vars)
                env[n] = v;
        },
        setOutputs: (vars) => fileCommand('GITHUB_OUTPUT', vars),
        saveState: (name, value) => fileCommand('GITHUB_STATE', [[name, value]]),
        getState: (name) => env[`STATE_${name}`] ?? '',
        appendSummary(markdown) {
            const file = env.GITHUB_STEP_SUMMARY;
            if (file)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, markdown, 'utf8');
        },
        setFailed(message) {
            process.exitCode = 1;
            command('error', message);
        },
    };
}
/**
 * `name<<DELIM\nvalue\nDELIM\n`. What makes this safe is that the delimiter provably occurs nowhere in the
 * value (a value holding `\nDELIM\nPATH<<X` could otherwise inject variables), so it is checked and a new one
 * drawn until it holds; randomness only makes a clash unlikely. Math.random avoids loading node:crypto on
 * the start-up path.
 */
function keyValueMessage(name, value) {
    let delimiter;
    do {
        delimiter = `ghadelimiter_${randomHex()}${randomHex()}`;
    } while (name.includes(delimiter) || value.includes(delimiter));
    if (/[\r\n]/.test(name))
        throw new Error(`a name for the runner's files cannot contain a line break: ${JSON.stringify(name)}`);
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
function randomHex() {
    return Math.floor(Math.random() * 2 ** 52).toString(16).padStart(13, '0');
}
/** Workflow command data: the runner reads %25, %0D and %0A back as %, CR and LF. */
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function unescapeData(s) {
    return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}


/***/ }),

/***/ 1729:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   p7: () => (/* binding */ parseCaCertificate)
/* harmony export */ });
/* unused harmony exports InputError, getInput */
// The action's inputs, read from the runner's INPUT_* variables and checked all at once, so a user fixes
// every problem in one edit. Booleans are strict: a typo is an error, not a silent `false`.
class InputError extends Error {
    code = 'input_invalid';
    problems;
    constructor(problems) {
        super(problems.length === 1 ? problems[0] : `the inputs have ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.name = 'InputError';
        this.problems = problems;
    }
}
/** The runner's mapping: `with: { broker-url: x }` arrives as INPUT_BROKER-URL (spaces become `_`). */
function getInput(env, name) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function readInputs(env) {
    const problems = [];
    const bool = (name, fallback) => {
        const v = getInput(env, name);
        if (v === '')
            return fallback;
        if (['true', 'True', 'TRUE'].includes(v))
            return true;
        if (['false', 'False', 'FALSE'].includes(v))
            return false;
        problems.push(`${name}: expected true or false, got ${JSON.stringify(v)}`);
        return fallback;
    };
    const brokerUrl = getInput(env, 'broker-url');
    if (brokerUrl === '')
        problems.push('broker-url is required: the https:// address of your oidc-exchange broker (or Vault server)');
    else if (!isHttpUrl(brokerUrl))
        problems.push(`broker-url: expected an https:// (or http://) URL, got ${JSON.stringify(brokerUrl)}`);
    const broker = getInput(env, 'broker') || 'oidc-exchange';
    if (broker !== 'oidc-exchange' && broker !== 'vault')
        problems.push(`broker: expected oidc-exchange or vault, got ${JSON.stringify(broker)}`);
    const vaultRole = getInput(env, 'vault-role');
    if (broker === 'vault' && vaultRole === '')
        problems.push('vault-role is required with broker: vault (the role of your Vault JWT auth method)');
    const vaultAuthPath = (getInput(env, 'vault-auth-path') || 'jwt').replace(/^\/+|\/+$/g, '');
    if (!/^[A-Za-z0-9_.\-/]+$/.test(vaultAuthPath))
        problems.push(`vault-auth-path: expected a mount path like jwt or github-actions, got ${JSON.stringify(vaultAuthPath)}`);
    const timeoutText = getInput(env, 'timeout-seconds') || '60';
    const timeoutSeconds = Number(timeoutText);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
        problems.push(`timeout-seconds: expected a number of seconds from 1 to 3600, got ${JSON.stringify(timeoutText)}`);
    }
    const inputs = {
        brokerUrl,
        audience: getInput(env, 'audience') || brokerUrl,
        secrets: (env['INPUT_SECRETS'] ?? '').replace(/\r\n/g, '\n'),
        broker: broker,
        vaultRole,
        vaultAuthPath,
        vaultNamespace: getInput(env, 'vault-namespace'),
        exportEnv: bool('export-env', true),
        caCertificate: getInput(env, 'ca-certificate'),
        timeoutSeconds,
        debugClaims: bool('debug-claims', false),
        revoke: bool('revoke', true),
    };
    if (problems.length)
        throw new InputError(problems);
    return inputs;
}
function isHttpUrl(s) {
    try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
    }
    catch {
        return false;
    }
}
/** `ca-certificate` as PEM, or base64 of a PEM (what fits in a one-line secret). */
function parseCaCertificate(text) {
    if (text === '')
        return '';
    if (text.includes('-----BEGIN CERTIFICATE-----'))
        return text.replace(/\\n/g, '\n');
    const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (decoded.includes('-----BEGIN CERTIFICATE-----'))
        return decoded;
    throw new InputError(['ca-certificate: expected a PEM certificate (-----BEGIN CERTIFICATE-----) or the base64 of one']);
}


/***/ }),

/***/ 6769:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _exchange_http_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2267);
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2399);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1729);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2149);
// The action's main step (dist/index.js): read the inputs, run, and turn a thrown error into a failed step.




const core = (0,_core_js__WEBPACK_IMPORTED_MODULE_1__/* .runnerCore */ .Ed)();
try {
    const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .Ko)(process.env);
    const http = (0,_exchange_http_js__WEBPACK_IMPORTED_MODULE_0__/* .createHttpClient */ .uT)({ ca: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCaCertificate */ .p7)(inputs.caCertificate) || undefined });
    await (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)(inputs, { core, env: process.env, http });
}
catch (e) {
    core.setFailed(`oidc-exchange: ${e.message}`);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2149:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/exchange/broker.ts
var broker = __nccwpck_require__(7276);
// EXTERNAL MODULE: ./src/exchange/errors.ts
var errors = __nccwpck_require__(6058);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/action/export.ts
// Hands the secrets to the rest of the job: as environment variables for later steps (export-env), as step
// outputs, and, for keys and certificates, as files only the job's user can read, with their paths exported
// instead of the values.


function exportSecrets(deliveries, core, opts) {
    const names = [];
    const env = [];
    const outputs = [];
    let fileDir;
    for (const { spec, value } of deliveries) {
        let exported = value;
        if (spec.asFile) {
            if (!opts.runnerTemp)
                throw new Error(`line ${spec.line}: file: needs RUNNER_TEMP, which the runner sets for every job`);
            fileDir ??= (0,external_node_fs_.mkdtempSync)((0,external_node_path_namespaceObject.join)(opts.runnerTemp, 'oidc-exchange-'));
            exported = (0,external_node_path_namespaceObject.join)(fileDir, spec.exportName);
            // 0600 from creation on (flag wx: never follow or reuse an existing file).
            (0,external_node_fs_.writeFileSync)(exported, value, { mode: 0o600, flag: 'wx' });
        }
        if (opts.exportEnv)
            env.push([spec.exportName, exported]);
        outputs.push([spec.exportName, exported]);
        names.push(spec.exportName);
    }
    outputs.push(['secret-names', names.join(',')]);
    core.exportVariables(env);
    core.setOutputs(outputs);
    return { names, fileDir };
}

;// CONCATENATED MODULE: ./src/action/id-token.ts
// The job's OIDC token, asked from the runner the way the toolkit's getIDToken does: GET the URL the runner
// gives (it already carries `?api-version=...`) with `&audience=` appended and the runner's bearer token;
// the answer is `{"value": "<jwt>"}`. Each token is registered for masking before anything else happens.

const NO_TOKEN_HELP = 'the runner offers no OIDC token to this job. Give the job (or the workflow) `permissions: id-token: write`; ' +
    'a job with an explicit `permissions:` block gets no other permission it does not list. Pull requests from ' +
    'forks never get an OIDC token (and no secrets): run the job on `push`, or on `pull_request_target` only if you trust the code it runs.';
function idTokenSource(env, audience, http, core, timeoutMs) {
    return async () => {
        const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
        const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
        if (!base || !bearer)
            throw new errors/* ExchangeError */.S('id_token_unavailable', NO_TOKEN_HELP);
        const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
        const res = await http({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}`, accept: 'application/json', 'user-agent': 'oidc-exchange-action' }, timeoutMs: timeoutMs() });
        if (res.status === 401 || res.status === 403) {
            throw new errors/* ExchangeError */.S('id_token_unavailable', `the runner refused to issue an OIDC token (HTTP ${res.status}); ${NO_TOKEN_HELP}`);
        }
        if (res.status !== 200)
            throw new Error(`the runner's token service answered HTTP ${res.status}`);
        let value;
        try {
            value = JSON.parse(res.body).value;
        }
        catch {
            /* handled below */
        }
        if (typeof value !== 'string' || value === '')
            throw new Error("the runner's token service answered without a token");
        core.setSecret(value);
        return value;
    };
}

;// CONCATENATED MODULE: ./src/action/mask.ts
// What to register with the runner's masker for each secret, before anything else is printed or exported.
// The runner replaces a registered value only where it appears whole within one log line, so a multi-line
// secret is registered line by line too, and a JSON secret leaf by leaf (a job that parses it and prints one
// field would otherwise print it in the clear). Very short or purely structural fragments (`{`, `],`) are
// not registered: the runner would star out every occurrence in the log and garble it.
/** Shorter fragments are not registered. */
const MIN_MASK_LENGTH = 4;
function planMasks(secrets) {
    const values = new Set();
    const tooShort = new Set();
    for (const { name, value } of secrets) {
        if (value === '')
            continue;
        const add = (fragment, structuralOk) => {
            const t = fragment.trim();
            if (t === '')
                return;
            if (!structuralOk && /^[\s{}[\],:"]*$/.test(t))
                return;
            if (t.length < MIN_MASK_LENGTH)
                return void tooShort.add(name);
            values.add(t);
            // Printed by a tool that keeps surrounding spaces, the untrimmed form is what appears.
            if (fragment !== t && !/[\r\n]/.test(fragment))
                values.add(fragment);
        };
        add(value, true);
        if (/[\r\n]/.test(value))
            for (const line of value.split(/\r?\n|\r/))
                add(line, false);
        for (const leaf of jsonLeaves(value))
            add(leaf, true);
    }
    return { values: [...values].sort((a, b) => b.length - a.length), tooShort: [...tooShort] };
}
/** Every string leaf (and key-less scalar text) of a JSON object or array; nothing for other values. */
function jsonLeaves(value) {
    const t = value.trim();
    if (!(t.startsWith('{') || t.startsWith('[')))
        return [];
    let parsed;
    try {
        parsed = JSON.parse(t);
    }
    catch {
        return [];
    }
    const leaves = [];
    const walk = (v) => {
        if (typeof v === 'string') {
            leaves.push(v);
            if (/[\r\n]/.test(v))
                leaves.push(...v.split(/\r?\n|\r/));
        }
        else if (Array.isArray(v))
            v.forEach(walk);
        else if (v && typeof v === 'object')
            Object.values(v).forEach(walk);
    };
    walk(parsed);
    return leaves;
}

;// CONCATENATED MODULE: ./src/exchange/reserved-names.ts
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
const NAME = VARIABLE_NAME;

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

;// CONCATENATED MODULE: ./src/action/state.ts
const STATE_KEY = 'oidc-exchange';
function saveCleanupState(core, state) {
    core.saveState(STATE_KEY, JSON.stringify(state));
}
function loadCleanupState(core) {
    const text = core.getState(STATE_KEY);
    if (text === '')
        return undefined;
    const parsed = JSON.parse(text);
    return { fileDir: parsed.fileDir, revoke: parsed.revoke ?? [], vault: parsed.vault };
}

;// CONCATENATED MODULE: ./src/action/summary.ts
function summaryMarkdown(deliveries, info) {
    const how = (d) => (d.spec.asFile ? 'file (path exported)' : info.exportEnv ? 'env + output' : 'output');
    const rows = deliveries.map((d) => `| \`${d.spec.exportName}\` | \`${d.spec.vaultPath ? `${d.spec.vaultPath} ${d.spec.source}` : d.spec.source}\` | ${how(d)} |`);
    return [
        `### oidc-exchange: ${deliveries.length} secret${deliveries.length === 1 ? '' : 's'} from ${info.source}`,
        '',
        `Policy: \`${info.policy}\` · expires: ${info.expiresAt ?? 'not set by the broker'}`,
        '',
        '| exported as | secret | delivered as |',
        '|---|---|---|',
        ...rows,
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/action/run.ts
// The main step, one readable flow: check the inputs, get the job's OIDC token and trade it for secrets,
// mask every value before anything can print it, check the names, export, leave the post step what it must
// clean up, and write the summary.








/** Linux's limit for one `NAME=value` string in a process environment (MAX_ARG_STRLEN). */
const MAX_ENV_ENTRY_BYTES = 128 * 1024;
async function run(inputs, ctx) {
    const { core } = ctx;
    // 1. The secrets input, completely checked before any request.
    const specs = parseSecretSpecs(inputs.secrets, inputs.broker);
    const deadlineMs = inputs.timeoutSeconds * 1000;
    const started = Date.now();
    const retry = {
        deadlineMs,
        attemptTimeoutMs: Math.min(deadlineMs, 15_000),
        onRetry: ({ reason, delayMs }) => core.warning(`${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s`),
        ...ctx.retry,
    };
    const leftMs = () => Math.max(1, Math.min(retry.attemptTimeoutMs, deadlineMs - (Date.now() - started)));
    const getToken = idTokenSource(ctx.env, inputs.audience, ctx.http, core, leftMs);
    const cleanup = { revoke: [] };
    // 2. Trade the OIDC token for the values (a fresh token per attempt).
    let deliveries;
    let policy;
    let expiresAt;
    let claims;
    try {
        if (inputs.broker === 'vault') {
            const { readFromVault } = await __nccwpck_require__.e(/* import() */ 406).then(__nccwpck_require__.bind(__nccwpck_require__, 9406));
            const r = await readFromVault({
                url: inputs.brokerUrl,
                role: inputs.vaultRole,
                authPath: inputs.vaultAuthPath,
                namespace: inputs.vaultNamespace,
                specs,
                getToken,
                http: ctx.http,
                retry,
                onToken(token) {
                    core.setSecret(token);
                    cleanup.vault = { url: inputs.brokerUrl, token, ...(inputs.vaultNamespace ? { namespace: inputs.vaultNamespace } : {}) };
                    saveCleanupState(core, cleanup);
                },
            });
            deliveries = r.deliveries;
            policy = `vault role ${inputs.vaultRole}`;
            expiresAt = r.expiresAt;
        }
        else {
            const wanted = specs.length ? [...new Set(specs.map((s) => s.source))] : undefined;
            const r = await (0,broker/* exchangeWithBroker */.Tv)({ brokerUrl: inputs.brokerUrl, getToken, secretNames: wanted, http: ctx.http, retry });
            // 3. Mask first: nothing below may print before every value is registered.
            maskAll(core, Object.entries(r.secrets).map(([name, value]) => ({ name, value })));
            cleanup.revoke = r.revoke.map((e) => ({ ...e, token: r.secrets[e.name] }));
            if (cleanup.revoke.length)
                saveCleanupState(core, cleanup);
            deliveries = deliveriesFor(specs, r.secrets);
            policy = r.policy;
            expiresAt = r.expiresAt;
            claims = r.claims;
            if (r.attempts > 1)
                core.info(`exchange succeeded on attempt ${r.attempts}`);
        }
    }
    catch (e) {
        // Vault's JWT auth refuses a token with 400, the broker with 401/403: both are about the token's claims.
        const aboutClaims = e instanceof errors/* ExchangeError */.S && (e.status === 401 || e.status === 403 || (inputs.broker === 'vault' && e.code === 'broker_refused'));
        if (e instanceof errors/* ExchangeError */.S && (aboutClaims || inputs.debugClaims)) {
            const { printClaims, refusalHelp } = await __nccwpck_require__.e(/* import() */ 582).then(__nccwpck_require__.bind(__nccwpck_require__, 8582));
            core.error(e.message);
            printClaims(core, e.claims, "Claims of this job's OIDC token");
            const help = refusalHelp(e.status);
            if (help)
                core.info(help);
        }
        throw e;
    }
    if (inputs.broker === 'vault')
        maskAll(core, deliveries.map((d) => ({ name: d.spec.exportName, value: d.value })));
    // 4. Every exported name is checked before the first export, so a bad one leaves GITHUB_ENV untouched.
    const problems = deliveries.map((d) => exportNameProblem(d.spec.exportName)).filter((p) => p !== undefined);
    // The runner's file format ends a value at CRLF: a final CR would be lost on the way, so say so instead.
    for (const d of deliveries) {
        if (inputs.exportEnv && !d.spec.asFile && Buffer.byteLength(`${d.spec.exportName}=${d.value}`) + 1 > MAX_ENV_ENTRY_BYTES) {
            problems.push(`${d.spec.exportName} is ${Buffer.byteLength(d.value)} bytes, more than Linux lets one environment variable hold (128 KiB): every later step would fail to start. Deliver it as a file ("| file:${d.spec.exportName}_FILE") or set export-env: false and use the step output`);
        }
        if (!d.spec.asFile && d.value.endsWith('\r'))
            problems.push(`${d.spec.exportName} ends with a carriage return, which GITHUB_ENV/GITHUB_OUTPUT cannot carry; deliver it as a file with "| file:${d.spec.exportName}_FILE"`);
    }
    if (problems.length)
        throw new SecretSpecError(problems.map((p) => `from the broker's answer: ${p}`));
    // 5. Export, and leave the post step what it must remove.
    const result = exportSecrets(deliveries, core, { exportEnv: inputs.exportEnv, runnerTemp: ctx.env.RUNNER_TEMP });
    if (result.fileDir) {
        cleanup.fileDir = result.fileDir;
        saveCleanupState(core, cleanup);
    }
    // 6. Report names, never values.
    core.info(`oidc-exchange: ${result.names.length} secret(s) delivered under policy ${policy}: ${result.names.join(', ')}`);
    if (inputs.debugClaims) {
        const { printClaims } = await __nccwpck_require__.e(/* import() */ 582).then(__nccwpck_require__.bind(__nccwpck_require__, 8582));
        printClaims(core, claims, "Claims of this job's OIDC token (debug-claims)");
    }
    core.appendSummary(summaryMarkdown(deliveries, { source: inputs.broker === 'vault' ? 'Vault' : 'the broker', policy, expiresAt, exportEnv: inputs.exportEnv }));
    return { names: result.names, policy };
}
function maskAll(core, secrets) {
    const plan = planMasks(secrets);
    core.setSecret(...plan.values);
    for (const name of plan.tooShort) {
        core.warning(`${name}: a value, line or JSON field shorter than 4 characters was not masked (masking it would star out every occurrence in the log); keep it out of the log`);
    }
}
/** Pairs each requested line with its value; with no `secrets` input, everything the broker sent, by its own name. */
function deliveriesFor(specs, secrets) {
    if (specs.length === 0) {
        return Object.entries(secrets).map(([name, value], i) => ({ spec: { line: i + 1, source: name, exportName: name, asFile: false }, value }));
    }
    const missing = specs.filter((s) => !(s.source in secrets));
    if (missing.length) {
        throw new errors/* ExchangeError */.S('broker_answer_invalid', `the broker's answer lacks ${missing.map((s) => `${s.source} (line ${s.line})`).join(', ')}`);
    }
    return specs.map((spec) => ({ spec, value: secrets[spec.source] }));
}


/***/ }),

/***/ 7276:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ isCertificateProblem),
/* harmony export */   Tv: () => (/* binding */ exchangeWithBroker),
/* harmony export */   bp: () => (/* binding */ untrusted)
/* harmony export */ });
/* unused harmony export parseError */
/* harmony import */ var _claims_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4328);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6058);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2396);
// The client side of `POST /v1/exchange`, shared by the GitHub Action and the CLI: a fresh OIDC token per
// attempt (a broker that remembers `jti` refuses a replayed one), retries on network errors, 5xx and 429,
// none on other 4xx, and the broker's error code and message handed back as they are.



async function exchangeWithBroker(req) {
    const url = `${req.brokerUrl.replace(/\/+$/, '')}/v1/exchange`;
    const body = req.secretNames ? JSON.stringify({ secrets: req.secretNames }) : undefined;
    let lastClaims;
    let lastStatus;
    try {
        const { value, attempts } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetries */ .L)(req.retry, async (timeoutMs, n) => {
            let token;
            try {
                token = await req.getToken();
            }
            catch (e) {
                // A missing permission is final; the token service being briefly down is not.
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExchangeError */ .S)
                    return { fail: e };
                return { retry: `attempt ${n}: could not get an OIDC token: ${e.message}` };
            }
            lastClaims = (0,_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeClaims */ .Yq)(token);
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
                fail: new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExchangeError */ .S('broker_refused', `the broker refused the exchange (${res.status} ${said})`, {
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
        if (e instanceof _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RetriesExhausted */ .w) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExchangeError */ .S('broker_unavailable', `no answer from the broker at ${req.brokerUrl} after ${e.attempts} attempt(s)${e.deadlinePassed ? ' within the time limit (timeout-seconds)' : ''}; last: ${e.lastReason}`, { status: lastStatus, claims: lastClaims, attempts: e.attempts });
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExchangeError */ .S('broker_answer_invalid', 'the broker answered 200 with a body that is not JSON; is broker-url the broker and not a web page?');
    }
    const a = parsed;
    if (!a || typeof a.secrets !== 'object' || a.secrets === null || Array.isArray(a.secrets)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExchangeError */ .S('broker_answer_invalid', 'the broker answered 200 without a "secrets" object');
    }
    const secrets = {};
    for (const [name, value] of Object.entries(a.secrets)) {
        if (typeof value !== 'string')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExchangeError */ .S('broker_answer_invalid', `the broker's value for ${name} is not a string`);
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExchangeError */ .S('broker_untrusted', `the TLS certificate of ${url} is not trusted (${e.code}): if the broker uses a private CA, pass that CA's certificate as ca-certificate; if the host name differs from the certificate's, fix broker-url`);
}


/***/ }),

/***/ 4328:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Yq: () => (/* binding */ decodeClaims),
/* harmony export */   Zs: () => (/* binding */ describeClaims)
/* harmony export */ });
/* unused harmony export DIAGNOSTIC_CLAIMS */
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


/***/ }),

/***/ 6058:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ ExchangeError)
/* harmony export */ });
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


/***/ }),

/***/ 2267:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
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
        proxied ??= Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(637)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2637)).then((m) => m.proxyHttpClient(proxy, opts.ca));
        return (await proxied)(req);
    };
}
async function direct(req, ca) {
    const url = new URL(req.url);
    const https = url.protocol === 'https:';
    if (!https && url.protocol !== 'http:')
        throw new TransportError('bad_url', `unsupported URL scheme ${url.protocol} (use https:// or http://)`);
    const mod = https ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23));
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
    const { rootCertificates } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1692, 23));
    return [...rootCertificates, ca];
}


/***/ }),

/***/ 2396:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  w: () => (/* binding */ RetriesExhausted),
  L: () => (/* binding */ withRetries)
});

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


/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(6769);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
